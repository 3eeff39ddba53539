import { DEMO_COVENANT_ID, demoOrganisations as ORG } from "../../../src/demo/organisations.js";
import { type Cast, castOf, playStory, type StoryIds } from "../../../src/demo/scenario.js";
import { type StoreKind, startTestService, type TestService } from "./service.js";

export { DEMO_COVENANT_ID, ORG };

/** Texts the story stores encrypted; no audit answer may ever contain one of them. */
export const CONTENT = [
  "Sem de Vries",
  "twee keer aangetroffen bij een woning",
  "11 lesuren ongeoorloofd verzuim",
  "Zorgen over uitbuiting worden herkend",
  "Anouk Jansen",
];

export interface DemoCase {
  service: TestService;
  cast: Cast;
  ids: StoryIds;
}

/** The service with the demo covenant and the demo's case played through the API. */
export async function startWithDemoCase(kind: StoreKind = "sqlite"): Promise<DemoCase> {
  const service = await startTestService(kind, { seedDemo: true });
  const cast = await castOf({ config: service.config, url: service.url });
  const ids = await playStory(cast);
  return { service, cast, ids };
}

/** A case the school raises in the demo covenant about another young person; its id. */
export async function schoolRaisesCase(
  demo: DemoCase,
  subject: { name: string; dateOfBirth: string },
): Promise<string> {
  const school = await demo.service.token(ORG.secondarySchool, ["professional"]);
  const opened = await demo.service.call(school, "POST", "/v1/cases", {
    covenantId: DEMO_COVENANT_ID,
    subject: { ...subject, school: "Het Rivierencollege" },
    contact: { name: "Mentor", function: "mentor", reach: "06-00000000" },
    category: "verzuim",
    level: "preventie",
    urgency: "medium",
    description: "Vaak afwezig.",
  });
  if (opened.status !== 201) throw new Error(`the school's case: ${opened.status}`);
  return ((await opened.json()) as { caseId: string }).caseId;
}
