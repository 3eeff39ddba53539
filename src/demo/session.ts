import type { DemoUser } from "./client.js";
import { DEMO_COVENANT_ID, demoOrganisations as org } from "./organisations.js";
import type { Cast, StoryIds } from "./scenario.js";

/** One young person on the session's agenda: the case and, for the printout, a first name. */
export interface AgendaCase {
  caseId: string;
  name: string;
  itemId: string;
}

export interface SessionIds {
  sessionId: string;
  /** In agenda order: Sem (the police's case), then the two without the police. */
  items: AgendaCase[];
  /** Made at Sem's item, owned by the police; it completes it before the case closes. */
  policeAgreementId: string;
}

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const attendee = (organisationId: string, userId: string) => ({
  organisationId,
  userId,
  confidentialityAcknowledged: true,
});

/** The school raises a signal about another pupil; the chair invites partners and they join. */
async function openCase(
  cast: Cast,
  subject: { name: string; dateOfBirth: string },
  category: string,
  description: string,
  partners: { user: DemoUser; contact: { name: string; function: string; reach: string } }[],
): Promise<string> {
  const opened = await cast.mentor.send("POST", "/v1/cases", {
    covenantId: DEMO_COVENANT_ID,
    subject: { ...subject, school: "Het Rivierencollege" },
    contact: {
      name: "Anouk Jansen",
      function: "Mentor 3 havo",
      reach: "a.jansen@rivierencollege.example",
    },
    category,
    level: "preventie",
    urgency: "medium",
    description,
  });
  const caseId: string = opened.body.caseId;
  for (const { user, contact } of partners) {
    await cast.voorzitter.send("POST", `/v1/cases/${caseId}/invitations`, {
      organisationId: user.organisationId,
      message: "Graag aansluiten bij de casustafel.",
    });
    await user.send("POST", `/v1/cases/${caseId}/participants`, { contact });
  }
  return caseId;
}

/** Two more pupils of the school, neither a case of the police. Every name is fictitious. */
async function twoMoreCases(cast: Cast): Promise<AgendaCase[]> {
  const lina = await openCase(
    cast,
    { name: "Lina Vermeulen", dateOfBirth: "2011-02-03" },
    "groepsvorming-overlast",
    "Lina hangt 's avonds rond bij het winkelcentrum met een groep die overlast geeft.",
    [
      {
        user: cast.jongerenwerker,
        contact: { name: "Youssef Haddou", function: "Jongerenwerker", reach: "06-30000001" },
      },
      {
        user: cast.wijkcoach,
        contact: { name: "Ine Bakker", function: "Wijkcoach", reach: "06-30000002" },
      },
    ],
  );
  const daan = await openCase(
    cast,
    { name: "Daan Mulder", dateOfBirth: "2010-11-21" },
    "verzuim",
    "Daan is sinds de herfstvakantie vaak afwezig op maandag en zegt dat hij thuis moet helpen.",
    [
      {
        user: cast.leerplichtambtenaar,
        contact: { name: "M. El Idrissi", function: "Leerplichtambtenaar", reach: "06-30000003" },
      },
    ],
  );
  return [
    { caseId: lina, name: "Lina Vermeulen", itemId: "" },
    { caseId: daan, name: "Daan Mulder", itemId: "" },
  ];
}

