import { compareInstants } from "../../domain/dates.js";
import { type Actor, hasRole } from "../../domain/index.js";
import type { SessionView } from "../../privacy/policy/sessionVisibility.js";
import type { SessionsModel } from "./sessions.js";

/** A worklist entry and, per case, the items it shows, for the recorded read (rule 8). */
export type Shown<Entry> = { entry: Entry; seen: Map<string, string[]> };

/**
 * Sessions still ahead (planned or rescheduled, not yet ended at `now`), soonest first, each
 * with only the agenda items of cases the viewer's organisation has: the ones it may attend.
 */
export function upcomingSessions(
  sessions: SessionsModel,
  viewer: Actor,
  now: string,
): Shown<SessionView>[] {
  return sessions.list(viewer, now).flatMap((visible) => {
    if (visible.kind !== "session") return [];
    const { view, seen } = visible;
    const ahead = view.status === "planned" || view.status === "rescheduled";
    const end = view.endsAt ?? view.startsAt;
    if (!ahead || end === null || compareInstants(end, now) < 0) return [];
    return [{ entry: view, seen }];
  });
}

export type MinutesTask = {
  sessionId: string;
  itemId: string;
  caseId: string;
  heldAt: string | null;
  /** The chair approves draft minutes; an attendee may still propose a correction. */
  action: "approve" | "correct";
};

/** Draft minutes the viewer's chair must approve, or that its organisation attended and may correct. */
export function minutesToHandle(
  sessions: SessionsModel,
  viewer: Actor,
  now: string,
): Shown<MinutesTask>[] {
  const tasks: Shown<MinutesTask>[] = [];
  for (const visible of sessions.list(viewer, now)) {
    if (visible.kind !== "session") continue;
    const { view } = visible;
    const chairs = hasRole(viewer, "chair") && view.chairOrganisationId === viewer.organisationId;
    for (const item of view.agenda) {
      if (item.minutes?.status !== "draft") continue;
      const attended = item.attendees.some((a) => a.organisationId === viewer.organisationId);
      const action = chairs ? "approve" : attended ? "correct" : null;
      if (action === null) continue;
      const { sessionId } = view;
      if (sessionId === null) continue;
      tasks.push({
        entry: { sessionId, itemId: item.itemId, caseId: item.caseId, heldAt: item.heldAt, action },
        seen: new Map([[item.caseId, [`session-item:${item.itemId}`, `minutes:${item.itemId}`]]]),
      });
    }
  }
  return tasks;
}
