// Every rule a refusal can name, by the kind of refusal. Codes are stable: clients and the
// OpenAPI document switch on them, so add codes but never rename one.

/** The actor's role does not allow the command. */
export const ROLE_RULES = [
  "share-role",
  "join-role",
  "decline-role",
  "leave-role",
  "raise-signal-role",
  "chair-only",
  "chair-admin-only",
  "covenant-privacy-officer",
  "chair-or-privacy-officer",
  "owner-or-chair",
  // Guards of the audit read models; the API refuses such callers before they are asked.
  "privacy-officer",
  "chair-or-analyst",
  "webhook-admin",
  "raise-theme-role",
] as const;

/** The actor's organisation may not do this to an object it may know of. */
export const ORGANISATION_RULES = [
  "participant-only",
  "sharer-only",
  "signal-raiser-only",
  "invited-only",
  "covenant-member",
  "chair-only",
  "chair-admin-only",
  "covenant-privacy-officer",
  "chair-or-privacy-officer",
  "owner-or-chair",
  "attendee-only",
  "agreement-owner-only",
  "consent-obtainer-only",
  "action-owner-only",
] as const;

/** The object named does not exist, or the actor may not know of it. */
export const NOT_FOUND_RULES = [
  "case-exists",
  "covenant-exists",
  "member-exists",
  "purpose-exists",
  "sharing-rule-exists",
  "share-exists",
  "consent-exists",
  "meeting-exists",
  "agreement-exists",
  "participant-exists",
  "signal-exists",
  "merge-exists",
  "session-exists",
  "agenda-item-exists",
  "correction-exists",
  "webhook-subscription-exists",
  "theme-exists",
  "theme-agenda-exists",
  "action-exists",
] as const;

/** The current state makes the command impossible. */
export const CONFLICT_RULES = [
  "covenant-id-taken",
  "already-member",
  "chair-stays",
  "purpose-id-taken",
  "sharing-rule-id-taken",
  "already-erased",
  "retention-ended",
  "share-id-taken",
  "share-revoked",
  "case-covenant",
  "consent-id-taken",
  "consent-withdrawn",
  "agreement-id-taken",
  "meeting-id-taken",
  "meeting-held",
  "attendee-participant",
  "owner-participant",
  "agreement-open",
  "open-agreements",
  "retention-set",
  "case-open",
  "case-closed",
  "already-participant",
  "not-participant",
  "regie-participant",
  "subject-erased",
  "same-person",
  "merge-id-taken",
  "merge-undone",
  "session-id-taken",
  "session-ended",
  "planned-member",
  "agenda-item-id-taken",
  "agenda-case-listed",
  "agenda-item-recorded",
  "agenda-not-recorded",
  "minutes-approved",
  "minutes-draft",
  "correction-id-taken",
  "correction-resolved",
  "addendum-id-taken",
  "theme-id-taken",
  "theme-became-case",
  "place-member",
  "audience-member",
  "theme-on-agenda",
  "theme-discussed",
  "action-id-taken",
  "action-owner-audience",
  "action-completed",
] as const;

export type RoleRule = (typeof ROLE_RULES)[number];
export type OrganisationRule = (typeof ORGANISATION_RULES)[number];
export type NotFoundRule = (typeof NOT_FOUND_RULES)[number];
export type ConflictRule = (typeof CONFLICT_RULES)[number];

/** What a refused rule means and what would make the command acceptable, in plain English. */
export interface RuleText {
  explanation: string;
  remedy: string;
}

/** One broken rule as a refusal lists it: the rule, the offending non-personal value, the texts. */
export interface Violation extends RuleText {
  rule: string;
  value: string | null;
}

/** A broken rule before its texts are attached. */
export interface BrokenRule<Rule extends string> {
  rule: Rule;
  value: string | null;
}

export function violationOf<Rule extends string>(
  texts: Readonly<Record<Rule, RuleText>>,
  { rule, value }: BrokenRule<Rule>,
): Violation {
  const { explanation, remedy } = texts[rule];
  return { rule, value, explanation, remedy };
}
