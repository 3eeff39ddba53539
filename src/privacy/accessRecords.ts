import { randomUUID } from "node:crypto";
import type { Actor } from "../domain/index.js";
import type { EventStore } from "../store/eventStore.js";
import type { JsonObject, RecordedEvent } from "../store/types.js";

/** The event type of a read record (DESIGN.md §3 rule 8). */
export const CASE_CONTENT_READ = "CaseContentRead";

/** Read records of a case live beside it, in their own stream, so reads never contend with case writes. */
export const accessStreamId = (caseId: string) => `access-${caseId}`;

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
  /** Appends one read record; rejects when it cannot, and then the read fails (rule 8). */
  record(read: NewAccessRecord): Promise<void>;
}

/** The access recorder over the event store: each record goes to its case's access stream. */
export function storeAccessRecorder(store: EventStore): AccessRecorder {
  return {
    record: async (read) => {
      await recordAccess(store, read);
    },
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
 * Appends the read record before the content leaves the service. It throws when the
 * append fails, so the caller's read fails too: no content without its record.
 */
export async function recordAccess(
  store: EventStore,
  read: NewAccessRecord,
): Promise<{ readId: string; position: bigint }> {
  const record = accessRecordOf(read);
  const { readId, ...data } = record;
  const metadata = {
    actor: {
      userId: record.userId,
      organisationId: record.organisationId,
      role: record.roles.join(","),
    },
    ...(record.correlationId ? { correlationId: record.correlationId } : {}),
  };
  const result = await store.append(
    accessStreamId(record.caseId),
    [{ eventId: readId, type: CASE_CONTENT_READ, data: data as JsonObject, metadata }],
    { expectedRevision: "any" },
  );
  return { readId, position: result.position };
}

function accessRecordOf(read: NewAccessRecord): AccessRecord {
  const purpose = read.purpose ?? CASE_WORK_PURPOSE;
  if (!PURPOSE_CODE.test(purpose)) throw new AccessRecordInvalid("purpose");
  for (const field of ["caseId", "subjectId", "covenantId"] as const) {
    if (typeof read[field] !== "string" || read[field] === "") throw new AccessRecordInvalid(field);
  }
  if (!Array.isArray(read.itemIds) || read.itemIds.some((id) => typeof id !== "string")) {
    throw new AccessRecordInvalid("itemIds");
  }
  const readAt = read.now ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(readAt))) throw new AccessRecordInvalid("now");
  return {
    readId: randomUUID(),
    caseId: read.caseId,
    subjectId: read.subjectId,
    covenantId: read.covenantId,
    userId: read.actor.userId,
    organisationId: read.actor.organisationId,
    roles: [...read.actor.roles],
    itemIds: [...read.itemIds],
    purpose,
    readAt,
    correlationId: read.correlationId ?? null,
  };
}

/** The read record an event holds; undefined for any other event. Never throws on a recorded event. */
export function accessRecordFrom(event: RecordedEvent): AccessRecord | undefined {
  if (event.type !== CASE_CONTENT_READ) return undefined;
  const data = event.data;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return {
    readId: event.eventId,
    caseId: text(data.caseId),
    subjectId: text(data.subjectId),
    covenantId: text(data.covenantId),
    userId: text(data.userId),
    organisationId: text(data.organisationId),
    roles: list(data.roles),
    itemIds: list(data.itemIds),
    purpose: text(data.purpose),
    readAt: text(data.readAt) || event.recordedAt,
    correlationId: typeof data.correlationId === "string" ? data.correlationId : null,
  };
}
