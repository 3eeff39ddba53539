/**
 * One processing record per the core of Logboek Dataverwerkingen (Logius): one action on one
 * data subject. Ids are W3C trace-context ids in lower-case hex; no user and no plaintext
 * identity ever enters one (the LDV decision "geen gebruikers in logregels").
 */
export interface ProcessingRecord {
  /** 16 bytes, 32 hex. */
  traceId: string;
  /** 8 bytes, 16 hex. */
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startTime: string;
  endTime: string;
  statusCode: "OK" | "ERROR";
  /** The calling partner system's operation, when it sent a W3C traceparent. */
  foreignOperation: { traceId: string; spanId: string; entity: string | null } | null;
  attributes: Record<string, string>;
}

export const ACTIVITY_ATTRIBUTE = "dpl.core.processing_activity_id";
export const SUBJECT_ATTRIBUTE = "dpl.core.data_subject_id";
export const SUBJECT_TYPE_ATTRIBUTE = "dpl.core.data_subject_id_type";

/** The type of our data-subject ids: the covenant's pseudonymous subject record id, never a BSN or name. */
export const SUBJECT_ID_TYPE = "casustafel-subject-pseudonym";
