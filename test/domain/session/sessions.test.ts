import { describe, expect, test } from "vitest";
import {
  type CaseState,
  decideSession,
  evolveSession,
  initialSessionState,
  type SessionCommand,
  type SessionEvent,
  type SessionState,
} from "../../../src/domain/index.js";
import {
  actor,
  CASE_ID,
  COVENANT_ID,
  caseWithPartners,
  chair,
  closed,
  expectRefused,
  fold,
  NOW,
  ORG,
  region,
  SUBJECT_ID,
} from "../fixtures.js";

// Sessions of the casustafel: planned by the chair organisation, an agenda of its open cases.

const SESSION_ID = "session-1";
type Fields<C> = C extends unknown ? Omit<C, "actor" | "now" | "sessionId"> : never;
const run = (fields: Fields<SessionCommand>, who = chair): SessionCommand =>
  ({ actor: who, now: NOW, sessionId: SESSION_ID, ...fields }) as SessionCommand;

const plan = run({
  type: "PlanSession",
  covenantId: COVENANT_ID,
  startsAt: "2025-03-20T09:00:00+01:00",
  endsAt: "2025-03-20T11:00:00+01:00",
  location: "Stadhuis, zaal 2",
  plannedOrganisationIds: [ORG.school, ORG.police],
});
const addItem = (itemId = "item-1", caseId = CASE_ID) =>
  run({ type: "AddAgendaItem", itemId, caseId, question: "Wie gaat in gesprek met Sam?" });

function decideAll(
  commands: SessionCommand[],
  cases: Record<string, CaseState> = { [CASE_ID]: fold(caseWithPartners()) },
) {
  let state: SessionState = initialSessionState;
  const log: SessionEvent[] = [];
  for (const command of commands) {
    const events = decideSession(command, state, { covenant: region(), cases });
    state = events.reduce(evolveSession, state);
    log.push(...events);
  }
  return { state, log, cases };
}
const when = (
  history: SessionCommand[],
  command: SessionCommand,
  cases?: Record<string, CaseState>,
) => {
  const { state, cases: known } = decideAll(history, cases);
  return () => decideSession(command, state, { covenant: region(), cases: known });
};

describe("planning a session", () => {
  test("Given the region, when the chair plans a session, then it is planned with its members", () => {
    const { state, log } = decideAll([plan]);
    expect(log.map((e) => e.type)).toEqual(["SessionPlanned"]);
    expect(state).toMatchObject({
      status: "planned",
      chairOrganisationId: ORG.chair,
      plannedOrganisationIds: [ORG.school, ORG.police],
      videoLink: null,
    });
  });

  test("Given a non-member planned, when the chair plans, then planned-member is refused", () => {
    const withStranger = { ...plan, plannedOrganisationIds: ["org-elders"] } as SessionCommand;
    expectRefused(when([], withStranger), "conflict", "planned-member", "org-elders");
  });

  test("Given an end before the start or no place, when planning, then the rule is named", () => {
    const backwards = { ...plan, endsAt: "2025-03-20T07:00:00+01:00" } as SessionCommand;
    expectRefused(when([], backwards), "invalid", "session-time");
    const nowhere = { ...plan, location: "  ", videoLink: null } as SessionCommand;
    expectRefused(when([], nowhere), "invalid", "session-place");
  });

  test("Given a professional, when planning, then only chairs plan", () => {
    const asProfessional = { ...plan, actor: actor(ORG.chair, "professional") } as SessionCommand;
    expectRefused(when([], asProfessional), "not_permitted", "chair-only");
  });

  test("Given a planned session, when it is rescheduled and then cancelled, then both keep their reason", () => {
    const { state } = decideAll([
      plan,
      run({
        type: "RescheduleSession",
        startsAt: "2025-03-27T09:00:00Z",
        endsAt: "2025-03-27T10:00:00Z",
        reason: "Voorzitter ziek",
      }),
      run({ type: "CancelSession", reason: "Geen zaken" }),
    ]);
    expect(state).toMatchObject({
      status: "cancelled",
      startsAt: "2025-03-27T09:00:00Z",
      rescheduleReason: "Voorzitter ziek",
      cancelReason: "Geen zaken",
    });
    const again = run({ type: "AddAgendaItem", itemId: "i9", caseId: CASE_ID, question: "?" });
    expectRefused(
      when([plan, run({ type: "CancelSession", reason: "x" })], again),
      "conflict",
      "session-ended",
    );
  });

  test("Given another organisation's chair, when it changes the session, then the session is unknown to it", () => {
    const other = actor(ORG.school, "chair");
    const cancel = run({ type: "CancelSession", reason: "x" }, other);
    expectRefused(when([plan], cancel), "not_found", "session-exists", SESSION_ID);
  });
});

