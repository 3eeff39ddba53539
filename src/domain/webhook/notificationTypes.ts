/**
 * What an organisation can be told, as the CloudEvents type reads it after
 * `nl.casustafel.`. Ids and kinds only travel with it: the receiver fetches what it may see.
 */
export const NOTIFICATION_TYPES = [
  "case.invitation",
  "share.received",
  "agreement.made",
  "agreement.due-date-changed",
  "minutes.drafted",
  "minutes.approved",
  "minutes.correction-proposed",
  "minutes.correction-resolved",
  "possible-match.found",
  "signal.joined-case",
  "session.planned",
  "session.rescheduled",
  "session.cancelled",
] as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The CloudEvents `type` attribute of a notification. */
export const cloudEventType = (type: NotificationType) => `nl.casustafel.${type}`;
