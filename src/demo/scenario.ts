import type { DemoSession, DemoUser } from "./client.js";
import { demoUser } from "./client.js";
import { DEMO_COVENANT_ID, demoOrganisations as org } from "./organisations.js";

/** The people of the story; every one a user of a demo organisation with one role. */
export interface Cast {
  mentor: DemoUser;
  wijkagent: DemoUser;
  leerplichtambtenaar: DemoUser;
  jongerenwerker: DemoUser;
  wijkcoach: DemoUser;
  voorzitter: DemoUser;
  privacyOfficer: DemoUser;
  schoolPrivacyOfficer: DemoUser;
}

export async function castOf(session: DemoSession): Promise<Cast> {
  return {
    mentor: await demoUser(session, org.secondarySchool, "professional", "mentor-3havo"),
    wijkagent: await demoUser(session, org.police, "professional", "wijkagent-centrum"),
    leerplichtambtenaar: await demoUser(
      session,
      org.leerplicht,
      "professional",
      "lpa-rivierenland",
    ),
    jongerenwerker: await demoUser(
      session,
      org.jongerenwerk,
      "professional",
      "jongerenwerker-stroom",
    ),
    wijkcoach: await demoUser(session, org.wijkteam, "professional", "wijkcoach-centrum-oost"),
    voorzitter: await demoUser(session, org.samenwerkingsverband, "chair", "voorzitter-casustafel"),
    privacyOfficer: await demoUser(session, org.samenwerkingsverband, "privacy-officer", "fg-swv"),
    schoolPrivacyOfficer: await demoUser(
      session,
      org.secondarySchool,
      "privacy-officer",
      "fg-school",
    ),
  };
}

/** What the police heard when it raised its own signal about the same pupil (rule 9). */
export interface MatchedSignal {
  status: number;
  outcome: string;
  caseId: string;
  chairOrganisationId: string;
}

/** What the story created, for the views and the test. */
export interface StoryIds {
  caseId: string;
  subjectId: string;
  policeSignal: MatchedSignal;
  policeShareId: string;
  schoolShareId: string;
  meetingId: string;
  overdueAgreementId: string;
  policeAgreementId: string;
}

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000);
const dateIn = (days: number) => dayOffset(days).toISOString().slice(0, 10);
const instantIn = (days: number) => dayOffset(days).toISOString();

/**
 * A school worries about a pupil drawn into drug dealing. Police and leerplicht join; police
 * shares under Wpg art. 20 with leerplicht only; a meeting; agreements, one overdue; closure.
 * Every name and fact is fictitious.
 */
