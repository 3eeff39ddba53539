import type { Actor } from "../actor.js";
import type { CaseListNames, Member, SharingRule } from "./events.js";

type CovenantCommandOf<Type extends string, Fields> = {
  type: Type;
  actor: Actor;
  /** ISO-8601 time the command was issued; the domain reads no clock. */
  now: string;
  covenantId: string;
} & Fields;

export type EstablishCovenant = CovenantCommandOf<
  "EstablishCovenant",
  { name: string; chair: Member }
>;
export type AdmitMember = CovenantCommandOf<"AdmitMember", { member: Member }>;
export type WithdrawMember = CovenantCommandOf<"WithdrawMember", { organisationId: string }>;
export type AddPurpose = CovenantCommandOf<
  "AddPurpose",
  { purposeId: string; description: string }
>;
export type AddSharingRule = CovenantCommandOf<"AddSharingRule", { rule: SharingRule }>;
export type RemoveSharingRule = CovenantCommandOf<"RemoveSharingRule", { ruleId: string }>;
export type SetRetention = CovenantCommandOf<
  "SetRetention",
  { purposeId: string; yearsAfterClosure: number }
>;
/** How partners' case lists name the young person: the full name or initials only. */
export type SetCaseListNames = CovenantCommandOf<"SetCaseListNames", { shownAs: CaseListNames }>;

export type CovenantCommand =
  | EstablishCovenant
  | AdmitMember
  | WithdrawMember
  | AddPurpose
  | AddSharingRule
  | RemoveSharingRule
  | SetRetention
  | SetCaseListNames;
