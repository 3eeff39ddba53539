import type { DomainEvent } from "../decider.js";

/** The member organisation's privacy officer: a work contact, not subject data. */
export type PrivacyOfficerContact = { name: string; email: string };

export type Member = {
  organisationId: string;
  name: string;
  partnerKind: string;
  privacyOfficer: PrivacyOfficerContact;
};

/** sharer kind -> data categories -> recipient kinds -> allowed legal bases. */
export type SharingRule = {
  ruleId: string;
  sharerKind: string;
  dataCategories: string[];
  recipientKinds: string[];
  legalBasisIds: string[];
};

export type CovenantEstablished = DomainEvent<
  "CovenantEstablished",
  {
    covenantId: string;
    name: string;
    /** The chair organisation is the covenant's first member. */
    chair: Member;
    establishedBy: string;
    establishedAt: string;
  }
>;
export type MemberAdmitted = DomainEvent<
  "MemberAdmitted",
  { covenantId: string; member: Member; admittedAt: string }
>;
export type MemberWithdrawn = DomainEvent<
  "MemberWithdrawn",
  { covenantId: string; organisationId: string; withdrawnAt: string }
>;
export type PurposeAdded = DomainEvent<
  "PurposeAdded",
  { covenantId: string; purposeId: string; description: string; addedAt: string }
>;
export type SharingRuleAdded = DomainEvent<
  "SharingRuleAdded",
  { covenantId: string; rule: SharingRule; addedAt: string }
>;
export type SharingRuleRemoved = DomainEvent<
  "SharingRuleRemoved",
  { covenantId: string; ruleId: string; removedAt: string }
>;
/** Retention of a case's data, in years after the case closes, for one purpose. */
export type RetentionSet = DomainEvent<
  "RetentionSet",
  { covenantId: string; purposeId: string; yearsAfterClosure: number; setAt: string }
>;

/** How partners' case lists name the young person (a covenant's choice of data minimisation). */
export const CASE_LIST_NAMES = ["name", "initials"] as const;
export type CaseListNames = (typeof CASE_LIST_NAMES)[number];

export type CaseListNamesSet = DomainEvent<
  "CaseListNamesSet",
  { covenantId: string; shownAs: CaseListNames; setAt: string }
>;

export type CovenantEvent =
  | CovenantEstablished
  | MemberAdmitted
  | MemberWithdrawn
  | PurposeAdded
  | SharingRuleAdded
  | SharingRuleRemoved
  | RetentionSet
  | CaseListNamesSet;

export type CovenantEventType = CovenantEvent["type"];

export const covenantStreamId = (covenantId: string) => `covenant-${covenantId}`;
