import { entryOf } from "../entries.js";
import type { CaseListNames, CovenantEvent, Member, SharingRule } from "./events.js";

export type CovenantMember = Member & {
  status: "member" | "withdrawn";
  /** When it was last admitted again after a withdrawal; null while its first membership lasts. */
  readmittedAt: string | null;
};

export type CovenantState = {
  status: "none" | "established";
  covenantId: string | null;
  name: string | null;
  chairOrganisationId: string | null;
  members: Record<string, CovenantMember>;
  purposes: Record<string, { purposeId: string; description: string }>;
  sharingRules: Record<string, SharingRule>;
  /** Years after closure, per purpose id. */
  retentionYears: Record<string, number>;
  /** How partners' case lists name the young person; the full name until the covenant chooses. */
  caseListNames: CaseListNames;
};

export const initialCovenantState: CovenantState = {
  status: "none",
  covenantId: null,
  name: null,
  chairOrganisationId: null,
  members: {},
  purposes: {},
  sharingRules: {},
  retentionYears: {},
  caseListNames: "name",
};

export function evolveCovenant(state: CovenantState, event: CovenantEvent): CovenantState {
  switch (event.type) {
    case "CovenantEstablished": {
      const { covenantId, name, chair } = event.data;
      return {
        ...state,
        status: "established",
        covenantId,
        name,
        chairOrganisationId: chair.organisationId,
        members: { [chair.organisationId]: { ...chair, status: "member", readmittedAt: null } },
      };
    }
    case "MemberAdmitted": {
      const { member, admittedAt } = event.data;
      const readmittedAt = Object.hasOwn(state.members, member.organisationId) ? admittedAt : null;
      return {
        ...state,
        members: {
          ...state.members,
          [member.organisationId]: { ...member, status: "member", readmittedAt },
        },
      };
    }
    case "MemberWithdrawn": {
      const member = entryOf(state.members, event.data.organisationId);
      if (!member) return state;
      return {
        ...state,
        members: { ...state.members, [member.organisationId]: { ...member, status: "withdrawn" } },
      };
    }
    case "PurposeAdded": {
      const { purposeId, description } = event.data;
      return { ...state, purposes: { ...state.purposes, [purposeId]: { purposeId, description } } };
    }
    case "SharingRuleAdded":
      return {
        ...state,
        sharingRules: { ...state.sharingRules, [event.data.rule.ruleId]: event.data.rule },
      };
    case "SharingRuleRemoved": {
      const { [event.data.ruleId]: _removed, ...sharingRules } = state.sharingRules;
      return { ...state, sharingRules };
    }
    case "RetentionSet":
      return {
        ...state,
        retentionYears: {
          ...state.retentionYears,
          [event.data.purposeId]: event.data.yearsAfterClosure,
        },
      };
    case "CaseListNamesSet":
      return { ...state, caseListNames: event.data.shownAs };
  }
}

/** The organisation's membership while it has not withdrawn; undefined otherwise. */
export const activeMember = (covenant: CovenantState, organisationId: string) => {
  const member = entryOf(covenant.members, organisationId);
  return member?.status === "member" ? member : undefined;
};

/**
 * An organisation's membership as case visibility needs it (rule 1): null while it is not a
 * member; otherwise since when it has been one without interruption, null when it never
 * withdrew. What reached it in a case before an interruption does not come back.
 */
export type Membership = { resumedAt: string | null } | null;

export const membershipOf = (covenant: CovenantState, organisationId: string): Membership => {
  const member = activeMember(covenant, organisationId);
  return member === undefined ? null : { resumedAt: member.readmittedAt };
};

/** Does some sharing rule allow this sharer kind to give this category to this recipient kind under this basis? */
export const sharingRuleAllows = (
  covenant: CovenantState,
  sharerKind: string,
  dataCategory: string,
  recipientKind: string,
  legalBasisId: string,
) =>
  Object.values(covenant.sharingRules).some(
    (rule) =>
      rule.sharerKind === sharerKind &&
      rule.dataCategories.includes(dataCategory) &&
      rule.recipientKinds.includes(recipientKind) &&
      rule.legalBasisIds.includes(legalBasisId),
  );
