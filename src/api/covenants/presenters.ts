import type { z } from "zod";
import {
  type CovenantMember,
  type CovenantState,
  entryOf,
  type SharingRule,
} from "../../domain/index.js";
import type { covenantView, memberView, purposeView, sharingRuleView } from "./schemas.js";

export function presentMember(member: CovenantMember): z.input<typeof memberView> {
  return {
    organisationId: member.organisationId,
    name: member.name,
    partnerKind: member.partnerKind,
    status: member.status,
    privacyOfficer: { name: member.privacyOfficer.name, email: member.privacyOfficer.email },
  };
}

export function presentPurpose(
  covenant: CovenantState,
  purposeId: string,
): z.input<typeof purposeView> {
  const purpose = entryOf(covenant.purposes, purposeId)!;
  return {
    purposeId: purpose.purposeId,
    description: purpose.description,
    retentionYearsAfterClosure: entryOf(covenant.retentionYears, purposeId) ?? null,
  };
}

export function presentSharingRule(rule: SharingRule): z.input<typeof sharingRuleView> {
  return {
    ruleId: rule.ruleId,
    sharerKind: rule.sharerKind,
    dataCategories: [...rule.dataCategories],
    recipientKinds: [...rule.recipientKinds],
    legalBasisIds: [...rule.legalBasisIds],
  };
}

/** An established covenant; the caller checked `status === "established"`. */
export function presentCovenant(covenant: CovenantState): z.input<typeof covenantView> {
  return {
    covenantId: covenant.covenantId!,
    name: covenant.name!,
    chairOrganisationId: covenant.chairOrganisationId!,
    members: Object.values(covenant.members).map(presentMember),
    purposes: Object.keys(covenant.purposes).map((id) => presentPurpose(covenant, id)),
    sharingRules: Object.values(covenant.sharingRules).map(presentSharingRule),
  };
}
