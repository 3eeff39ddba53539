import type { Actor } from "../actor.js";
import { compareInstants, isInstant } from "../dates.js";
import { Conflict, InvalidCommand, NotFound, OrganisationNotPermitted } from "../domainError.js";
import { entryOf } from "../entries.js";
import { requireText } from "../text.js";
import { makeAgreement } from "./agreements.js";
import { requireAttendance } from "./attendance.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent } from "./events.js";
import { evolveCase } from "./evolve.js";
import { type ExistingCase, requireChair, requireNew, requireOpenCase } from "./guards.js";
import type {
  AddMinutesAddendum,
  AgendaItemCommand,
  ApproveMinutes,
  ProposeMinutesCorrection,
  RecordAgendaItem,
  ResolveMinutesCorrection,
} from "./itemCommands.js";
import type { RecordedItem } from "./itemState.js";
import type { CaseState } from "./state.js";

const requireDecisions = (decisions: unknown): string[] => {
  if (!Array.isArray(decisions) || decisions.some((d) => typeof d !== "string")) {
    throw new InvalidCommand("meeting-decisions");
  }
  return [...decisions];
};

const requireItem = (state: CaseState, itemId: string): RecordedItem => {
  const item = entryOf(state.agendaItems, itemId);
  if (!item) throw new NotFound("agenda-item-exists", itemId);
  return item;
};

/**
 * Rule 4 for writes: the chair organisation, or an organisation that attended the item and has
 * held on since (joined without interruption, no readmission to the covenant after it).
 */
function requireAttendeeHoldingOn(
  actor: Actor,
  open: ExistingCase,
  item: RecordedItem,
  context: CaseContext,
): void {
  const organisationId = actor.organisationId;
  if (organisationId === open.chairOrganisationId) return;
  const participant = entryOf(open.participants, organisationId);
  const member = entryOf(context.covenant.members, organisationId);
  const holds =
    item.attendees.some((a) => a.organisationId === organisationId) &&
    participant?.status === "joined" &&
    participant.joinNumber <= item.joinsBefore &&
    (member?.readmittedAt == null || compareInstants(item.heldAt, member.readmittedAt) >= 0);
  if (!holds) throw new OrganisationNotPermitted("attendee-only", organisationId);
}

/**
 * The chair records one agenda item: who attended it, the draft minutes and decisions, and
 * the agreements made at it, in one append so none is recorded without the others.
 */
function recordItem(command: RecordAgendaItem, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  if (entryOf(open.agendaItems, command.itemId)) {
    throw new Conflict("agenda-item-recorded", command.itemId);
  }
  if (!isInstant(command.heldAt)) throw new InvalidCommand("meeting-time", String(command.heldAt));
  const attendees = requireAttendance(open, command.attendees);
  const minutes = requireText(command.minutes, "meeting-minutes");
  const decisions = requireDecisions(command.decisions);
  const { caseId, subjectId } = open;
  const recorded: CaseEvent = {
    type: "AgendaItemRecorded",
    data: {
      caseId,
      subjectId,
      sessionId: command.sessionId,
      itemId: command.itemId,
      heldAt: command.heldAt,
      attendees,
      minutes,
      decisions,
      recordedAt: command.now,
    },
  };
  const events: CaseEvent[] = [recorded];
  let after = evolveCase(open, recorded);
  for (const agreement of Array.isArray(command.agreements) ? command.agreements : []) {
    const made = makeAgreement(
      { ...command, ...agreement, type: "MakeAgreement", meetingId: null },
      after,
    ).map((event) =>
      event.type === "AgreementMade"
        ? { ...event, data: { ...event.data, meetingId: command.itemId } }
        : event,
    );
    events.push(...made);
    after = made.reduce(evolveCase, after);
  }
  return events;
}

function proposeCorrection(
  command: ProposeMinutesCorrection,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  const item = requireItem(open, command.itemId);
  requireAttendeeHoldingOn(command.actor, open, item, context);
  if (item.minutesStatus === "approved") throw new Conflict("minutes-approved", item.itemId);
  requireNew(
    entryOf(item.corrections, command.correctionId),
    "correction-id-taken",
    command.correctionId,
  );
  const minutes = requireText(command.minutes, "meeting-minutes");
  const { caseId, subjectId } = open;
  return [
    {
      type: "MinutesCorrectionProposed",
      data: {
        caseId,
        subjectId,
        itemId: item.itemId,
        correctionId: command.correctionId,
        proposedBy: command.actor.organisationId,
        minutes,
        proposedAt: command.now,
      },
    },
  ];
}

function resolveCorrection(command: ResolveMinutesCorrection, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  const item = requireItem(open, command.itemId);
  if (item.minutesStatus === "approved") throw new Conflict("minutes-approved", item.itemId);
  const correction = entryOf(item.corrections, command.correctionId);
  if (!correction) throw new NotFound("correction-exists", command.correctionId);
  if (correction.status !== "proposed")
    throw new Conflict("correction-resolved", command.correctionId);
  const { caseId, subjectId } = open;
  return [
    {
      type: "MinutesCorrectionResolved",
      data: {
        caseId,
        subjectId,
        itemId: item.itemId,
        correctionId: correction.correctionId,
        accepted: command.accepted === true,
        resolvedAt: command.now,
      },
    },
  ];
}

/** After approval the minutes are immutable: what changes later is added as an addendum. */
function approveMinutes(command: ApproveMinutes, state: CaseState): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireChair(command.actor, open);
  const item = requireItem(open, command.itemId);
  if (item.minutesStatus === "approved") throw new Conflict("minutes-approved", item.itemId);
  const minutes =
    command.minutes === undefined ? item.minutes : requireText(command.minutes, "meeting-minutes");
  const decisions =
    command.decisions === undefined ? item.decisions : requireDecisions(command.decisions);
  const { caseId, subjectId } = open;
  return [
    {
      type: "MinutesApproved",
      data: { caseId, subjectId, itemId: item.itemId, minutes, decisions, approvedAt: command.now },
    },
  ];
}

function addAddendum(
  command: AddMinutesAddendum,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  const item = requireItem(open, command.itemId);
  requireAttendeeHoldingOn(command.actor, open, item, context);
  if (item.minutesStatus !== "approved") throw new Conflict("minutes-draft", item.itemId);
  if (item.addenda.some((a) => a.addendumId === command.addendumId)) {
    throw new Conflict("addendum-id-taken", command.addendumId);
  }
  const text = requireText(command.text, "addendum-text");
  const { caseId, subjectId } = open;
  return [
    {
      type: "MinutesAddendumAdded",
      data: {
        caseId,
        subjectId,
        itemId: item.itemId,
        addendumId: command.addendumId,
        addedBy: command.actor.organisationId,
        text,
        addedAt: command.now,
      },
    },
  ];
}

export function decideAgendaItem(
  command: AgendaItemCommand,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  switch (command.type) {
    case "RecordAgendaItem":
      return recordItem(command, state);
    case "ProposeMinutesCorrection":
      return proposeCorrection(command, state, context);
    case "ResolveMinutesCorrection":
      return resolveCorrection(command, state);
    case "ApproveMinutes":
      return approveMinutes(command, state);
    case "AddMinutesAddendum":
      return addAddendum(command, state, context);
  }
}
