import { type Cast, castOf, playStory, type StoryIds } from "../../../src/demo/scenario.js";
import { type StoreKind, startTestService, type TestService } from "./service.js";

export { DEMO_COVENANT_ID, demoOrganisations as ORG } from "../../../src/demo/organisations.js";

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
