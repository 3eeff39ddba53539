import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handleCaseCommand } from "../../src/commands/cases.js";
import { handleCovenantCommand, loadCovenant } from "../../src/commands/covenants.js";
import { domainCodec } from "../../src/commands/eventCodec.js";
import { handleSubjectCommand } from "../../src/commands/subjects.js";
import type {
  CaseCommand,
  CovenantState,
  ShareInformation,
  Subject,
  SubjectCommand,
} from "../../src/domain/index.js";
import type { FieldCodec } from "../../src/privacy/codec/fieldCodec.js";
import type { IdentityIndex } from "../../src/privacy/identity/identityIndex.js";
import type { KeyStore, KeyVault } from "../../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../../src/privacy/keys/masterKey.js";
import { postgresIdentityIndex } from "../../src/privacy/keys/postgres/identityIndex.js";
import { postgresKeyVault } from "../../src/privacy/keys/postgres/keyVault.js";
import { sqliteIdentityIndex } from "../../src/privacy/keys/sqlite/identityIndex.js";
import { sqliteKeyVault } from "../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../src/privacy/keys/subjectKeys.js";
import { createProjector, type Projector } from "../../src/projections/projector.js";
import type { ReadModel } from "../../src/projections/readModel.js";
import type { ModelTables } from "../../src/projections/shelved/modelTables.js";
import {
  offThreadModelTables,
  readModelsPath,
} from "../../src/projections/shelved/offThreadModelTables.js";
import { postgresModelTables } from "../../src/projections/shelved/postgresModelTables.js";
import type { EventStore } from "../../src/store/eventStore.js";
import { openPostgresEventStore, type PostgresEventStore } from "../../src/store/postgres/index.js";
import { openSqliteDatabase, SqliteEventStore } from "../../src/store/sqlite/index.js";
import { share as lawfulShare } from "../domain/case/shares.js";
import { actor, CONTACT, COVENANT_ID, chair, ORG, regionCommands } from "../domain/fixtures.js";
import { freshDatabaseUrl } from "../support/postgres.js";

// A real store, key store and codec with the region's covenant, for the audit side's tests.

export interface AuditWorld {
  store: EventStore;
  keyStore: KeyStore;
  codec: FieldCodec;
  /** The SQLite file, when the world is on SQLite. */
  sqlitePath?: string;
  /** The pool, when the world is on PostgreSQL. */
  pool?: PostgresEventStore["pool"];
  /** The blind indexes, in the key store's database as the service keeps them. */
  identityIndex: IdentityIndex;
  /** The shelved read models' tables, beside the events as the service keeps them. */
  modelTables: ModelTables;
  run(command: CaseCommand): Promise<bigint>;
  runSubject(command: SubjectCommand): Promise<bigint>;
  covenant(): Promise<CovenantState>;
  close(): Promise<void>;
}

const masterKeyBytes = randomBytes(32);
const masterKey = masterKeyFrom(masterKeyBytes);
/** The worlds' master key as MASTER_KEY holds it, for a CLI run against a world's file. */
export const MASTER_KEY_BASE64 = masterKeyBytes.toString("base64");

async function worldOver(
  store: EventStore,
  vault: KeyVault,
  close: () => Promise<void>,
  place: Pick<AuditWorld, "sqlitePath" | "pool" | "identityIndex" | "modelTables">,
): Promise<AuditWorld> {
  const keyStore = createKeyStore({ vault, masterKey });
  const codec = domainCodec(keyStore);
  const deps = { store, codec, keyStore };
  const established = await store.readStream(`covenant-${COVENANT_ID}`, { limit: 1 });
  if (established.length === 0) {
    for (const command of regionCommands()) await handleCovenantCommand(deps, command);
  }
  return {
    ...place,
    store,
    keyStore,
    codec,
    async run(command) {
      return (await handleCaseCommand(deps, command)).position ?? store.headPosition();
    },
    async runSubject(command) {
      return (
        (await handleSubjectCommand(deps, command, COVENANT_ID)).position ?? store.headPosition()
      );
    },
    covenant: () => loadCovenant(deps, COVENANT_ID),
    close,
  };
}

