import { DEMO_COVENANT_ID, demoOrganisations as org } from "./organisations.js";
import type { Cast } from "./scenario.js";

/** The werkgroep chapter: a phenomenon, not a person, on the agenda, and what partners do about it. */
export interface ThemeChapter {
  themeId: string;
  title: string;
  sessionId: string;
  /** The two collective actions: owner organisation and what. */
  actions: { actionId: string; ownerOrganisationId: string; what: string }[];
  /** The police's worklist entries for the actions it owns. */
  policeActionsDue: number;
  /** Size of the chair's newsletter overview. */
  overviewBytes: number;
}

const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const dayIn = (days: number) => dateIn(days).slice(0, 10);

/**
 * The school raises "messen rond het station na schooltijd" for the whole covenant; the chair
 * puts it on a werkgroep session, records the discussion and two collective actions (police
 * and Halt), and downloads the newsletter overview.
 */
export async function playThemes(cast: Cast): Promise<ThemeChapter> {
  const { mentor, voorzitter, wijkagent } = cast;
  const title = "Messen rond het station na schooltijd";
  const raised = await mentor.send("POST", "/v1/themes", {
    covenantId: DEMO_COVENANT_ID,
    title,
    description:
      "Leerlingen van meerdere klassen melden dat een groep oudere jongens na schooltijd bij het station messen laat zien.",
    category: "wapens",
    level: "preventie",
    places: { organisationIds: [org.secondarySchool], area: "Stationsplein" },
  });
  const themeId: string = raised.body.themeId;
  const planned = await voorzitter.send("POST", "/v1/sessions", {
    covenantId: DEMO_COVENANT_ID,
    startsAt: dateIn(14),
    endsAt: dateIn(14.1),
    location: "Gemeentehuis, werkgroep Veilig in en om school",
    plannedOrganisationIds: [org.secondarySchool, org.police, org.halt],
  });
  const sessionId: string = planned.body.sessionId;
  await voorzitter.send("POST", `/v1/themes/${themeId}/agenda`, { sessionId });
  await voorzitter.send("POST", `/v1/themes/${themeId}/discussions`, {
    sessionId,
    minutes: "Politie herkent het beeld; Halt kan voorlichting geven; school informeert ouders.",
    decisions: [
      "Extra toezicht bij het station na schooltijd",
      "Voorlichting in de eerste klassen",
    ],
  });
  const agreed = [
    { ownerOrganisationId: org.police, what: "Extra surveillance bij het station na schooltijd" },
    {
      ownerOrganisationId: org.halt,
      what: "Halt geeft een les over wapenbezit in alle eerste klassen van Het Rivierencollege voor de voorjaarsvakantie",
    },
  ];
  const actions = [];
  for (const [i, action] of agreed.entries()) {
    const made = await voorzitter.send("POST", `/v1/themes/${themeId}/actions`, {
      sessionId,
      ...action,
      dueDate: dayIn(3 + 30 * i),
    });
    actions.push({ actionId: made.body.actionId as string, ...action });
  }
  const worklist = await wijkagent.get("/v1/worklist");
  const entries = worklist.body.sections.flatMap((s: { entries: { kind: string }[] }) => s.entries);
  const overview = await voorzitter.download(`/v1/theme-overview.pdf?covenant=${DEMO_COVENANT_ID}`);
  return {
    themeId,
    title,
    sessionId,
    actions,
    policeActionsDue: entries.filter((e: { kind: string }) => e.kind === "action-due").length,
    overviewBytes: overview.bytes.length,
  };
}
