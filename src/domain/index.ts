export { type Actor, hasRole, ROLES, type Role } from "./actor.js";
export { awaitsFollowUp, isCompletedLate, isOverdue } from "./case/agreements.js";
export {
  ATTENDANCE_RULE_TEXTS,
  ATTENDANCE_RULES,
  AttendanceRefused,
  type AttendanceRule,
} from "./case/attendance.js";
export type * from "./case/commands.js";
export { requiredConsentGivers } from "./case/consent.js";
export { CONSENT_RULE_TEXTS } from "./case/consentRuleTexts.js";
export type { CaseContext } from "./case/context.js";
export { caseDecider, decideCase } from "./case/decide.js";
export {
  CONSENT_RULES,
  ConsentRefused,
  type ConsentRule,
  SHARE_RULES,
  ShareRefused,
  type ShareRule,
} from "./case/errors.js";
export type * from "./case/events.js";
export { caseStreamId } from "./case/events.js";
export { evolveCase } from "./case/evolve.js";
export type * from "./case/itemCommands.js";
export type * from "./case/itemEvents.js";
export type * from "./case/itemState.js";
export { SHARE_RULE_TEXTS } from "./case/shareRuleTexts.js";
export * from "./case/state.js";
export * from "./catalogue/index.js";
export type * from "./covenant/commands.js";
export { type CovenantContext, covenantDecider, decideCovenant } from "./covenant/decide.js";
export type * from "./covenant/events.js";
export { CASE_LIST_NAMES, covenantStreamId } from "./covenant/events.js";
export * from "./covenant/state.js";
export { ageOn } from "./dates.js";
export type { Decider, DomainEvent, Json } from "./decider.js";
export * from "./domainError.js";
export { entryOf } from "./entries.js";
export * from "./identity/index.js";
export { INVALID_RULE_TEXTS, type InvalidRule } from "./invalidRules.js";
export type * from "./person/commands.js";
export { decidePerson, type PersonContext, personDecider } from "./person/decide.js";
export * from "./person/events.js";
export { applyPersonEvent, type MergeLink, PersonLinks } from "./person/links.js";
export * from "./person/state.js";
export { ERASED, type EventType, personalFields } from "./personalFields.js";
export * from "./possibleMatch/possibleMatch.js";
export * from "./ruleCodes.js";
export type * from "./session/commands.js";
export { decideSession, sessionDecider } from "./session/decide.js";
export type * from "./session/events.js";
export { sessionStreamId } from "./session/events.js";
export type { SessionContext } from "./session/guards.js";
export * from "./session/state.js";
export type * from "./subject/commands.js";
export { decideSubject, type SubjectContext, subjectDecider } from "./subject/decide.js";
export type * from "./subject/events.js";
export { subjectStreamId } from "./subject/events.js";
export * from "./subject/state.js";
export type * from "./theme/commands.js";
export { decideTheme, themeDecider } from "./theme/decide.js";
export type * from "./theme/events.js";
export { THEME_EVENT_TYPES, themeKeyId, themeStreamId } from "./theme/events.js";
export { IDENTIFYING_FIELDS, type ThemeContext } from "./theme/guards.js";
export * from "./theme/state.js";
export * from "./webhook/allowList.js";
export * from "./webhook/deliveries.js";
export * from "./webhook/notificationTypes.js";
export * from "./webhook/subscription.js";
