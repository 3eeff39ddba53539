import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handleCaseCommand } from "../../src/commands/cases.js";
import { handleCovenantCommand } from "../../src/commands/covenants.js";
import { domainCodec } from "../../src/commands/eventCodec.js";
import type { CaseCommand, Contact, ShareInformation } from "../../src/domain/index.js";
import type { FieldCodec } from "../../src/privacy/codec/fieldCodec.js";
import type { KeyStore, KeyVault } from "../../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../../src/privacy/keys/masterKey.js";
import { postgresKeyVault } from "../../src/privacy/keys/postgres/keyVault.js";
import { sqliteKeyVault } from "../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../src/privacy/keys/subjectKeys.js";
import type { EventStore } from "../../src/store/eventStore.js";
import { openPostgresEventStore } from "../../src/store/postgres/index.js";
import { openSqliteDatabase, SqliteEventStore } from "../../src/store/sqlite/index.js";
import { share as lawfulShare } from "../domain/case/shares.js";
import {
  actor,
  CONTACT,
  COVENANT_ID,
  chair,
  ORG,
  regionCommands,
  SUBJECT,
} from "../domain/fixtures.js";
import { freshDatabaseUrl } from "../support/postgres.js";

// A real store, key store and codec with the region's covenant in place, for projection tests.

export interface World {
  store: EventStore;
  keyStore: KeyStore;
  codec: FieldCodec;
  /** Runs a case command through the real command path; returns the position written. */
  run(command: CaseCommand): Promise<bigint>;
  close(): Promise<void>;
}

const masterKey = masterKeyFrom(randomBytes(32));

async function worldOver(store: EventStore, vault: KeyVault, close: () => Promise<void>) {
  const keyStore = createKeyStore({ vault, masterKey });
  const codec = domainCodec(keyStore);
  const deps = { store, codec };
  for (const command of regionCommands()) await handleCovenantCommand(deps, command);
  const world: World = {
    store,
    keyStore,
    codec,
    async run(command) {
      const handled = await handleCaseCommand(deps, command);
      return handled.position ?? (await store.headPosition());
    },
    close,
  };
  return world;
}

export async function sqliteWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "casustafel-projections-"));
  const db = openSqliteDatabase(join(dir, "events.db"));
  const store = new SqliteEventStore(db, { ownsDatabase: true });
  return worldOver(store, sqliteKeyVault(db), async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export async function postgresWorld(url?: string): Promise<World> {
  const store = await openPostgresEventStore(url ?? (await freshDatabaseUrl()));
  return worldOver(store, postgresKeyVault(store.pool), () => store.close());
}

/** Another process on the same PostgreSQL database: its own store connection and key cache. */
export async function secondProcess(url: string): Promise<Omit<World, "run">> {
  const store = await openPostgresEventStore(url);
  const keyStore = createKeyStore({ vault: postgresKeyVault(store.pool), masterKey });
  return { store, keyStore, codec: domainCodec(keyStore), close: () => store.close() };
}

export const professional = (organisationId: string) => actor(organisationId, "professional");
export const MINUTES_TEXT = "Moeder vertelde over de ruzies thuis sinds de verhuizing.";
export const AGREEMENT_TEXT = "Huisbezoek bij de moeder plannen over de avonden buiten.";
export const SECRET_CONTENT = "Sam wordt na school opgewacht door een groep oudere jongeren.";

/** Case commands with the test defaults; each case gets its own id. */
export function caseScript(caseId = randomUUID(), subjectId = randomUUID()) {
  const base = { caseId, now: "2025-03-10T10:00:00.000Z" };
  const contact: Contact = CONTACT;
  return {
    caseId,
    subjectId,
    open: (at = base.now): CaseCommand => ({
      ...base,
      now: at,
      type: "RaiseSignal",
      actor: professional(ORG.school),
      signalId: randomUUID(),
      subjectId,
      covenantId: COVENANT_ID,
      subject: SUBJECT,
      contact,
      category: "verzuim",
      level: "preventie",
      urgency: "medium",
      description: "Verzuimt elke maandag; vertelde dat het thuis onrustig is.",
    }),
    invite: (organisationId: string, at = base.now): CaseCommand => ({
      ...base,
      now: at,
      type: "InvitePartner",
      actor: chair,
      organisationId,
      message: "Graag aansluiten bij het overleg over deze leerling",
    }),
    join: (organisationId: string, at = base.now): CaseCommand => ({
      ...base,
      now: at,
      type: "JoinCase",
      actor: professional(organisationId),
      contact,
    }),
    leave: (organisationId: string, at = base.now): CaseCommand => ({
      ...base,
      now: at,
      type: "LeaveCase",
      actor: professional(organisationId),
    }),
    meeting: (scheduledFor: string): CaseCommand => ({
      ...base,
      type: "ScheduleMeeting",
      actor: chair,
      meetingId: randomUUID(),
      scheduledFor,
      agenda: "Casusoverleg over de thuissituatie",
    }),
    heldMeeting: (attendees: string[]): CaseCommand[] => {
      const meeting = { ...base, actor: chair, meetingId: randomUUID() };
      return [
        { ...meeting, type: "ScheduleMeeting", scheduledFor: base.now, agenda: "Casusoverleg" },
        {
          ...meeting,
          type: "RecordMeeting",
          heldAt: base.now,
          attendees: attendees.map((organisationId) => ({
            organisationId,
            userId: `user-${organisationId}`,
            confidentialityAcknowledged: true,
          })),
          minutes: MINUTES_TEXT,
          decisions: ["Wijkteam gaat op huisbezoek bij de moeder"],
        },
      ];
    },
    agreement: (
      ownerOrganisationId: string,
      dueDate: string,
      what = AGREEMENT_TEXT,
    ): CaseCommand => ({
      ...base,
      type: "MakeAgreement",
      actor: chair,
      agreementId: randomUUID(),
      what,
      ownerOrganisationId,
      owner: contact,
      dueDate,
    }),
    /** A lawful share from the school to the wijkteam, with this case's ids. */
    share: (fields: Partial<ShareInformation> = {}): CaseCommand =>
      lawfulShare({ ...base, shareId: randomUUID(), content: SECRET_CONTENT, ...fields }),
  };
}

/** The case most tests need: wijkteam joined and named in a share, leerplicht invited, a meeting, two agreements. */
export async function commonCase(world: World) {
  const script = caseScript();
  for (const command of [
    script.open(),
    script.invite(ORG.wijkteam),
    script.join(ORG.wijkteam),
    script.invite(ORG.leerplicht),
    script.share(),
    script.meeting("2025-03-20T14:00:00.000Z"),
    ...script.heldMeeting([ORG.wijkteam]),
    script.agreement(ORG.wijkteam, "2025-03-11", "Verlopen afspraak"),
    script.agreement(ORG.wijkteam, "2025-04-01"),
  ])
    await world.run(command);
  return script;
}

/** Every personal text commonCase writes: none of it may survive an erasure. */
export const PERSONAL_TEXTS = [
  SUBJECT.name,
  CONTACT.name,
  CONTACT.reach,
  SECRET_CONTENT,
  AGREEMENT_TEXT,
  MINUTES_TEXT,
  "huisbezoek bij de moeder",
];
