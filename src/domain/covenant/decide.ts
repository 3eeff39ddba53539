import { hasRole } from "../actor.js";
import type { Catalogue } from "../catalogue/catalogue.js";
import type { Decider } from "../decider.js";
import {
  Conflict,
  InvalidCommand,
  NotFound,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import { entryOf } from "../entries.js";
import type { InvalidRule } from "../invalidRules.js";
import { requireText } from "../text.js";
import type {
  AddPurpose,
  AddSharingRule,
  AdmitMember,
  CovenantCommand,
  EstablishCovenant,
  RemoveSharingRule,
  SetCaseListNames,
  SetRetention,
  WithdrawMember,
} from "./commands.js";
import { CASE_LIST_NAMES, type CovenantEvent } from "./events.js";
import { requireAdmin, validMember } from "./guards.js";
import { activeMember, type CovenantState, evolveCovenant, initialCovenantState } from "./state.js";

export type CovenantContext = { catalogue: Catalogue };

/** An admin of the organisation that will chair establishes the covenant; the chair is its first member. */
function establish(
  command: EstablishCovenant,
  state: CovenantState,
  { catalogue }: CovenantContext,
): CovenantEvent[] {
  if (state.status !== "none") throw new Conflict("covenant-id-taken", command.covenantId);
  const chair = validMember(command.chair, catalogue);
  if (command.actor.organisationId !== chair.organisationId) {
    throw new OrganisationNotPermitted("chair-admin-only", command.actor.organisationId);
  }
  if (!hasRole(command.actor, "admin")) {
    throw new NotPermitted("chair-admin-only", command.actor.organisationId);
  }
  const name = requireText(command.name, "covenant-name");
  return [
    {
      type: "CovenantEstablished",
      data: {
        covenantId: command.covenantId,
        name,
        chair,
        establishedBy: command.actor.userId,
        establishedAt: command.now,
      },
    },
  ];
}

function admit(
  command: AdmitMember,
  state: CovenantState,
  { catalogue }: CovenantContext,
): CovenantEvent[] {
  const covenant = requireAdmin(command.actor, state, command.covenantId);
  const member = validMember(command.member, catalogue);
  if (activeMember(covenant, member.organisationId))
    throw new Conflict("already-member", member.organisationId);
  return [
    {
      type: "MemberAdmitted",
      data: { covenantId: covenant.covenantId, member, admittedAt: command.now },
    },
  ];
}

function withdraw(command: WithdrawMember, state: CovenantState): CovenantEvent[] {
  const covenant = requireAdmin(command.actor, state, command.covenantId);
  const { organisationId } = command;
  if (!activeMember(covenant, organisationId)) throw new NotFound("member-exists", organisationId);
  // Without its chair the covenant has no one to run case meetings or maintain it.
  if (organisationId === covenant.chairOrganisationId)
    throw new Conflict("chair-stays", organisationId);
  return [
    {
      type: "MemberWithdrawn",
      data: { covenantId: covenant.covenantId, organisationId, withdrawnAt: command.now },
    },
  ];
}

function addPurpose(command: AddPurpose, state: CovenantState): CovenantEvent[] {
  const covenant = requireAdmin(command.actor, state, command.covenantId);
  const purposeId = requireText(command.purposeId, "purpose-id");
  if (entryOf(covenant.purposes, purposeId)) throw new Conflict("purpose-id-taken", purposeId);
  const description = requireText(command.description, "purpose-description");
  return [
    {
      type: "PurposeAdded",
      data: { covenantId: covenant.covenantId, purposeId, description, addedAt: command.now },
    },
  ];
}

function addSharingRule(
  command: AddSharingRule,
  state: CovenantState,
  { catalogue }: CovenantContext,
): CovenantEvent[] {
  const covenant = requireAdmin(command.actor, state, command.covenantId);
  const { rule } = command;
  const ruleId = requireText(rule?.ruleId, "sharing-rule-id");
  if (entryOf(covenant.sharingRules, ruleId)) throw new Conflict("sharing-rule-id-taken", ruleId);
  const knownKind = (kind: string) => catalogue.partnerKinds.some((k) => k.id === kind);
  const nonEmpty = (list: unknown, rule: InvalidRule): string[] => {
    if (!Array.isArray(list) || list.length === 0) throw new InvalidCommand(rule);
    return [...list];
  };
  if (!knownKind(rule.sharerKind))
    throw new InvalidCommand("partner-kind", String(rule.sharerKind));
  const recipientKinds = nonEmpty(rule.recipientKinds, "sharing-rule-recipient-kinds");
  const strangerKind = recipientKinds.find((kind) => !knownKind(kind));
  if (strangerKind !== undefined) throw new InvalidCommand("partner-kind", strangerKind);
  const dataCategories = nonEmpty(rule.dataCategories, "sharing-rule-data-categories");
  const category = dataCategories.find((id) => !catalogue.dataCategories.some((c) => c.id === id));
  if (category !== undefined) throw new InvalidCommand("data-category", category);
  const legalBasisIds = nonEmpty(rule.legalBasisIds, "sharing-rule-legal-bases");
  const basis = legalBasisIds.find((id) => !catalogue.legalBases.some((b) => b.id === id));
  if (basis !== undefined) throw new InvalidCommand("legal-basis", basis);
  return [
    {
      type: "SharingRuleAdded",
      data: {
        covenantId: covenant.covenantId,
        rule: {
          ruleId,
          sharerKind: rule.sharerKind,
          dataCategories,
          recipientKinds,
          legalBasisIds,
        },
        addedAt: command.now,
      },
    },
  ];
}

function removeSharingRule(command: RemoveSharingRule, state: CovenantState): CovenantEvent[] {
  const covenant = requireAdmin(command.actor, state, command.covenantId);
  if (!entryOf(covenant.sharingRules, command.ruleId))
    throw new NotFound("sharing-rule-exists", command.ruleId);
  return [
    {
      type: "SharingRuleRemoved",
      data: { covenantId: covenant.covenantId, ruleId: command.ruleId, removedAt: command.now },
    },
  ];
}

function setRetention(command: SetRetention, state: CovenantState): CovenantEvent[] {
  const covenant = requireAdmin(command.actor, state, command.covenantId);
  if (!entryOf(covenant.purposes, command.purposeId))
    throw new NotFound("purpose-exists", command.purposeId);
  const years = command.yearsAfterClosure;
  if (!Number.isInteger(years) || years < 1 || years > 100) {
    throw new InvalidCommand("retention-years", String(years));
  }
  return [
    {
      type: "RetentionSet",
      data: {
        covenantId: covenant.covenantId,
        purposeId: command.purposeId,
        yearsAfterClosure: years,
        setAt: command.now,
      },
    },
  ];
}

function setCaseListNames(command: SetCaseListNames, state: CovenantState): CovenantEvent[] {
  const covenant = requireAdmin(command.actor, state, command.covenantId);
  if (!CASE_LIST_NAMES.includes(command.shownAs)) throw new InvalidCommand("case-list-names");
  return [
    {
      type: "CaseListNamesSet",
      data: { covenantId: covenant.covenantId, shownAs: command.shownAs, setAt: command.now },
    },
  ];
}

export function decideCovenant(
  command: CovenantCommand,
  state: CovenantState,
  context: CovenantContext,
): CovenantEvent[] {
  switch (command.type) {
    case "EstablishCovenant":
      return establish(command, state, context);
    case "AdmitMember":
      return admit(command, state, context);
    case "WithdrawMember":
      return withdraw(command, state);
    case "AddPurpose":
      return addPurpose(command, state);
    case "AddSharingRule":
      return addSharingRule(command, state, context);
    case "RemoveSharingRule":
      return removeSharingRule(command, state);
    case "SetRetention":
      return setRetention(command, state);
    case "SetCaseListNames":
      return setCaseListNames(command, state);
    default: {
      const unknown: never = command;
      throw new InvalidCommand("command-type", String((unknown as { type: unknown }).type));
    }
  }
}

export const covenantDecider: Decider<
  CovenantCommand,
  CovenantEvent,
  CovenantState,
  CovenantContext
> = {
  initialState: initialCovenantState,
  evolve: evolveCovenant,
  decide: decideCovenant,
};
