import { describe, expect, test } from "vitest";
import {
  type CaseEvent,
  caseStreamId,
  catalogue,
  decideCovenant,
  ERASED,
  evolveCovenant,
  initialCovenantState,
  type SessionEvent,
  sessionStreamId,
} from "../../src/domain/index.js";
import { createCaseView } from "../../src/projections/caseView/caseView.js";
import type { DecodedEvent } from "../../src/projections/readModel.js";
import { createSessions } from "../../src/projections/sessions/sessions.js";
import { minutesToHandle, upcomingSessions } from "../../src/projections/sessions/worklist.js";
import {
  actor,
  CASE_ID,
  COVENANT_ID,
  caseEvent,
  caseWithPartners,
  chair,
  ORG,
  regionCommands,
  SUBJECT_ID,
} from "../domain/fixtures.js";

// The sessions read model's worklist sections: pure functions of the model, the viewer and now.

const NOW = "2031-05-01T08:00:00.000Z";

function models() {
  const caseView = createCaseView();
  const sessions = createSessions(caseView);
  let position = 0n;
  const revisions = new Map<string, number>();
  const feed = (streamId: string, event: { type: string; data: object }) => {
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    const stored = {
      eventId: `${streamId}-${revision}`,
      streamId,
      revision,
      position: position++,
      type: event.type,
      data: event.data,
      recordedAt: NOW,
      metadata: {},
    } as unknown as DecodedEvent;
    caseView.apply(stored);
    sessions.apply(stored);
  };
  let covenant = initialCovenantState;
  for (const command of regionCommands()) {
    for (const event of decideCovenant(command, covenant, { catalogue })) {
      covenant = evolveCovenant(covenant, event);
      feed(`covenant-${COVENANT_ID}`, event);
    }
  }
  for (const event of caseWithPartners()) feed(caseStreamId(CASE_ID), event);
  return { caseView, sessions, feed };
}

const session = (sessionId: string, startsAt: string): SessionEvent[] => [
  {
    type: "SessionPlanned",
    data: {
      sessionId,
      covenantId: COVENANT_ID,
      chairOrganisationId: ORG.chair,
      startsAt,
      endsAt: startsAt.replace("T09", "T11"),
      location: "Stadhuis",
      videoLink: null,
      plannedOrganisationIds: [ORG.wijkteam, ORG.police, ORG.leerplicht],
      plannedAt: NOW,
    },
  },
  {
    type: "AgendaItemAdded",
    data: {
      sessionId,
      itemId: `${sessionId}-item`,
      caseId: CASE_ID,
      subjectId: SUBJECT_ID,
      question: "Vraag",
      addedAt: NOW,
    },
  },
];

const recorded = (sessionId: string, attendees: string[]): CaseEvent =>
  caseEvent("AgendaItemRecorded", {
    sessionId,
    itemId: `${sessionId}-item`,
    heldAt: NOW,
    attendees: attendees.map((organisationId) => ({
      organisationId,
      userId: "u",
      confidentialityAcknowledged: true,
    })),
    minutes: "Notulen",
    decisions: [],
    recordedAt: NOW,
  });

describe("the worklist's session sections", () => {
  test("Given a past and two coming sessions, when a partner asks, then the coming ones come soonest first with the items it may attend", () => {
    const { sessions, feed } = models();
    for (const [id, at] of [
      ["later", "2031-06-01T09:00:00.000Z"],
      ["past", "2031-04-01T09:00:00.000Z"],
      ["sooner", "2031-05-02T09:00:00.000Z"],
    ] as const) {
      for (const event of session(id, at)) feed(sessionStreamId(id), event);
    }
    const upcoming = upcomingSessions(sessions, actor(ORG.wijkteam), NOW);
    expect(upcoming.map((s) => s.entry.sessionId)).toEqual(["sooner", "later"]);
    expect(upcoming[0]!.entry.agenda.map((i) => i.itemId)).toEqual(["sooner-item"]);
    expect([...upcoming[0]!.seen.keys()]).toEqual([CASE_ID]);
    // Leerplicht is planned but only invited to the case: the session, none of its items.
    const invited = upcomingSessions(sessions, actor(ORG.leerplicht), NOW);
    expect(invited.map((s) => s.entry.agenda.length)).toEqual([0, 0]);
    expect(upcomingSessions(sessions, actor(ORG.jongerenwerk), NOW)).toEqual([]);
  });

  test("Given draft minutes, then the chair must approve them and only their attendee may correct them; approved minutes leave both lists", () => {
    const { sessions, feed } = models();
    for (const event of session("s1", "2031-04-01T09:00:00.000Z"))
      feed(sessionStreamId("s1"), event);
    feed(caseStreamId(CASE_ID), recorded("s1", [ORG.wijkteam]));
    const tasks = (who: ReturnType<typeof actor>) =>
      minutesToHandle(sessions, who, NOW).map((t) => t.entry.action);
    expect(tasks(chair)).toEqual(["approve"]);
    expect(tasks(actor(ORG.wijkteam))).toEqual(["correct"]);
    expect(tasks(actor(ORG.police))).toEqual([]);
    feed(
      caseStreamId(CASE_ID),
      caseEvent("MinutesApproved", {
        itemId: "s1-item",
        minutes: "Notulen",
        decisions: [],
        approvedAt: NOW,
      }),
    );
    expect(tasks(chair)).toEqual([]);
    expect(tasks(actor(ORG.wijkteam))).toEqual([]);
  });

  test("Given an erased young person, when the projector forgets the case, then the question on every agenda reads as erased", () => {
    const { sessions, feed } = models();
    for (const event of session("s1", "2031-06-01T09:00:00.000Z"))
      feed(sessionStreamId("s1"), event);
    sessions.forgetCase?.(CASE_ID);
    const seen = sessions.query("s1", chair);
    expect(seen.kind === "session" && seen.view.agenda.map((i) => i.question)).toEqual([ERASED]);
  });
});
