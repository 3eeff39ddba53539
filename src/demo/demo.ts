import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "pino";
import { loadConfig } from "../config.js";
import { createLogger } from "../observability/logger.js";
import { createMetrics } from "../observability/metrics.js";
import { startService } from "../service.js";
import type { DemoSession } from "./client.js";
import { DEMO_COVENANT_ID } from "./organisations.js";
import { castOf, closeStory, playStory, type StoryIds } from "./scenario.js";
import { demoDevelopment } from "./seed.js";
import { playSession, type SessionIds } from "./session.js";
import { playThemes, type ThemeChapter } from "./themes.js";
import { type AuditView, auditView, type PartnerView, partnerView } from "./views.js";
import {
  type PoliceSessionView,
  partnerWorklists,
  policeSessionView,
  type Worklist,
} from "./worklists.js";

export interface DemoResult {
  ids: StoryIds;
  /** Leerplicht's overdue agreements across its cases, before closure. */
  overdueForLeerplicht: { what: string; dueDate: string }[];
  partners: PartnerView[];
  session: SessionIds;
  /** Each partner's GET /v1/worklist right after the session. */
  worklists: Worklist[];
  police: PoliceSessionView;
  /** The werkgroep chapter: a theme, its session and two collective actions. */
  themes: ThemeChapter;
  audit: AuditView;
  elapsedMs: number;
}

/**
 * Plays the demo story through the HTTP API of a real service: a fresh SQLite store in a
 * temporary directory, an ephemeral port, dev tokens minted in-process. Leaves nothing behind.
 */
export async function runDemo(options: { logger?: Logger } = {}): Promise<DemoResult> {
  const started = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), "casustafel-demo-"));
  const config = loadConfig({
    NODE_ENV: "development",
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
  });
  const logger = options.logger ?? createLogger({ logLevel: "silent" });
  const service = await startService(config, logger, {
    development: demoDevelopment(),
    metrics: createMetrics({ defaultMetrics: false }),
  });
  try {
    const session: DemoSession = { config, url: service.url };
    const cast = await castOf(session);
    const ids = await playStory(cast);
    const overdue = await cast.leerplichtambtenaar.get("/v1/agreements?status=overdue");
    const sessionIds = await playSession(cast, ids);
    const worklists = await partnerWorklists(cast);
    const police = await policeSessionView(cast, sessionIds);
    await closeStory(cast, ids, sessionIds.policeAgreementId);
    const themes = await playThemes(cast);
    const partners = [
      await partnerView("school", cast.mentor, ids),
      await partnerView("politie", cast.wijkagent, ids),
      await partnerView("leerplicht", cast.leerplichtambtenaar, ids),
      await partnerView("jongerenwerk", cast.jongerenwerker, ids),
      await partnerView("privacy officer", cast.privacyOfficer, ids),
    ];
    const audit = await auditView(cast, ids, DEMO_COVENANT_ID);
    return {
      ids,
      overdueForLeerplicht: (overdue.body?.agreements ?? []).map(
        (agreement: { what: string; dueDate: string }) => ({
          what: agreement.what,
          dueDate: agreement.dueDate,
        }),
      ),
      partners,
      session: sessionIds,
      worklists,
      police,
      themes,
      audit,
      elapsedMs: Date.now() - started,
    };
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
