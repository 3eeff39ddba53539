// Child process for the crash test: projects the shelved logs while it records reads, printing
// each read's id once its append is acknowledged, until it is killed with SIGKILL. With
// "self" it kills itself right after a burst of reads is acknowledged: the events are stored,
// their rows and checkpoint not yet.
import { domainCodec } from "../../../src/commands/eventCodec.js";
import { recordAccess } from "../../../src/privacy/accessRecords.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { postgresKeyVault } from "../../../src/privacy/keys/postgres/keyVault.js";
import { sqliteKeyVault } from "../../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import { createProjector } from "../../../src/projections/projector.js";
import {
  offThreadModelTables,
  readModelsPath,
} from "../../../src/projections/shelved/offThreadModelTables.js";
import { postgresModelTables } from "../../../src/projections/shelved/postgresModelTables.js";
import { openPostgresEventStore } from "../../../src/store/postgres/index.js";
import { openSqliteEventStore } from "../../../src/store/sqlite/index.js";
import { COVENANT_ID, ORG } from "../../domain/fixtures.js";
import { professional } from "../../privacy/auditWorld.js";
import { openShelves } from "./shelfWorld.js";

const [kind, place, caseId, subjectId, mode] = process.argv.slice(2) as string[];
const masterKey = masterKeyFrom(Buffer.from(process.env.MASTER_KEY!, "base64"));

async function storage() {
  if (kind === "sqlite") {
    const store = openSqliteEventStore(place!);
    const tables = await offThreadModelTables(readModelsPath(place!));
    return { store, vault: sqliteKeyVault(store.db), tables };
  }
  const store = await openPostgresEventStore(place!);
  const tables = await postgresModelTables(store.pool);
  return { store, vault: postgresKeyVault(store.pool), tables };
}

const { store, vault, tables } = await storage();
const keyStore = createKeyStore({ vault, masterKey });
const shelves = await openShelves(tables);
const models = [shelves.accessLog, shelves.processingLog];
await createProjector({ store, codec: domainCodec(keyStore), keyStore, models }).start();

const read = (n: number) =>
  recordAccess(store, {
    actor: professional([ORG.school, ORG.wijkteam, ORG.police][n % 3]!),
    caseId: caseId!,
    subjectId: subjectId!,
    covenantId: COVENANT_ID,
    itemIds: ["header"],
    now: new Date(Date.UTC(2025, 4, 1) + n * 60_000).toISOString(),
  });

for (let n = 0; ; n += 20) {
  const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => read(n + i)));
  process.stdout.write(`${burst.map(({ readId }) => readId).join("\n")}\n`);
  if (mode === "self" && n >= 100) process.kill(process.pid, "SIGKILL");
}