export async function playStory(cast: Cast): Promise<StoryIds> {
  const { mentor, wijkagent, leerplichtambtenaar, voorzitter } = cast;
  const opened = await mentor.send("POST", "/v1/cases", {
    covenantId: DEMO_COVENANT_ID,
    subject: { name: "Sem de Vries", dateOfBirth: "2010-05-14", school: "Het Rivierencollege" },
    contact: {
      name: "Anouk Jansen",
      function: "Mentor 3 havo",
      reach: "a.jansen@rivierencollege.example",
    },
    category: "drugs",
    level: "preventie",
    urgency: "high",
    description:
      "Sem wordt na schooltijd opgehaald door oudere jongens in een auto, heeft sinds kort dure kleding en twee telefoons, en mist de eerste uren.",
  });
  const { caseId, subjectId } = opened.body;
  const base = `/v1/cases/${caseId}`;
  const policeSignal = await raiseSecondSignal(wijkagent);

  for (const [organisationId, message] of [
    [org.police, "Zorgen over mogelijke betrokkenheid bij drugshandel; graag aansluiten."],
    [org.leerplicht, "Oplopend verzuim in de eerste uren; graag aansluiten."],
    [org.jongerenwerk, "Mogelijk kent het jongerenwerk de groep; wilt u aansluiten?"],
  ] as const) {
    await voorzitter.send("POST", `${base}/invitations`, { organisationId, message });
  }
  await wijkagent.send("POST", `${base}/participants`, {
    contact: { name: "Brigadier R. Bakker", function: "Wijkagent Centrum", reach: "0900-8844" },
  });
  await leerplichtambtenaar.send("POST", `${base}/participants`, {
    contact: {
      name: "M. El Idrissi",
      function: "Leerplichtambtenaar",
      reach: "leerplicht@rivierenland.example",
    },
  });
  await voorzitter.send("PUT", `${base}/regie`, { organisationId: org.leerplicht });

  const policeShare = await wijkagent.send("POST", `${base}/shares`, {
    recipients: [org.leerplicht],
    dataCategories: ["politiegegevens"],
    legalBasisId: "wpg-20",
    purposeId: "voorkomen-jeugdcriminaliteit",
    necessity:
      "Leerplicht moet het verzuim kunnen duiden; zonder deze informatie blijft het risico op uitbuiting buiten beeld. Alleen leerplicht ontvangt het.",
    content:
      "Sem is twee keer aangetroffen bij een woning waar drugs worden verhandeld, samen met bekende oudere jongeren. Geen aanhouding.",
    decisionReference: "Besluit SWV Rivierenland 2024/07, verstrekking politiegegevens art. 20 Wpg",
    weightyPublicInterest:
      "Voorkomen dat een minderjarige verder betrokken raakt bij drugshandel en criminele uitbuiting",
  });
  const schoolShare = await mentor.send("POST", `${base}/shares`, {
    recipients: [org.leerplicht],
    dataCategories: ["verzuim"],
    legalBasisId: "leerplichtwet-21-verzuimmelding",
    purposeId: "schoolverzuim",
    necessity: "Verzuimmelding: sinds drie weken ongeoorloofd afwezig in de eerste twee uren.",
    content: "11 lesuren ongeoorloofd verzuim in drie weken, steeds het eerste en tweede uur.",
  });

  const meeting = await voorzitter.send("POST", `${base}/meetings`, {
    scheduledFor: instantIn(-10),
    agenda: "Zorgen rond Sem: beeld delen, afspraken maken",
  });
  const { meetingId } = meeting.body;
  await voorzitter.send("POST", `${base}/meetings/${meetingId}/record`, {
    heldAt: instantIn(-10),
    attendees: [
      {
        organisationId: org.samenwerkingsverband,
        userId: "voorzitter-casustafel",
        confidentialityAcknowledged: true,
      },
      {
        organisationId: org.secondarySchool,
        userId: "mentor-3havo",
        confidentialityAcknowledged: true,
      },
      {
        organisationId: org.police,
        userId: "wijkagent-centrum",
        confidentialityAcknowledged: true,
      },
      {
        organisationId: org.leerplicht,
        userId: "lpa-rivierenland",
        confidentialityAcknowledged: true,
      },
    ],
    minutes:
      "Beeld gedeeld. Zorgen over uitbuiting worden herkend. Leerplicht neemt de regie en spreekt Sem en zijn moeder.",
    decisions: [
      "Leerplicht voert verzuimgesprek",
      "School start mentorgesprekken",
      "Wijkagent houdt contact",
    ],
  });
  const overdue = await voorzitter.send("POST", `${base}/agreements`, {
    what: "Verzuimgesprek met Sem en zijn moeder",
    ownerOrganisationId: org.leerplicht,
    owner: { name: "Karin de Wit", function: "leerplichtambtenaar", reach: "06-20000001" },
    dueDate: dateIn(-3),
    meetingId,
  });
  const mentoring = await voorzitter.send("POST", `${base}/agreements`, {
    what: "Wekelijks mentorgesprek inplannen",
    ownerOrganisationId: org.secondarySchool,
    owner: { name: "Tom Jansen", function: "mentor", reach: "06-20000002" },
    dueDate: dateIn(-5),
    meetingId,
  });
  const policeContact = await voorzitter.send("POST", `${base}/agreements`, {
    what: "Wijkagent legt contact met de moeder",
    ownerOrganisationId: org.police,
    owner: { name: "Ahmed El Amrani", function: "wijkagent", reach: "06-20000003" },
    dueDate: dateIn(14),
    meetingId,
  });
  await mentor.send("POST", `${base}/agreements/${mentoring.body.agreementId}/completion`);

  return {
    caseId,
    subjectId,
    policeSignal,
    policeShareId: policeShare.body.shareId,
    schoolShareId: schoolShare.body.shareId,
    meetingId,
    overdueAgreementId: overdue.body.agreementId,
    policeAgreementId: policeContact.body.agreementId,
  };
}

/**
 * The police, not yet in the case, raises a signal about the same pupil, his name typed in
 * parts: it joins the school's case (a strong match on full name and date of birth), and the
 * police learns only that case's id and its chair until the chair invites it.
 */
async function raiseSecondSignal(wijkagent: DemoUser): Promise<MatchedSignal> {
  const answer = await wijkagent.send("POST", "/v1/cases", {
    covenantId: DEMO_COVENANT_ID,
    subject: {
      name: "Sem de Vries",
      givenNames: "Sem",
      tussenvoegsel: "de",
      surname: "VRIES",
      dateOfBirth: "2010-05-14",
      school: "Het Rivierencollege",
    },
    contact: { name: "Brigadier R. Bakker", function: "Wijkagent Centrum", reach: "0900-8844" },
    category: "criminaliteit",
    level: "preventie",
    urgency: "high",
    description: "Sem is 's avonds gezien bij een drugspand met oudere jongens uit de wijk.",
  });
  const { outcome, caseId, chairOrganisationId } = answer.body;
  return { status: answer.status, outcome, caseId, chairOrganisationId };
}

/** The owners finish their agreements (leerplicht late), then the chair closes the case. */
export async function closeStory(
  cast: Cast,
  ids: StoryIds,
  sessionAgreementId: string,
): Promise<void> {
  const base = `/v1/cases/${ids.caseId}`;
  await cast.wijkagent.send("POST", `${base}/agreements/${sessionAgreementId}/completion`);
  await cast.leerplichtambtenaar.send(
    "POST",
    `${base}/agreements/${ids.overdueAgreementId}/completion`,
  );
  await cast.wijkagent.send("POST", `${base}/agreements/${ids.policeAgreementId}/completion`);
  await cast.voorzitter.send("POST", `/v1/cases/${ids.caseId}/closure`, {
    outcome: "referred",
    reason: "Overgedragen aan jeugdhulp; leerplicht blijft betrokken",
  });
}
