import { entryOf } from "../entries.js";
import type { CovenantEvent, Member, SharingRule } from "./events.js";

export type CovenantMember = Member & { status: "member" | "withdrawn" };

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
        members: { [chair.organisationId]: { ...chair, status: "member" } },
      };
    }
    case "MemberAdmitted": {
      const { member } = event.data;
      return {
        ...state,
        members: { ...state.members, [member.organisationId]: { ...member, status: "member" } },
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
  }
}

/** The organisation's membership while it has not withdrawn; undefined otherwise. */
export const activeMember = (covenant: CovenantState, organisationId: string) => {
  const member = entryOf(covenant.members, organisationId);
  return member?.status === "member" ? member : undefined;
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
