// Projection rebuild speed (decrypting every personal field) and caseView query latency.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { domainCodec } from "../src/commands/eventCodec.js";
import type { CaseEvent } from "../src/domain/index.js";
import type { KeyStore } from "../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../src/privacy/keys/masterKey.js";
import { sqliteKeyVault } from "../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../src/privacy/keys/subjectKeys.js";
import { createCaseReadModels } from "../src/projections/caseModels.js";
import { createProjector } from "../src/projections/projector.js";
import type { EventStore } from "../src/store/eventStore.js";
import { openSqliteDatabase, SqliteEventStore } from "../src/store/sqlite/index.js";
import { type RecordedEvent, START } from "../src/store/types.js";
import { type Figure, quantile, round } from "./figure.js";

const CASES = Number(process.env.BENCH_PROJECTION_CASES ?? 1000);
const EVENTS_PER_CASE = 200;
const PARTNERS = ["org-wijkteam", "org-politie", "org-leerplicht", "org-jeugdhulp"];
const TEXT =
  "Leerling verzuimt sinds de herfstvakantie structureel op maandag en dinsdag; mentor en " +
  "leerplicht hebben contact gehad met ouders, afspraak gemaakt voor een gesprek.";
const CONTACT = { name: "Ine Bakker", function: "zorgcoördinator", reach: "06-12345678" };
const NECESSITY = "Het wijkteam heeft het verzuimpatroon nodig om de hulp thuis af te stemmen.";

/** A case of 200 events with personal fields where the domain puts them: about two per event. */
function caseHistory(caseId: string, subjectId: string): CaseEvent[] {
  const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  const d = <T extends object>(fields: T) => ({ caseId, subjectId, ...fields });
  const events: CaseEvent[] = [
    {
      type: "CaseOpened",
      data: d({
        covenantId: "cov",
        chairOrganisationId: "org-svw",
        subject: { name: "Sam de Vries", dateOfBirth: "2011-01-15", school: "Het Baken" },
        openedBy: "org-school",
        contact: CONTACT,
        openedAt: at(0),
      }),
    },
  ];
  const signal = (n: number): CaseEvent => ({
    type: "SignalRaised",
    data: d({
      signalId: `s${n}`,
      raisedBy: "org-school",
      category: "verzuim",
      level: "preventie",
      urgency: "medium",
      description: TEXT,
      raisedAt: at(n),
    }),
  });
  events.push(signal(1));
  for (const organisationId of PARTNERS) {
    events.push({
      type: "PartnerInvited",
      data: d({ organisationId, message: "Graag aansluiten", invitedAt: at(2) }),
    });
    events.push({
      type: "PartnerJoined",
      data: d({ organisationId, contact: CONTACT, joinedAt: at(3) }),
    });
  }
  for (let n = 10; events.length < EVENTS_PER_CASE; n++) {
    const share: CaseEvent = {
      type: "InformationShared",
      data: d({
        shareId: `sh${n}-${events.length}`,
        sharedBy: "org-school",
        recipients: [PARTNERS[n % 4]!],
        dataCategories: ["signaal", "school"],
        legalBasisId: "avg-6-1-e-publieke-taak",
        purposeId: "veiligheid-school",
        necessity: NECESSITY,
        content: TEXT,
        expiresAt: null,
        decisionReference: null,
        weightyPublicInterest: null,
        competentAuthorityAgreement: null,
        consentIds: [],
        sharedAt: at(n),
      }),
    };
    const block: CaseEvent[] = [
      share,
      { ...share, data: { ...share.data, shareId: `sh${n}b` } },
      signal(n),
      {
        type: "MeetingScheduled",
        data: d({
          meetingId: `m${n}`,
          scheduledFor: at(n + 5),
          agenda: "Casusoverleg",
          scheduledAt: at(n),
        }),
      },
      {
        type: "MeetingHeld",
        data: d({
          meetingId: `m${n}`,
          heldAt: at(n + 5),
          attendees: [
            { organisationId: "org-wijkteam", userId: "u1", confidentialityAcknowledged: true },
          ],
          minutes: TEXT,
          decisions: ["Huisbezoek"],
        }),
      },
      {
        type: "AgreementMade",
        data: d({
          agreementId: `a${n}`,
          what: "Huisbezoek plannen",
          ownerOrganisationId: "org-wijkteam",
          dueDate: "2025-02-01",
          meetingId: null,
          madeAt: at(n),
        }),
      },
      { type: "AgreementCompleted", data: d({ agreementId: `a${n}`, completedAt: at(n + 9) }) },
    ];
    events.push(...block.slice(0, EVENTS_PER_CASE - events.length));
  }
  return events;
}

