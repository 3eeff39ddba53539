import { type Actor, hasRole } from "../actor.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import { InvalidCommand, NotFound, NotPermitted } from "../domainError.js";
import { requireText } from "../text.js";
import type { Member } from "./events.js";
import type { CovenantState } from "./state.js";

// Checks shared by the covenant's command functions; each throws the error naming its rule.

export type Established = CovenantState & { covenantId: string; chairOrganisationId: string };

export function validMember(member: Member, catalogue: Catalogue): Member {
  if (!member) throw new InvalidCommand("member-required");
  requireText(member.organisationId, "member-organisation");
  requireText(member.name, "member-name");
  if (!catalogue.partnerKinds.some((kind) => kind.id === member.partnerKind)) {
    throw new InvalidCommand("partner-kind", String(member.partnerKind));
  }
  requireText(member.privacyOfficer?.name, "privacy-officer-contact");
  requireText(member.privacyOfficer?.email, "privacy-officer-contact");
  const { organisationId, name, partnerKind, privacyOfficer } = member;
  return {
    organisationId,
    name,
    partnerKind,
    privacyOfficer: { name: privacyOfficer.name, email: privacyOfficer.email },
  };
}

/** The covenant is maintained by admins of its chair organisation. */
export function requireAdmin(actor: Actor, state: CovenantState, covenantId: string): Established {
  if (state.status !== "established" || !state.covenantId || !state.chairOrganisationId) {
    throw new NotFound("covenant-exists", covenantId);
  }
  if (!hasRole(actor, "admin") || actor.organisationId !== state.chairOrganisationId) {
    throw new NotPermitted("chair-admin-only", actor.organisationId);
  }
  return state as Established;
}
