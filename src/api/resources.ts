import type { Logger } from "pino";
import type { CommandDeps } from "../commands/handleCommand.js";
import type { FieldCodec } from "../privacy/codec/fieldCodec.js";
import type { BlindIndexer } from "../privacy/identity/blindIndex.js";
import type { IdentityIndex } from "../privacy/identity/identityIndex.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import type { AccessLog } from "../projections/accessLog/accessLog.js";
import type { AgreementsDueModel } from "../projections/agreementsDue/agreementsDue.js";
import type { CaseListModel } from "../projections/caseList/caseList.js";
import type { CaseViewModel } from "../projections/caseView/caseView.js";
import type { DisclosureRegister } from "../projections/disclosureRegister/disclosureRegister.js";
import type { Persons } from "../projections/persons/persons.js";
import type { SubjectIndex } from "../projections/subjectReport/subjectIndex.js";
import type { Trends } from "../projections/trends/trends.js";
import type { EventStore } from "../store/eventStore.js";
import type { Caller } from "./auth/claims.js";
import type { WaitForPosition } from "./concurrency/minPosition.js";

/** One read of case content, as rule 8 records it before the response leaves. */
export interface AccessToRecord {
  caller: Caller;
  caseId: string;
  /** The case's pseudonymous subject and its covenant: the read record names both. */
  subjectId?: string;
  covenantId?: string;
  /** Ids of the items the response carries (shares, meetings, agreements, ...). */
  items: readonly string[];
  /** Why the caller read it, e.g. "case-work" or "audit". */
  purpose: string;
  /** The request id, so a read record can be matched with its request log line. */
  requestId?: string;
}

/** Appends the access record; a failure must fail the read (DESIGN.md §3 rule 8). */
export type RecordAccess = (access: AccessToRecord) => Promise<void>;

/** The read models the projector keeps, by the question each answers; assembled in src/system.ts. */
export interface ReadModels {
  caseView: CaseViewModel;
  caseList: CaseListModel;
  agreementsDue: AgreementsDueModel;
  disclosureRegister: DisclosureRegister;
  accessLog: AccessLog;
  subjectIndex: SubjectIndex;
  persons: Persons;
  trends: Trends;
}

/** What every resource module receives from the composition root (src/system.ts). */
export interface ResourceDeps {
  /** The event store, instrumented; for stream reads no read model answers (e.g. integrity). */
  store: EventStore;
  /** Exactly what handleCaseCommand, handleCovenantCommand and handleSubjectCommand take. */
  commands: CommandDeps & { keyStore: KeyStore };
  codec: FieldCodec;
  keyStore: KeyStore;
  /** Finding a young person within a covenant (rule 9): blind indexes and their store. */
  identity: { index: IdentityIndex; indexer: BlindIndexer };
  readModels: ReadModels;
  recordAccess: RecordAccess;
  /** Resolves true once every read model applied the position (read-your-writes inside a handler). */
  waitForPosition: WaitForPosition;
  /** ISO-8601 now; the one clock commands and visibility decisions use, replaceable in tests. */
  now(): string;
  logger: Logger;
}
