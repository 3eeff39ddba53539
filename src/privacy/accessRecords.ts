import type { Actor } from "../domain/index.js";
import { newEventId } from "../store/eventIds.js";
import { type EventStore, READ_RECORD_STREAM_PREFIX } from "../store/eventStore.js";
import type { JsonObject, RecordedEvent } from "../store/types.js";

/** The event type of a read record (DESIGN.md §3 rule 8). */
export const CASE_CONTENT_READ = "CaseContentRead";

/** The event type of one answer that showed several cases: one record per case, appended as one event. */
export const CASES_CONTENT_READ = "CasesContentRead";

/** Read records of a case live beside it, in their own stream, so reads never contend with case writes. */
export const accessStreamId = (caseId: string) => `${READ_RECORD_STREAM_PREFIX}${caseId}`;

/**
 * An answer that shows several cases (a list, the worklist) is one append however many cases
 * it shows, in the reading organisation's own stream: one commit instead of one per case.
 */
export const readerAccessStreamId = (organisationId: string) =>
  `${READ_RECORD_STREAM_PREFIX}org-${organisationId}`;

/** The event type of one answer that showed the content of themes restricted to named members. */
export const THEMES_CONTENT_READ = "ThemesContentRead";

/** Purpose of reading themes: the werkgroep's work on phenomena (Logboek Dataverwerkingen code). */
export const THEME_WORK_PURPOSE = "werkgroep";

/** One theme an answer showed, with the ids of the items shown from it ("theme:<id>", "action:<id>"). */
export type SeenTheme = { themeId: string; covenantId: string; itemIds: readonly string[] };

/** The purpose of reading a case for the case work itself, the case meeting (casusoverleg). */
export const CASE_WORK_PURPOSE = "casusoverleg";

/** Purpose of a privacy officer's read of a decrypted field in the disclosure register (rule 5). */
export const PRIVACY_AUDIT_PURPOSE = "privacytoezicht";

/** Purpose of the worklist's read: what needs the organisation now; its records also mark when it last looked. */
export const WORKLIST_PURPOSE = "werklijst";

/** Purpose of reading for an AVG art. 15 report, so the subject sees their own report as a read too. */
export const SUBJECT_ACCESS_PURPOSE = "inzageverzoek";

// A purpose is a processing-activity code (Logboek Dataverwerkingen), never free text,
// so no personal data can enter the log through it.
const PURPOSE_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** An access record before it is stored: what the recorded read knows when content is about to leave. */
export interface NewAccessRecord {
  actor: Actor;
  caseId: string;
  /** Pseudonymous subject id of the case. */
  subjectId: string;
  covenantId: string;
  /** Ids of the items shown, as the policy names them ("case:<id>", "share:<id>", ...); never their content. */
  itemIds: readonly string[];
  /** Processing-activity code; default CASE_WORK_PURPOSE. */
  purpose?: string;
  /** The request id, so a read can be traced to its HTTP request. */
  correlationId?: string;
  /** When the read happened; default the clock. */
  now?: string;
}

/** Who reads, why, under which request and when: the same for every case one answer shows. */
export type Reading = Pick<NewAccessRecord, "actor" | "purpose" | "correlationId" | "now">;

/** One case the policy let the reader see, with the ids of the items the answer shows from it. */
export type SeenCase = Pick<NewAccessRecord, "caseId" | "subjectId" | "covenantId" | "itemIds">;

/** The stored read record: who read which items of which case, why and when. No content. */
export interface AccessRecord {
  readId: string;
  caseId: string;
  subjectId: string;
  covenantId: string;
  userId: string;
  organisationId: string;
  roles: string[];
  itemIds: string[];
  purpose: string;
  readAt: string;
  correlationId: string | null;
}

/** The port the recorded read appends through (src/privacy/recordedRead.ts). */
export interface AccessRecorder {
  /** Appends one read record per case seen, in one append; rejects when it cannot, and then the read fails (rule 8). */
  record(reading: Reading, seen: readonly SeenCase[]): Promise<void>;
  /** Appends the record of the restricted themes an answer shows (src/privacy/themeReads.ts); rejects when it cannot. */
  recordThemes(reading: Reading, seen: readonly SeenTheme[]): Promise<void>;
}

/** The access recorder over the event store. */
export function storeAccessRecorder(store: EventStore): AccessRecorder {
  return {
    record: async (reading, seen) => {
      await recordReads(store, reading, seen);
    },
    recordThemes: (reading, seen) => recordThemeReads(store, reading, seen),
  };
}

/** A read record was malformed; names the field only. */
export class AccessRecordInvalid extends Error {
  constructor(readonly field: string) {
    super(`access record invalid: ${field}`);
    this.name = "AccessRecordInvalid";
  }
}

/**
 * Appends the read records before the content leaves the service: one case's record to its
 * access stream, several cases' records as one event of the reader's organisation. It throws
 * when the append fails, so the caller's read fails too: no content without its record.
 */