describe("the agenda", () => {
  test("Given a session, when the chair adds a case, then the item carries the question and the case's subject", () => {
    const { state, log } = decideAll([plan, addItem()]);
    expect(log[1]).toMatchObject({
      type: "AgendaItemAdded",
      data: { itemId: "item-1", caseId: CASE_ID, subjectId: SUBJECT_ID },
    });
    expect(state.agenda.map((item) => item.question)).toEqual(["Wie gaat in gesprek met Sam?"]);
  });

  test.each([
    ["an unknown case", {}],
    ["a closed case", { [CASE_ID]: fold([...caseWithPartners(), closed()]) }],
    [
      "a case another organisation chairs",
      { [CASE_ID]: { ...fold(caseWithPartners()), chairOrganisationId: ORG.school } },
    ],
    [
      "a case of another covenant",
      { [CASE_ID]: { ...fold(caseWithPartners()), covenantId: "cov-x" } },
    ],
  ])(
    "Given %s, when the chair adds it, then it is refused as an unknown case (rule 1)",
    (_, cases) => {
      expectRefused(when([plan], addItem(), cases), "not_found", "case-exists", CASE_ID);
    },
  );

  test("Given two items, when the agenda is reordered, then it reads in the new order; an incomplete order is refused", () => {
    const other = "case-2";
    const cases = {
      [CASE_ID]: fold(caseWithPartners()),
      [other]: { ...fold(caseWithPartners()), caseId: other },
    };
    const history = [plan, addItem("a"), addItem("b", other)];
    const { state } = decideAll(
      [...history, run({ type: "ReorderAgenda", itemIds: ["b", "a"] })],
      cases,
    );
    expect(state.agenda.map((item) => item.itemId)).toEqual(["b", "a"]);
    const partial = run({ type: "ReorderAgenda", itemIds: ["b", "b"] });
    expectRefused(when(history, partial, cases), "invalid", "agenda-order");
    const duplicate = addItem("c", other);
    expectRefused(when(history, duplicate, cases), "conflict", "agenda-case-listed", other);
  });

  test("Given an item not yet recorded, when the session is marked held, then agenda-not-recorded; once removed the empty agenda still refuses", () => {
    const held = run({ type: "MarkSessionHeld" });
    expectRefused(when([plan, addItem()], held), "conflict", "agenda-not-recorded", "item-1");
    const removed = [plan, addItem(), run({ type: "RemoveAgendaItem", itemId: "item-1" })];
    expectRefused(when(removed, held), "conflict", "agenda-not-recorded", SESSION_ID);
  });

  test("Given a recorded item, when the session is marked held, then it is held; the item can no longer be removed", () => {
    const state = fold(caseWithPartners());
    const recorded: CaseState = {
      ...state,
      agendaItems: { "item-1": { itemId: "item-1" } as CaseState["agendaItems"][string] },
    };
    const cases = { [CASE_ID]: recorded };
    const { state: session } = decideAll(
      [plan, addItem(), run({ type: "MarkSessionHeld" })],
      cases,
    );
    expect(session.status).toBe("held");
    const remove = run({ type: "RemoveAgendaItem", itemId: "item-1" });
    expectRefused(
      when([plan, addItem()], remove, cases),
      "conflict",
      "agenda-item-recorded",
      "item-1",
    );
    const cancel = run({ type: "CancelSession", reason: "x" });
    expectRefused(
      when([plan, addItem()], cancel, cases),
      "conflict",
      "agenda-item-recorded",
      "item-1",
    );
  });
});
