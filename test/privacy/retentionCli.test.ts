import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, expect, test } from "vitest";
import { subjectStreamId } from "../../src/domain/index.js";
import { ORG } from "../domain/fixtures.js";
import { type AuditWorld, caseScript, MASTER_KEY_BASE64, sqliteAuditWorld } from "./auditWorld.js";

const run = promisify(execFile);
let dir: string;
let world: AuditWorld | undefined;
afterEach(async () => {
  await world?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("npm run retention erases what is due in the configured store and prints a summary without personal data", async () => {
  // Given a store file with a case closed in 2020 (retention five years, so ended)
  dir = mkdtempSync(join(tmpdir(), "casustafel-retention-cli-"));
  const path = join(dir, "store.db");
  world = await sqliteAuditWorld(path);
  const script = caseScript({ at: "2020-01-10T10:00:00.000Z" });
  for (const command of [
    script.open(),
    script.invite(ORG.wijkteam),
    script.join(ORG.wijkteam),
    script.share(),
    script.close(),
  ])
    await world.run(command);
  await world.close();
  world = undefined;

  // When the CLI runs against it
  const { stdout } = await run("npx", ["tsx", "src/cli/retention.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      STORE: "sqlite",
      SQLITE_PATH: path,
      DATA_DIR: dir,
      MASTER_KEY: MASTER_KEY_BASE64,
    },
  });

  // Then it printed what it did, in ids and counts, and the subject is erased
  const summary = JSON.parse(stdout.trim().split("\n").at(-1) as string);
  expect(summary).toMatchObject({ subjectsErased: 1, casesErased: 1, failures: [] });
  expect(stdout).not.toContain("Sam de Vries");
  world = await sqliteAuditWorld(path);
  const [erased] = await world.store.readStream(subjectStreamId(script.subjectId));
  expect(erased?.data).toMatchObject({ reason: "retention", caseIds: [script.caseId] });
}, 60_000);
