/**
 * One processing record per the core of Logboek Dataverwerkingen (Logius): one action on one
 * data subject. Ids are W3C trace-context ids in lower-case hex; no user and no plaintext
 * identity ever enters one (the LDV decision "geen gebruikers in logregels"). The shape is the
 * exporter's (src/observability, which every layer may use), so there is one definition.
 */
export type { ProcessingRecord } from "../../observability/ldvExport.js";

export const ACTIVITY_ATTRIBUTE = "dpl.core.processing_activity_id";
export const SUBJECT_ATTRIBUTE = "dpl.core.data_subject_id";
export const SUBJECT_TYPE_ATTRIBUTE = "dpl.core.data_subject_id_type";
/** Our own attribute beside the LDV core: the covenant the action served (never exported). */
export const COVENANT_ATTRIBUTE = "casustafel.covenant_id";

/** The type of our data-subject ids: the covenant's pseudonymous subject record id, never a BSN or name. */
export const SUBJECT_ID_TYPE = "casustafel-subject-pseudonym";