/** What is recorded at each item: who attended, minutes, decisions, one agreement with its owner. */
const records = (cast: Cast) => [
  {
    attendees: [
      attendee(org.samenwerkingsverband, "voorzitter-casustafel"),
      attendee(org.secondarySchool, "mentor-3havo"),
      attendee(org.police, "wijkagent-centrum"),
      attendee(org.leerplicht, "lpa-rivierenland"),
    ],
    minutes: "Sem komt weer op tijd; de oudere jongens zijn nog in beeld bij de wijkagent.",
    decisions: ["Wijkagent blijft contact houden met de moeder"],
    agreement: {
      what: "Wijkagent belt de moeder over de jongens in de auto",
      ownerOrganisationId: cast.wijkagent.organisationId,
      owner: { name: "Ahmed El Amrani", function: "wijkagent", reach: "06-20000003" },
    },
  },
  {
    attendees: [
      attendee(org.samenwerkingsverband, "voorzitter-casustafel"),
      attendee(org.secondarySchool, "mentor-3havo"),
      attendee(org.jongerenwerk, "jongerenwerker-stroom"),
      attendee(org.wijkteam, "wijkcoach-centrum-oost"),
    ],
    minutes: "Het jongerenwerk kent de groep; Lina wil graag meedoen aan de meidenavond.",
    decisions: ["Jongerenwerk nodigt Lina uit voor de meidenavond"],
    agreement: {
      what: "Meidenavond met Lina afspreken",
      ownerOrganisationId: cast.jongerenwerker.organisationId,
      owner: { name: "Youssef Haddou", function: "jongerenwerker", reach: "06-30000001" },
    },
  },
  {
    attendees: [
      attendee(org.samenwerkingsverband, "voorzitter-casustafel"),
      attendee(org.secondarySchool, "mentor-3havo"),
      attendee(org.leerplicht, "lpa-rivierenland"),
    ],
    minutes:
      "Daan zorgt op maandag voor zijn broertje; leerplicht zoekt met de ouders naar opvang.",
    decisions: ["Leerplicht gaat in gesprek met de ouders"],
    agreement: {
      what: "Gesprek met de ouders van Daan over opvang op maandag",
      ownerOrganisationId: cast.leerplichtambtenaar.organisationId,
      owner: { name: "M. El Idrissi", function: "leerplichtambtenaar", reach: "06-30000003" },
    },
  },
];

/**
 * The next chapter: a casustafel session with Sem and two more pupils on the agenda. The police
 * is a participant of Sem's case only, so it may attend that item and no other. Each item is
 * recorded, its minutes approved by the chair, and the session marked held.
 */
export async function playSession(cast: Cast, ids: StoryIds): Promise<SessionIds> {
  const { voorzitter } = cast;
  const others = await twoMoreCases(cast);
  const planned = await voorzitter.send("POST", "/v1/sessions", {
    covenantId: DEMO_COVENANT_ID,
    startsAt: dateIn(-1),
    endsAt: dateIn(-1 + 2 / 24),
    location: "Stadhuis Rivierenland, zaal 2",
    plannedOrganisationIds: [
      org.secondarySchool,
      org.police,
      org.leerplicht,
      org.jongerenwerk,
      org.wijkteam,
    ],
  });
  const { sessionId } = planned.body;
  const base = `/v1/sessions/${sessionId}/agenda`;
  const agenda = [{ caseId: ids.caseId, name: "Sem de Vries", itemId: "" }, ...others];
  for (const item of agenda) {
    const added = await voorzitter.send("POST", base, {
      caseId: item.caseId,
      question: "Hoe gaat het nu, en wie doet wat?",
    });
    item.itemId = added.body.itemId;
  }
  for (const [index, record] of records(cast).entries()) {
    const { itemId } = agenda[index]!;
    const { agreement, ...held } = record;
    const recorded = await voorzitter.send("POST", `${base}/${itemId}/record`, {
      heldAt: dateIn(-1 + index / 24),
      ...held,
      agreements: [{ ...agreement, dueDate: dateIn(5).slice(0, 10) }],
    });
    await voorzitter.send(
      "POST",
      `${base}/${itemId}/minutes/approve`,
      {},
      {
        "if-match": `"${recorded.body.revision}"`,
      },
    );
  }
  await voorzitter.send("POST", `/v1/sessions/${sessionId}/held`);
  const sem = await cast.wijkagent.get(`/v1/cases/${ids.caseId}`);
  const made = (sem.body.agreements as { agreementId: string; what: string }[]).find(
    (agreement) => agreement.what === records(cast)[0]!.agreement.what,
  );
  if (!made) throw new Error("the agreement made at Sem's item is missing");
  return { sessionId, items: agenda, policeAgreementId: made.agreementId };
}
