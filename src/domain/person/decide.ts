import { hasRole } from "../actor.js";
import type { CovenantState } from "../covenant/state.js";
import type { Decider } from "../decider.js";
import {
  Conflict,
  InvalidCommand,
  NotFound,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
import type { MergeSubjects, PersonCommand, UndoMerge } from "./commands.js";
import { MERGE_REASONS, type PersonEvent, UNDO_REASONS } from "./events.js";
import { evolvePerson, initialPersonState, type PersonState } from "./state.js";

export type PersonContext = { covenant: CovenantState };

/** Who links records: the covenant's chair organisation, as its chair or its privacy officer. */
function requireChairOrganisation(command: PersonCommand, { covenant }: PersonContext): void {
  const { actor } = command;
  if (actor.organisationId !== covenant.chairOrganisationId) {
    throw new OrganisationNotPermitted("chair-or-privacy-officer", actor.organisationId);
  }
  if (!hasRole(actor, "chair", "privacy-officer")) {
    throw new NotPermitted("chair-or-privacy-officer", actor.organisationId);
  }
}

const decidedBy = (command: PersonCommand) => ({
  userId: command.actor.userId,
  organisationId: command.actor.organisationId,
});

function merge(command: MergeSubjects, state: PersonState, context: PersonContext): PersonEvent[] {
  requireChairOrganisation(command, context);
  // The offending value is left out: a reason outside the list may be free text about the subject.
  if (!MERGE_REASONS.includes(command.reason)) throw new InvalidCommand("merge-reason");
  const [first, second] = command.linked;
  if (command.linked.length !== 2 || !first || !second) throw new InvalidCommand("case-ids");
  for (const { subject } of command.linked) {
    if (command.erased.includes(subject)) throw new Conflict("subject-erased", subject);
  }
  if (state.links.personOf(first.subject).includes(second.subject)) {
    throw new Conflict("same-person", second.caseId);
  }
  if (state.links.find(command.mergeId)) throw new Conflict("merge-id-taken", command.mergeId);
  return [
    {
      type: "SubjectsMerged",
      data: {
        mergeId: command.mergeId,
        covenantId: command.covenantId,
        linked: command.linked.map(({ subject, caseId }) => ({ subject, caseId })),
        reason: command.reason,
        mergedAt: command.now,
        mergedBy: decidedBy(command),
      },
    },
  ];
}

function undo(command: UndoMerge, state: PersonState, context: PersonContext): PersonEvent[] {
  requireChairOrganisation(command, context);
  if (!UNDO_REASONS.includes(command.reason)) throw new InvalidCommand("undo-reason");
  const link = state.links.find(command.mergeId);
  if (!link) throw new NotFound("merge-exists", command.mergeId);
  if (link.undone) throw new Conflict("merge-undone", command.mergeId);
  return [
    {
      type: "SubjectsMergeUndone",
      data: {
        mergeId: command.mergeId,
        covenantId: command.covenantId,
        reason: command.reason,
        undoneAt: command.now,
        undoneBy: decidedBy(command),
      },
    },
  ];
}

export function decidePerson(
  command: PersonCommand,
  state: PersonState,
  context: PersonContext,
): PersonEvent[] {
  switch (command.type) {
    case "MergeSubjects":
      return merge(command, state, context);
    case "UndoMerge":
      return undo(command, state, context);
    default: {
      const unknown: never = command;
      throw new InvalidCommand("command-type", String((unknown as { type: unknown }).type));
    }
  }
}

export const personDecider: Decider<PersonCommand, PersonEvent, PersonState, PersonContext> = {
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePerson,
};
