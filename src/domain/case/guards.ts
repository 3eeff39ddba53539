import { type Actor, hasRole, type Role } from "../actor.js";
import { activeMember } from "../covenant/state.js";
import {
  Conflict,
  InvalidCommand,
  NotFound,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { entryOf } from "../entries.js";
import type { InvalidRule } from "../invalidRules.js";
import type { ConflictRule, NotFoundRule, OrganisationRule, RoleRule } from "../ruleCodes.js";
import { requireText } from "../text.js";
import type { CaseContext } from "./context.js";
import type { Contact } from "./events.js";
import type { CaseState, Participant } from "./state.js";

// Small checks shared by the command functions; each throws the error naming its rule.

export type ExistingCase = CaseState & {
  caseId: string;
  subjectId: string;
  chairOrganisationId: string;
};

export function requireCase(state: CaseState, caseId: string): ExistingCase {
  if (state.status === "none" || !state.caseId || !state.subjectId || !state.chairOrganisationId) {
    throw new NotFound("case-exists", caseId);
  }
  return state as ExistingCase;
}

export function requireOpenCase(state: CaseState, caseId: string): ExistingCase {
  const existing = requireCase(state, caseId);
  if (existing.status !== "open") throw new Conflict("case-open", caseId);
  return existing;
}

/** The case's covenant must be the one handed in: rules are checked against it. */
export function requireCovenantOf(state: ExistingCase, context: CaseContext): void {
  if (context.covenant.covenantId !== state.covenantId) {
    throw new Conflict("case-covenant", context.covenant.covenantId);
  }
}

/**
 * Rule 1, for writes: an organisation withdrawn from the case's covenant has lost the case,
 * so it does nothing in it any more (the API answers as for an unknown case).
 */
export function requireCovenantStanding(actor: Actor, state: CaseState, context: CaseContext) {
  if (state.covenantId === null || context.covenant.covenantId !== state.covenantId) return;
  if (!activeMember(context.covenant, actor.organisationId)) {
    throw new OrganisationNotPermitted("covenant-member", actor.organisationId);
  }
}

export function requireRole(actor: Actor, rule: RoleRule, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw new NotPermitted(rule, roles.join("|"));
}

/** Chair-only commands: a chair-role user of the case's chair organisation. */
export function requireChair(actor: Actor, state: ExistingCase): void {
  if (actor.organisationId !== state.chairOrganisationId) {
    throw new OrganisationNotPermitted("chair-only", actor.organisationId);
  }
  requireRole(actor, "chair-only", "chair");
}

export const isChair = (actor: Actor, state: ExistingCase) =>
  hasRole(actor, "chair") && actor.organisationId === state.chairOrganisationId;

export const isJoined = (state: CaseState, organisationId: string) =>
  entryOf(state.participants, organisationId)?.status === "joined";

export function requireJoined(
  state: CaseState,
  organisationId: string,
  rule: OrganisationRule,
): void {
  if (!isJoined(state, organisationId)) throw new OrganisationNotPermitted(rule, organisationId);
}

/** The entry (of any status) of an organisation the command names; 404 if the case never had it. */
export function requireParticipantEntry(state: CaseState, organisationId: string): Participant {
  const participant = entryOf(state.participants, organisationId);
  if (!participant) throw new NotFound("participant-exists", organisationId);
  return participant;
}

export function requireContact(
  contact: Contact | undefined,
  rule: InvalidRule = "contact-required",
): Contact {
  if (typeof contact !== "object" || contact === null) throw new InvalidCommand(rule);
  requireText(contact.name, rule);
  requireText(contact.function, rule);
  requireText(contact.reach, rule);
  return { name: contact.name, function: contact.function, reach: contact.reach };
}

export function requireNew(existing: unknown, rule: ConflictRule, id: string): void {
  if (existing !== undefined) throw new Conflict(rule, id);
}

export function requireFound<Item>(item: Item | undefined, rule: NotFoundRule, id: string): Item {
  if (item === undefined) throw new NotFound(rule, id);
  return item;
}