export async function recordReads(
  store: EventStore,
  reading: Reading,
  seen: readonly SeenCase[],
): Promise<{ readId: string; position: bigint } | undefined> {
  const cases = seen.map(seenCaseOf);
  const [only] = cases;
  if (!only) return undefined;
  const reader = readerOf(reading);
  const readId = newEventId();
  const [streamId, type, data] =
    cases.length === 1
      ? [accessStreamId(only.caseId), CASE_CONTENT_READ, caseReadData(only, reader)]
      : [
          readerAccessStreamId(reader.organisationId),
          CASES_CONTENT_READ,
          casesReadData(cases, reader),
        ];
  const event = { eventId: readId, type, data: data as JsonObject, metadata: readMetadata(reader) };
  const result = await store.append(streamId, [event], { expectedRevision: "any" });
  return { readId, position: result.position };
}

/**
 * Appends one record of the themes an answer shows, in the reader's organisation's access
 * stream, before the content leaves; throws when it cannot, so the read fails too (rule 8).
 */
export async function recordThemeReads(
  store: EventStore,
  reading: Reading,
  seen: readonly SeenTheme[],
): Promise<void> {
  if (seen.length === 0) return;
  const reader = readerOf({ ...reading, purpose: reading.purpose ?? THEME_WORK_PURPOSE });
  const themes = seen.map(({ themeId, covenantId, itemIds }) => {
    if (!themeId || !covenantId) throw new AccessRecordInvalid("themeId");
    return { themeId, covenantId, itemIds: [...itemIds] };
  });
  const data = { ...reader, themes } as JsonObject;
  const event = {
    eventId: newEventId(),
    type: THEMES_CONTENT_READ,
    data,
    metadata: readMetadata(reader),
  };
  await store.append(readerAccessStreamId(reader.organisationId), [event], {
    expectedRevision: "any",
  });
}

/** Appends one case's read record; see recordReads. */
export async function recordAccess(
  store: EventStore,
  read: NewAccessRecord,
): Promise<{ readId: string; position: bigint }> {
  const recorded = await recordReads(store, read, [read]);
  if (!recorded) throw new AccessRecordInvalid("caseId");
  return recorded;
}

function readerOf(reading: Reading) {
  const purpose = reading.purpose ?? CASE_WORK_PURPOSE;
  if (!PURPOSE_CODE.test(purpose)) throw new AccessRecordInvalid("purpose");
  const readAt = reading.now ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(readAt))) throw new AccessRecordInvalid("now");
  return {
    userId: reading.actor.userId,
    organisationId: reading.actor.organisationId,
    roles: [...reading.actor.roles],
    purpose,
    readAt,
    correlationId: reading.correlationId ?? null,
  };
}

type Reader = ReturnType<typeof readerOf>;
type Seen = ReturnType<typeof seenCaseOf>;

// The case read records below are built with their members in sorted key order, as the hash
// chain's canonical JSON writes them: it then takes them as they are on append, where it would
// sort and copy them for every read.

function readMetadata({ userId, organisationId, roles, correlationId }: Reader) {
  return {
    actor: { organisationId, role: roles.join(","), userId },
    ...(correlationId ? { correlationId } : {}),
  };
}

const caseReadData = (seen: Seen, reader: Reader) => ({
  caseId: seen.caseId,
  correlationId: reader.correlationId,
  covenantId: seen.covenantId,
  itemIds: seen.itemIds,
  organisationId: reader.organisationId,
  purpose: reader.purpose,
  readAt: reader.readAt,
  roles: reader.roles,
  subjectId: seen.subjectId,
  userId: reader.userId,
});

const casesReadData = (cases: Seen[], reader: Reader) => ({
  cases,
  correlationId: reader.correlationId,
  organisationId: reader.organisationId,
  purpose: reader.purpose,
  readAt: reader.readAt,
  roles: reader.roles,
  userId: reader.userId,
});

function seenCaseOf(seen: SeenCase) {
  for (const field of ["caseId", "subjectId", "covenantId"] as const) {
    if (typeof seen[field] !== "string" || seen[field] === "") throw new AccessRecordInvalid(field);
  }
  if (!Array.isArray(seen.itemIds) || seen.itemIds.some((id) => typeof id !== "string")) {
    throw new AccessRecordInvalid("itemIds");
  }
  const { caseId, subjectId, covenantId, itemIds } = seen;
  return { caseId, covenantId, itemIds: [...itemIds], subjectId };
}

/** The read records an event holds, one per case it showed; none for any other event. Never throws on a recorded event. */
export function accessRecordsFrom(event: RecordedEvent): AccessRecord[] {
  const data = event.data;
  if (event.type === CASE_CONTENT_READ) return [recordOf(event, event.eventId, data, data)];
  if (event.type !== CASES_CONTENT_READ || !Array.isArray(data.cases)) return [];
  return data.cases.map((seen, index) =>
    recordOf(event, `${event.eventId}:${index}`, data, isObject(seen) ? seen : {}),
  );
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function recordOf(
  event: RecordedEvent,
  readId: string,
  reading: JsonObject,
  seen: JsonObject,
): AccessRecord {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return {
    readId,
    caseId: text(seen.caseId),
    subjectId: text(seen.subjectId),
    covenantId: text(seen.covenantId),
    userId: text(reading.userId),
    organisationId: text(reading.organisationId),
    roles: list(reading.roles),
    itemIds: list(seen.itemIds),
    purpose: text(reading.purpose),
    readAt: text(reading.readAt) || event.recordedAt,
    correlationId: typeof reading.correlationId === "string" ? reading.correlationId : null,
  };
}
