import type { CaseEventType } from "./case/events.js";
import type { CovenantEventType } from "./covenant/events.js";
import type { PossibleMatchEventType } from "./possibleMatch/possibleMatch.js";
import type { SessionEventType } from "./session/events.js";
import type { SubjectEventType } from "./subject/events.js";
import type { ThemeEventType } from "./theme/events.js";
import type { WebhookDeliveryEvent } from "./webhook/deliveries.js";
import type { WebhookSubscriptionEvent } from "./webhook/subscription.js";

export type EventType =
  | CaseEventType
  | CovenantEventType
  | SubjectEventType
  | PossibleMatchEventType
  | SessionEventType
  | ThemeEventType
  | WebhookSubscriptionEvent["type"]
  | WebhookDeliveryEvent["type"];

const contact = ["contact.name", "contact.function", "contact.reach"] as const;
const subject = ["subject.name", "subject.dateOfBirth", "subject.school"] as const;
const identity = [
  "subject.givenNames",
  "subject.tussenvoegsel",
  "subject.surname",
  "subject.bsn",
  "subject.schoolId",
] as const;

/**
 * Dot paths into `data` that the codec encrypts with the subject's key. Free text written
 * about the young person is personal; ids, kinds, categories, bases and times are not, so
 * the accountability record survives erasure. The covenant holds no subject data.
 */
export const personalFields: Record<EventType, readonly string[]> = {
  CaseOpened: [...subject, ...identity, ...contact],
  SignalRaised: ["description"],
  PartnerInvited: ["message"],
  PartnerJoined: [...contact],
  InvitationDeclined: [],
  PartnerLeft: [],
  PartnerRemoved: [],
  RegieAssigned: [],
  InformationShared: ["content", "necessity", "weightyPublicInterest"],
  ShareRevoked: [],
  ShareCorrected: ["content", "reason"],
  ConsentRecorded: ["giver.name", "evidenceReference"],
  ConsentWithdrawn: [],
  MeetingScheduled: ["agenda"],
  MeetingHeld: ["minutes", "decisions"],
  AgreementMade: ["what", "owner.name", "owner.function", "owner.reach"],
  AgreementDueDateChanged: ["reason"],
  AgreementProgressNoted: ["note"],
  AgreementCompleted: ["note"],
  AgreementCancelled: ["reason"],
  CaseClosed: ["reason"],
  CaseReopened: ["reason"],
  RetentionExtended: ["reason"],
  CovenantEstablished: [],
  MemberAdmitted: [],
  MemberWithdrawn: [],
  PurposeAdded: [],
  SharingRuleAdded: [],
  SharingRuleRemoved: [],
  RetentionSet: [],
  CaseListNamesSet: [],
  SubjectErased: [],
  PossibleMatchFound: [],
  AgendaItemRecorded: ["minutes", "decisions"],
  MinutesCorrectionProposed: ["minutes"],
  MinutesCorrectionResolved: [],
  MinutesApproved: ["minutes", "decisions"],
  MinutesAddendumAdded: ["text"],
  SessionPlanned: [],
  SessionRescheduled: [],
  SessionCancelled: [],
  AgendaItemAdded: ["question"],
  AgendaItemRemoved: [],
  AgendaReordered: [],
  SessionHeld: [],
  // A theme's texts are sealed with the theme's own key (themeKeyId), not a subject's.
  ThemeRaised: ["title", "description", "places.area"],
  ThemePutOnAgenda: [],
  ThemeDiscussed: ["minutes", "decisions"],
  CollectiveActionAgreed: ["what"],
  CollectiveActionProgressNoted: ["note"],
  CollectiveActionCompleted: ["outcome"],
  ThemeBecameCase: [],
  WebhookSubscribed: [],
  WebhookUnsubscribed: [],
  WebhookDeliveryQueued: [],
  WebhookDeliveryAttempted: [],
  WebhookDeliveryRequeued: [],
  WebhookDeliveriesAttempted: [],
  WebhookDeliveriesRequeued: [],
};

/** What the codec writes in place of a personal field whose subject key was deleted. */
export const ERASED = "[erased]";
