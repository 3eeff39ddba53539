import type { KeyObject } from "node:crypto";
import type { Logger } from "pino";
import type { CommandDeps } from "../commands/handleCommand.js";
import type { NoticeFeed } from "../commands/notifications/noticeFeed.js";
import type { AccessRecorder } from "../privacy/accessRecords.js";
import type { FieldCodec } from "../privacy/codec/fieldCodec.js";
import type { BlindIndexer } from "../privacy/identity/blindIndex.js";
import type { IdentityIndex } from "../privacy/identity/identityIndex.js";
import type { IdentityLock } from "../privacy/identity/identityLock.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import type { NoticeLookup } from "../privacy/policy/notifications.js";
import type { AccessLog } from "../projections/accessLog/accessLog.js";
import type { AgreementsDueModel } from "../projections/agreementsDue/agreementsDue.js";
import type { CaseListModel } from "../projections/caseList/caseList.js";
import type { CaseViewModel } from "../projections/caseView/caseView.js";
import type { DisclosureRegister } from "../projections/disclosureRegister/disclosureRegister.js";
import type { Persons } from "../projections/persons/persons.js";
import type { PossibleMatchesModel } from "../projections/possibleMatches/possibleMatches.js";
import type { ProcessingLog } from "../projections/processingLog/processingLog.js";
import type { SessionsModel } from "../projections/sessions/sessions.js";
import type { SubjectIndex } from "../projections/subjectReport/subjectIndex.js";
import type { SubjectRecords } from "../projections/subjectReport/subjectRecords.js";
import type { ThemesModel } from "../projections/themes/themes.js";
import type { Trends } from "../projections/trends/trends.js";
import type { WebhooksModel } from "../projections/webhooks/webhooks.js";
import type { WorklistIndex } from "../projections/worklist/worklistIndex.js";
import type { EventStore } from "../store/eventStore.js";
import type { WaitForPosition } from "./http/concurrency/minPosition.js";

/** The read models the projector keeps, by the question each answers; assembled in src/system.ts. */
export interface ReadModels {
  caseView: CaseViewModel;
  caseList: CaseListModel;
  agreementsDue: AgreementsDueModel;
  disclosureRegister: DisclosureRegister;
  accessLog: AccessLog;
  processingLog: ProcessingLog;
  subjectIndex: SubjectIndex;
  persons: Persons;
  trends: Trends;
  possibleMatches: PossibleMatchesModel;
  sessions: SessionsModel;
  worklistIndex: WorklistIndex;
  webhooks: WebhooksModel;
  themes: ThemesModel;
}

/** What every resource module receives from the composition root (src/system.ts). */
export interface ResourceDeps {
  /** The event store, instrumented; for stream reads no read model answers (e.g. integrity). */
  store: EventStore;
  /** Exactly what handleCaseCommand, handleCovenantCommand and handleSubjectCommand take. */
  commands: CommandDeps & { keyStore: KeyStore };
  codec: FieldCodec;
  keyStore: KeyStore;
  /** Matching a young person within a covenant (rule 9): blind indexes, their store, the intake lock. */
  identity: { index: IdentityIndex; indexer: BlindIndexer; lock: IdentityLock };
  readModels: ReadModels;
  /** Where the recorded read appends its access records (rule 8). */
  accessRecorder: AccessRecorder;
  /** A young person's records as the subject report reads them (rule 6). */
  subjectRecords: SubjectRecords;
  /** Resolves true once every read model applied the position (read-your-writes inside a handler). */
  waitForPosition: WaitForPosition;
  /** The console's address (no trailing slash), for links in documents that leave the service. */
  consoleUrl: string;
  /** ISO-8601 now; the one clock commands and visibility decisions use, replaceable in tests. */
  now(): string;
  logger: Logger;
  /** Webhook subscriptions and the live feed: the signing key, the allow-list, the notices. */
  notifications: Notifications;
}

export interface Notifications {
  /** Derives each subscription's signing secret; nothing secret is stored. */
  signingKey: KeyObject;
  allowedUrls: readonly string[];
  feed: NoticeFeed;
  lookup: NoticeLookup;
}
