import { Conflict, InvalidCommand, NotFound } from "../domainError.js";
import { entryOf } from "../entries.js";
import { requireText } from "../text.js";
import type {
  AddAgendaItem,
  MarkSessionHeld,
  RemoveAgendaItem,
  ReorderAgenda,
} from "./commands.js";
import type { SessionEvent } from "./events.js";
import { type ExistingSession, isRecorded, requireAhead, type SessionContext } from "./guards.js";

type AgendaCommand = AddAgendaItem | RemoveAgendaItem | ReorderAgenda | MarkSessionHeld;

export function agendaChange(
  command: AgendaCommand,
  session: ExistingSession,
  context: SessionContext,
): SessionEvent[] {
  requireAhead(session);
  switch (command.type) {
    case "AddAgendaItem":
      return addItem(command, session, context);
    case "RemoveAgendaItem":
      return removeItem(command, session, context);
    case "ReorderAgenda":
      return reorder(command, session);
    case "MarkSessionHeld":
      return markHeld(command, session, context);
  }
}

/**
 * Rule 1: only an open case this session's organisation chairs, in the session's covenant, is
 * placed on its agenda; any other case answers as one that does not exist. A case is on an
 * agenda once.
 */
function addItem(
  command: AddAgendaItem,
  session: ExistingSession,
  context: SessionContext,
): SessionEvent[] {
  const { caseId, itemId } = command;
  const state = entryOf(context.cases, caseId);
  const placeable =
    state !== undefined &&
    state.status === "open" &&
    state.subjectId !== null &&
    state.chairOrganisationId === session.chairOrganisationId &&
    state.covenantId === session.covenantId;
  if (!placeable) throw new NotFound("case-exists", caseId);
  if (session.agenda.some((item) => item.itemId === itemId)) {
    throw new Conflict("agenda-item-id-taken", itemId);
  }
  if (session.agenda.some((item) => item.caseId === caseId)) {
    throw new Conflict("agenda-case-listed", caseId);
  }
  const question = requireText(command.question, "agenda-question");
  return [
    {
      type: "AgendaItemAdded",
      data: {
        sessionId: session.sessionId,
        itemId,
        caseId,
        subjectId: state.subjectId as string,
        question,
        addedAt: command.now,
      },
    },
  ];
}

const requireItem = (session: ExistingSession, itemId: string) => {
  const item = session.agenda.find((listed) => listed.itemId === itemId);
  if (!item) throw new NotFound("agenda-item-exists", itemId);
  return item;
};

function removeItem(
  command: RemoveAgendaItem,
  session: ExistingSession,
  context: SessionContext,
): SessionEvent[] {
  const item = requireItem(session, command.itemId);
  if (isRecorded(context, item.caseId, item.itemId)) {
    throw new Conflict("agenda-item-recorded", item.itemId);
  }
  return [
    {
      type: "AgendaItemRemoved",
      data: { sessionId: session.sessionId, itemId: item.itemId, removedAt: command.now },
    },
  ];
}

/** The new order names every item on the agenda exactly once. */
function reorder(command: ReorderAgenda, session: ExistingSession): SessionEvent[] {
  const ids = Array.isArray(command.itemIds) ? command.itemIds : [];
  const current = new Set(session.agenda.map((item) => item.itemId));
  const complete =
    ids.length === current.size &&
    new Set(ids).size === ids.length &&
    ids.every((id) => current.has(id));
  if (!complete) throw new InvalidCommand("agenda-order");
  return [
    {
      type: "AgendaReordered",
      data: { sessionId: session.sessionId, itemIds: [...ids], reorderedAt: command.now },
    },
  ];
}

/** Held once every item on a non-empty agenda is recorded (items not discussed are removed first). */
function markHeld(
  command: MarkSessionHeld,
  session: ExistingSession,
  context: SessionContext,
): SessionEvent[] {
  const open = session.agenda.find((item) => !isRecorded(context, item.caseId, item.itemId));
  if (session.agenda.length === 0 || open) {
    throw new Conflict("agenda-not-recorded", open?.itemId ?? session.sessionId);
  }
  return [{ type: "SessionHeld", data: { sessionId: session.sessionId, heldAt: command.now } }];
}
