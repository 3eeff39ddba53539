import { compareInstants } from "../../domain/dates.js";
import {
  type Actor,
  type CaseState,
  ERASED,
  evolveSession,
  initialSessionState,
  type SessionEvent,
  type SessionState,
} from "../../domain/index.js";
import {
  type KnownSession,
  type SessionVisibility,
  sessionVisibility,
} from "../../privacy/policy/sessionVisibility.js";
import type { CaseViewModel } from "../caseView/caseView.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";

/** "Which sessions does this organisation take part in, and what may it see of each?" */
export interface SessionsModel extends ReadModel {
  readonly name: "sessions";
  /** What `viewer` may see of the session now; { kind: "none" } for an unknown or hidden one. */
  query(sessionId: string, viewer: Actor): SessionVisibility;
  /** Every session the viewer may see, upcoming first (soonest first), then past ones (latest first). */
  list(viewer: Actor, now: string): SessionVisibility[];
  /** The organisations a session (not a meeting from before sessions) is planned with; ids only. */
  plannedWith(sessionId: string): readonly string[];
  /** The session stream's revision (its ETag); -1 for an unknown one or a meeting from before sessions. */
  revisionOf(sessionId: string): number;
}

/**
 * A meeting scheduled in a case before sessions existed, read as a session with that one case
 * on its agenda (a read-model migration: the stored events stay as they are). Its id is the
 * meeting's, and its minutes were final when recorded, so they read as approved.
 */
function legacySession(state: CaseState, meetingId: string): KnownSession | undefined {
  const meeting = Object.hasOwn(state.meetings, meetingId) ? state.meetings[meetingId] : undefined;
  if (!meeting || !state.caseId || !state.subjectId) return undefined;
  const session: SessionState = {
    ...initialSessionState,
    status: meeting.heldAt === null ? "planned" : "held",
    sessionId: meetingId,
    covenantId: state.covenantId,
    chairOrganisationId: state.chairOrganisationId,
    startsAt: meeting.scheduledFor,
    heldAt: meeting.heldAt,
    agenda: [
      {
        itemId: meetingId,
        caseId: state.caseId,
        subjectId: state.subjectId,
        question: meeting.agenda,
      },
    ],
  };
  return { state: session, legacy: true };
}

const startOf = (visible: SessionVisibility) =>
  visible.kind === "session" ? (visible.view.startsAt ?? "") : "";

export function createSessions(caseView: CaseViewModel): SessionsModel {
  const sessions = new Map<string, SessionState>();
  const revisions = new Map<string, number>();
  /** Meeting id → its case, for the meetings recorded before sessions. */
  const legacyMeetings = new Map<string, string>();
  const surroundings = {
    stateOf: (caseId: string) => caseView.stateOf(caseId),
    membershipOf: (covenantId: string, organisationId: string) =>
      caseView.membershipOf(covenantId, organisationId),
  };
  const known = (sessionId: string): KnownSession | undefined => {
    const state = sessions.get(sessionId);
    if (state !== undefined) return { state, legacy: false };
    const caseId = legacyMeetings.get(sessionId);
    const caseState = caseId === undefined ? undefined : caseView.stateOf(caseId);
    return caseState && legacySession(caseState, sessionId);
  };
  const query = (sessionId: string, viewer: Actor): SessionVisibility => {
    const session = known(sessionId);
    return session === undefined
      ? { kind: "none" }
      : sessionVisibility(session, viewer, surroundings);
  };
  return {
    name: "sessions",
    apply(event: DecodedEvent) {
      if (event.streamId.startsWith("case-")) {
        const { meetingId, caseId } = event.data;
        if (
          event.type === "MeetingScheduled" &&
          typeof meetingId === "string" &&
          typeof caseId === "string"
        ) {
          legacyMeetings.set(meetingId, caseId);
        }
        return;
      }
      if (!event.streamId.startsWith("session-")) return;
      const sessionId = event.data.sessionId;
      if (typeof sessionId !== "string") return;
      const next = evolveSession(
        sessions.get(sessionId) ?? initialSessionState,
        event as unknown as SessionEvent,
      );
      // An event type this version does not know leaves the session as it was.
      if (next !== undefined) sessions.set(sessionId, next);
      revisions.set(sessionId, event.revision);
    },
    reset() {
      sessions.clear();
      revisions.clear();
      legacyMeetings.clear();
    },
    // The questions are the only personal text kept here; the rest lives in the case view.
    forgetCase(caseId) {
      for (const [sessionId, state] of sessions) {
        if (!state.agenda.some((item) => item.caseId === caseId)) continue;
        const agenda = state.agenda.map((item) =>
          item.caseId === caseId ? { ...item, question: ERASED } : item,
        );
        sessions.set(sessionId, { ...state, agenda });
      }
    },
    query,
    plannedWith: (sessionId) => sessions.get(sessionId)?.plannedOrganisationIds ?? [],
    list(viewer, now) {
      const ids = [...sessions.keys(), ...legacyMeetings.keys()];
      const visible = ids.map((id) => query(id, viewer)).filter((v) => v.kind === "session");
      const ahead = (v: SessionVisibility) => compareInstants(startOf(v), now) >= 0;
      const upcoming = visible
        .filter(ahead)
        .sort((a, b) => compareInstants(startOf(a), startOf(b)));
      const past = visible
        .filter((v) => !ahead(v))
        .sort((a, b) => compareInstants(startOf(b), startOf(a)));
      return [...upcoming, ...past];
    },
    revisionOf: (sessionId) => revisions.get(sessionId) ?? -1,
  };
}
