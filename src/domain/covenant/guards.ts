import { type Actor, hasRole } from "../actor.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import {
  InvalidCommand,
  NotFound,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { requireText } from "../text.js";
import type { Member } from "./events.js";
import { activeMember, type CovenantState } from "./state.js";

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

/**
 * The covenant is maintained by admins of its chair organisation. To an organisation that is
 * no member it does not exist (rule 1): the same answer as for an unknown covenant id.
 */
export function requireAdmin(actor: Actor, state: CovenantState, covenantId: string): Established {
  const established =
    state.status === "established" && state.covenantId && state.chairOrganisationId;
  if (!established || !activeMember(state, actor.organisationId)) {
    throw new NotFound("covenant-exists", covenantId);
  }
  if (actor.organisationId !== state.chairOrganisationId) {
    throw new OrganisationNotPermitted("chair-admin-only", actor.organisationId);
  }
  if (!hasRole(actor, "admin")) throw new NotPermitted("chair-admin-only", actor.organisationId);
  return state as Established;
}
