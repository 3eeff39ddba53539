import { type CaseState, entryOf, type NotificationType } from "../../domain/index.js";
import type { JsonObject } from "../../store/types.js";
import type { CaseVisibility } from "./caseVisibility.js";

/** One thing to tell: what happened to which item, and the organisations that may know it. */
export interface Notice {
  type: NotificationType;
  caseId: string | null;
  /** As the policy names shown items: "share:<id>", "invitation:<caseId>", ... */
  itemId: string;
  organisations: string[];
}

/** What the notification rules read: a case's state and what an organisation may see of it now. */
export interface NoticeLookup {
  stateOf(caseId: string): CaseState | undefined;
  visibility(caseId: string, organisationId: string): CaseVisibility;
  /** The organisations a session is planned with; empty for an unknown session. */
  plannedWith(sessionId: string): readonly string[];
  /** Whether the organisation may know of the session now (the sessions policy). */
  seesSession(sessionId: string, organisationId: string): boolean;
}

type Candidate = {
  caseId: string | null;
  /** A session's notice: told only to whom the sessions policy shows the session. */
  sessionId?: string;
  itemId: string;
  to: readonly unknown[];
  /** Shown items any of which lets an organisation know of this one; default the item itself. */
  knownBy?: readonly string[];
};
type NoticeRule = {
  type: NotificationType;
  /** `state` is the event's case now, when the event names one. */
  about: (
    data: JsonObject,
    state: CaseState | undefined,
    lookup: NoticeLookup,
  ) => Candidate | undefined;
};

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const caseItem = (data: JsonObject, item: string, to: readonly unknown[]): Candidate => ({
  caseId: text(data.caseId),
  itemId: `${item}:${text(data[`${item}Id`])}`,
  to,
});
const chairOf = (state: CaseState | undefined) => [state?.chairOrganisationId];
const ownerOf = (state: CaseState | undefined, data: JsonObject) => [
  state && entryOf(state.agreements, text(data.agreementId))?.ownerOrganisationId,
];
const attendeesOfItem = (state: CaseState | undefined, data: JsonObject) =>
  (state &&
    entryOf(state.agendaItems, text(data.itemId))?.attendees.map((a) => a.organisationId)) ??
  [];
/** Rule 4 per item: an attendee holds the minutes while it has the case, as when they were recorded. */
const minutesOf = (data: JsonObject, to: readonly unknown[]): Candidate => ({
  caseId: text(data.caseId),
  itemId: `minutes:${text(data.itemId)}`,
  to,
  knownBy: [`case:${text(data.caseId)}`],
});
const sessionItem = (data: JsonObject, to: readonly unknown[]): Candidate => ({
  caseId: null,
  sessionId: text(data.sessionId),
  itemId: `session:${text(data.sessionId)}`,
  to,
});
const attendeesOf = (data: JsonObject) =>
  Array.isArray(data.attendees)
    ? data.attendees.map((a) =>
        a && typeof a === "object" ? (a as JsonObject).organisationId : null,
      )
    : [];

/**
 * Which stored events are notified, one line each: the notification type, the item it is
 * about and whom it is for. Whoever is named is told only if the policy shows them the item.
 */
const NOTICE_RULES: Readonly<Record<string, NoticeRule>> = {
  PartnerInvited: {
    type: "case.invitation",
    // Asked after the organisation joined, the policy shows the case instead of the invitation.
    about: (d) => ({
      caseId: text(d.caseId),
      itemId: `invitation:${text(d.caseId)}`,
      to: [d.organisationId],
      knownBy: [`invitation:${text(d.caseId)}`, `case:${text(d.caseId)}`],
    }),
  },
  InformationShared: {
    type: "share.received",
    about: (d) => caseItem(d, "share", Array.isArray(d.recipients) ? d.recipients : []),
  },
  AgreementMade: {
    type: "agreement.made",
    about: (d) => caseItem(d, "agreement", [d.ownerOrganisationId]),
  },
  AgreementDueDateChanged: {
    type: "agreement.due-date-changed",
    about: (d, state) => caseItem(d, "agreement", ownerOf(state, d)),
  },
  MeetingHeld: {
    type: "minutes.drafted",
    about: (d) => ({
      ...caseItem(d, "meeting", attendeesOf(d)),
      itemId: `minutes:${text(d.meetingId)}`,
    }),
  },
  AgendaItemRecorded: {
    type: "minutes.drafted",
    about: (d) => minutesOf(d, attendeesOf(d)),
  },
  // The chair decides on a proposed correction; the attendees see how it was decided.
  MinutesCorrectionProposed: {
    type: "minutes.correction-proposed",
    about: (d, state) => minutesOf(d, chairOf(state)),
  },
  MinutesCorrectionResolved: {
    type: "minutes.correction-resolved",
    about: (d, state) => minutesOf(d, attendeesOfItem(state, d)),
  },
  MinutesApproved: {
    type: "minutes.approved",
    about: (d, state) => minutesOf(d, attendeesOfItem(state, d)),
  },
  SessionPlanned: {
    type: "session.planned",
    about: (d) =>
      sessionItem(d, Array.isArray(d.plannedOrganisationIds) ? d.plannedOrganisationIds : []),
  },
  SessionRescheduled: {
    type: "session.rescheduled",
    about: (d, _state, lookup) => sessionItem(d, lookup.plannedWith(text(d.sessionId))),
  },
  SessionCancelled: {
    type: "session.cancelled",
    about: (d, _state, lookup) => sessionItem(d, lookup.plannedWith(text(d.sessionId))),
  },
  SignalRaised: {
    type: "signal.joined-case",
    about: (d, state) => (d.matchedOn ? caseItem(d, "signal", chairOf(state)) : undefined),
  },
  PossibleMatchFound: {
    type: "possible-match.found",
    about: (d, _state, lookup) => {
      const [opened] = Array.isArray(d.cases) ? d.cases : [];
      const caseId = text(
        opened && typeof opened === "object" ? (opened as JsonObject).caseId : "",
      );
      return { caseId, itemId: `case:${caseId}`, to: chairOf(lookup.stateOf(caseId)) };
    },
  },
};

const shows = (visibility: CaseVisibility, knownBy: readonly string[]) =>
  visibility.kind !== "none" && visibility.items.some((item) => knownBy.includes(item.id));

/**
 * The notice a stored event gives, or undefined. Pure given the lookup: the organisations are
 * those the rule names that the policy, asked now, shows the item to; nobody else hears of it.
 */
export function noticeOf(
  event: { type: string; data: JsonObject },
  lookup: NoticeLookup,
): Notice | undefined {
  const rule = entryOf(NOTICE_RULES, event.type);
  if (rule === undefined) return undefined;
  const caseId = typeof event.data.caseId === "string" ? event.data.caseId : undefined;
  const candidate = rule.about(
    event.data,
    caseId === undefined ? undefined : lookup.stateOf(caseId),
    lookup,
  );
  if (candidate === undefined) return undefined;
  const named = new Set(
    candidate.to.filter((id): id is string => typeof id === "string" && id !== ""),
  );
  const { sessionId } = candidate;
  const organisations = [...named].filter((organisationId) =>
    sessionId !== undefined
      ? lookup.seesSession(sessionId, organisationId)
      : candidate.caseId === null ||
        shows(
          lookup.visibility(candidate.caseId, organisationId),
          candidate.knownBy ?? [candidate.itemId],
        ),
  );
  if (organisations.length === 0) return undefined;
  return { type: rule.type, caseId: candidate.caseId, itemId: candidate.itemId, organisations };
}