/** A world on an SQLite file; with `path` given the file is the caller's and outlives close(). */
export async function sqliteAuditWorld(path?: string): Promise<AuditWorld> {
  const dir = path ? undefined : mkdtempSync(join(tmpdir(), "casustafel-audit-"));
  const sqlitePath = path ?? join(dir as string, "store.db");
  const db = openSqliteDatabase(sqlitePath);
  const store = new SqliteEventStore(db, { ownsDatabase: true });
  // The read models as the service keeps them: a file of their own, in a worker thread.
  const modelTables = await offThreadModelTables(readModelsPath(sqlitePath));
  const close = async () => {
    await Promise.all([store.close(), modelTables.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  return worldOver(store, sqliteKeyVault(db), close, {
    sqlitePath,
    identityIndex: sqliteIdentityIndex(db),
    modelTables,
  });
}

/** A world in a fresh database on the suite's server, or on the database at `url`. */
export async function postgresAuditWorld(url?: string): Promise<AuditWorld> {
  const store = await openPostgresEventStore(url ?? (await freshDatabaseUrl()));
  return worldOver(store, postgresKeyVault(store.pool), () => store.close(), {
    pool: store.pool,
    identityIndex: postgresIdentityIndex(store.pool),
    modelTables: await postgresModelTables(store.pool),
  });
}

export const professional = (organisationId: string) => actor(organisationId, "professional");
export const privacyOfficer = (organisationId: string) => actor(organisationId, "privacy-officer");
/** The covenant's privacy officer: the privacy-officer role in the chair organisation. */
export const covenantOfficer = privacyOfficer(ORG.chair);

export const SHARED_CONTENT =
  "Wordt na school opgewacht door een groep oudere jongeren bij het station.";
export const SIGNAL_TEXT = "Verzuimt elke maandag; vertelde dat het thuis onrustig is.";

/** Commands for one case with the test defaults; every case gets its own ids. */
export function caseScript(options: { subject?: Subject; subjectId?: string; at?: string } = {}) {
  const caseId = randomUUID();
  const subjectId = options.subjectId ?? randomUUID();
  const now = options.at ?? "2025-03-10T10:00:00.000Z";
  const base = { caseId, now };
  /** A lawful share from the school to the wijkteam, with this case's ids. */
  const share = (fields: Partial<ShareInformation> = {}): CaseCommand =>
    lawfulShare({ ...base, shareId: randomUUID(), content: SHARED_CONTENT, ...fields });
  return {
    caseId,
    subjectId,
    open: (fields: { category?: string; at?: string; school?: string } = {}): CaseCommand => ({
      ...base,
      now: fields.at ?? now,
      type: "RaiseSignal",
      actor: professional(ORG.school),
      signalId: randomUUID(),
      subjectId,
      covenantId: COVENANT_ID,
      subject: options.subject ?? {
        name: "Sam de Vries",
        dateOfBirth: "2011-01-15",
        school: fields.school ?? "Het Baken",
      },
      contact: CONTACT,
      category: fields.category ?? "verzuim",
      level: "preventie",
      urgency: "medium",
      description: SIGNAL_TEXT,
    }),
    invite: (organisationId: string): CaseCommand => ({
      ...base,
      type: "InvitePartner",
      actor: chair,
      organisationId,
      message: "Graag aansluiten bij het overleg",
    }),
    join: (organisationId: string): CaseCommand => ({
      ...base,
      type: "JoinCase",
      actor: professional(organisationId),
      contact: CONTACT,
    }),
    share,
    /** A lawful share from the school to leerplicht: absence data under the Leerplichtwet. */
    shareWithLeerplicht: (fields: Partial<ShareInformation> = {}): CaseCommand =>
      share({
        recipients: [ORG.leerplicht],
        dataCategories: ["verzuim"],
        legalBasisId: "leerplichtwet-21-verzuimmelding",
        ...fields,
      }),
    close: (at = now): CaseCommand => ({
      ...base,
      now: at,
      type: "CloseCase",
      actor: chair,
      outcome: "resolved",
      reason: "Hulp thuis loopt via het wijkteam",
    }),
    reopen: (at = now): CaseCommand => ({
      ...base,
      now: at,
      type: "ReopenCase",
      actor: chair,
      reason: "Nieuw signaal van school",
    }),
    extendRetention: (retentionUntil: string, at = now): CaseCommand => ({
      ...base,
      now: at,
      type: "ExtendRetention",
      actor: chair,
      retentionUntil,
      reason: "Lopende procedure bij de rechtbank",
    }),
  };
}

/** The case with the school, wijkteam and police joined: the usual start of a test. */
export async function caseWithPartners(world: AuditWorld, script: ReturnType<typeof caseScript>) {
  await world.run(script.open());
  for (const organisationId of [ORG.wijkteam, ORG.police, ORG.leerplicht]) {
    await world.run(script.invite(organisationId));
    await world.run(script.join(organisationId));
  }
}

/** The real projector over the world's store, feeding the given models; caught up when it resolves. */
export async function projectorOver(world: AuditWorld, ...models: ReadModel[]): Promise<Projector> {
  const projector = createProjector({ ...world, models });
  await projector.start();
  return projector;
}

/** Waits until the projector has applied everything in the store. */
export async function settled(world: AuditWorld, projector: Projector): Promise<void> {
  if (!(await projector.waitFor(await world.store.headPosition(), 5000))) {
    throw new Error("projector did not catch up");
  }
}
