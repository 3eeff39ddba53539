import {
  CASE_WORK_PURPOSE,
  PRIVACY_AUDIT_PURPOSE,
  SUBJECT_ACCESS_PURPOSE,
  WORKLIST_PURPOSE,
} from "../accessRecords.js";

/** What the register says of one processing activity (the fields of the LDV register draft). */
export interface ActivityContent {
  /** The purpose, in the covenant's words or the service's. */
  purpose: string;
  /** Legal basis ids: the catalogue's for the covenant's sharing, AVG articles for the service's own work. */
  legalBases: string[];
  dataCategories: string[];
  /** The recipients' roles: partner kinds, or who receives the service's own processing. */
  recipientRoles: string[];
  /** Years after a case closes; null where the covenant sets none. */
  retentionYearsAfterClosure: number | null;
}

/** A service activity's fixed content; an omitted field takes what the covenant as a whole allows. */
export interface ServiceActivity {
  purpose: string;
  legalBases?: string[];
  dataCategories?: string[];
  recipientRoles?: string[];
  /** "covenant": the longest retention the covenant sets; "none": the activity keeps nothing of its own. */
  retention: "covenant" | "none";
}

/** The purpose of use a read has when the reader states none: the case meeting itself. */
export const DEFAULT_PURPOSE_OF_USE = CASE_WORK_PURPOSE;

/** Purposes a reader may state besides the covenant's own (issue 13). */
export const STATUTORY_PURPOSES_OF_USE = [
  SUBJECT_ACCESS_PURPOSE,
  "toezicht",
  "calamiteit",
] as const;

/** Activities of the service's own processing, under every covenant. */
export const ERASURE_ACTIVITY = "verwijdering";
export const RETENTION_ACTIVITY = "bewaartermijn";
export const MERGE_ACTIVITY = "koppeling";

const ACCOUNTABILITY = ["avg-5-2-verantwoordingsplicht"];

/**
 * The processing the service does under every covenant besides the covenant's purposes: the
 * case meeting and the worklist under the covenant's own bases, and the statutory work of
 * data-subject requests, supervision, emergencies, erasure, retention and identity matching.
 */
export const SERVICE_ACTIVITIES: Readonly<Record<string, ServiceActivity>> = {
  [CASE_WORK_PURPOSE]: {
    purpose:
      "Het casusoverleg: signalen, deelname, delen, afspraken en overleggen over een jongere",
    retention: "covenant",
  },
  [WORKLIST_PURPOSE]: {
    purpose: "De werklijst: wat een organisatie nu in haar casussen moet doen",
    retention: "covenant",
  },
  [SUBJECT_ACCESS_PURPOSE]: {
    purpose: "Een verzoek om inzage van de jongere of diens vertegenwoordiger (AVG art. 15)",
    legalBases: ["avg-15-recht-van-inzage", "avg-6-1-c-wettelijke-plicht"],
    recipientRoles: ["betrokkene", "privacy-officer"],
    retention: "none",
  },
  toezicht: {
    purpose:
      "Toezicht op de rechtmatigheid van de verwerking door de functionaris of toezichthouder",
    legalBases: [...ACCOUNTABILITY, "avg-39-taken-functionaris"],
    recipientRoles: ["privacy-officer", "toezichthouder"],
    retention: "none",
  },
  [PRIVACY_AUDIT_PURPOSE]: {
    purpose: "De functionaris gegevensbescherming leest het register van verstrekkingen (regel 5)",
    legalBases: [...ACCOUNTABILITY, "avg-39-taken-functionaris"],
    recipientRoles: ["privacy-officer"],
    retention: "none",
  },
  calamiteit: {
    purpose: "Een calamiteit: acuut gevaar voor de jongere of anderen",
    legalBases: ["avg-6-1-d-vitaal-belang"],
    retention: "covenant",
  },
  [ERASURE_ACTIVITY]: {
    purpose: "Wissen van de gegevens van een jongere op verzoek of bij onrechtmatige verwerking",
    legalBases: ["avg-17-recht-op-vergetelheid"],
    recipientRoles: [],
    retention: "none",
  },
  [RETENTION_ACTIVITY]: {
    purpose: "Wissen van de gegevens van een jongere na afloop van de bewaartermijn",
    legalBases: ["avg-5-1-e-opslagbeperking"],
    recipientRoles: [],
    retention: "none",
  },
  [MERGE_ACTIVITY]: {
    purpose: "Koppelen van twee dossiers van dezelfde jongere binnen het convenant (regel 9)",
    legalBases: ["avg-5-1-d-juistheid"],
    dataCategories: ["identiteit"],
    recipientRoles: [],
    retention: "covenant",
  },
};