/** Where a rebuild spends its time: reading pages, decrypting them, folding them (each alone, in ev/s). */
async function* phases(store: EventStore, freshKeys: () => KeyStore): AsyncIterable<Figure> {
  const pages: RecordedEvent[][] = [];
  let from = START;
  let t0 = performance.now();
  for (;;) {
    const page = await store.readAll({ fromPosition: from, limit: 1000 });
    pages.push(page);
    if (page.length < 1000) break;
    from = page[page.length - 1]!.position;
  }
  const events = pages.reduce((sum, page) => sum + page.length, 0);
  const rate = (since: number) => round(events / ((performance.now() - since) / 1000));
  yield { name: "projections.rebuild_read", value: rate(t0), unit: "ev/s" };
  const codec = domainCodec(freshKeys());
  const decoded: RecordedEvent[] = [];
  t0 = performance.now();
  for (const page of pages) {
    const keys = await codec.keysFor(page);
    for (const e of page) {
      const data = codec.decodeWith(keys, e.streamId, e.type, e.data);
      decoded.push(data === e.data ? e : { ...e, data });
    }
  }
  yield { name: "projections.rebuild_decrypt", value: rate(t0), unit: "ev/s" };
  const models = createCaseReadModels().all;
  t0 = performance.now();
  for (const event of decoded) for (const model of models) model.apply(event);
  yield { name: "projections.rebuild_fold", value: rate(t0), unit: "ev/s" };
}

export async function* run(): AsyncIterable<Figure> {
  const dir = mkdtempSync(join(tmpdir(), "casustafel-bench-projections-"));
  const db = openSqliteDatabase(join(dir, "events.db"));
  const store = new SqliteEventStore(db, { ownsDatabase: true });
  const masterKey = masterKeyFrom(randomBytes(32));
  try {
    const writing = domainCodec(createKeyStore({ vault: sqliteKeyVault(db), masterKey }));
    const caseIds: string[] = [];
    for (let c = 0; c < CASES; c++) {
      const caseId = randomUUID();
      const streamId = `case-${caseId}`;
      caseIds.push(caseId);
      const encoded = [];
      for (const event of caseHistory(caseId, randomUUID())) {
        encoded.push({
          eventId: randomUUID(),
          type: event.type,
          data: await writing.encode(streamId, event),
        });
      }
      await store.append(streamId, encoded, { expectedRevision: "no_stream" });
    }

    // A new key store, as at process start: every subject key is unwrapped during the rebuild.
    const keyStore = createKeyStore({ vault: sqliteKeyVault(db), masterKey });
    const models = createCaseReadModels();
    const projector = createProjector({
      store,
      keyStore,
      codec: domainCodec(keyStore),
      models: models.all,
    });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await projector.start();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    await projector.stop();
    yield {
      name: "projections.rebuild",
      value: round((CASES * EVENTS_PER_CASE) / seconds),
      unit: "ev/s",
    };
    // CPU time per event varies far less with the machine's load than events per second.
    yield {
      name: "projections.rebuild_cpu_per_event",
      value: round((cpu.user + cpu.system) / (CASES * EVENTS_PER_CASE), 2),
      unit: "µs",
    };

    const viewer = {
      userId: "u1",
      organisationId: "org-wijkteam",
      roles: ["professional" as const],
    };
    const caseId = caseIds[0]!;
    const latencies: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t0 = performance.now();
      models.caseView.query(caseId, viewer, "2025-03-01T00:00:00.000Z");
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    yield* phases(store, () => createKeyStore({ vault: sqliteKeyVault(db), masterKey }));
    yield {
      name: "projections.case_view_p99",
      value: round(quantile(latencies, 0.99), 3),
      unit: "ms",
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
