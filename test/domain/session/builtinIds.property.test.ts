import fc from "fast-check";
import { expect, test } from "vitest";
import {
  type CaseCommand,
  DomainError,
  decideCase,
  decideSession,
  evolveSession,
  initialSessionState,
  type SessionCommand,
} from "../../../src/domain/index.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";
import {
  CASE_ID,
  COVENANT_ID,
  caseWithPartners,
  chair,
  contextWith,
  fold,
  NOW,
  ORG,
  region,
} from "../fixtures.js";

// Hostile ids (Object.prototype's member names, odd strings) in every session and item command:
// each is refused with a DomainError naming its rule, or decided as a fresh id; never a crash.

const hostile = fc.oneof(fc.constantFrom(...BUILTIN_NAMES), fc.string({ maxLength: 12 }));
const cases = { [CASE_ID]: fold(caseWithPartners()) };
const planned = [
  {
    type: "PlanSession" as const,
    actor: chair,
    now: NOW,
    sessionId: "s",
    covenantId: COVENANT_ID,
    startsAt: "2031-01-01T09:00:00Z",
    endsAt: "2031-01-01T10:00:00Z",
    location: "Zaal",
    plannedOrganisationIds: [ORG.police],
  },
  {
    type: "AddAgendaItem" as const,
    actor: chair,
    now: NOW,
    sessionId: "s",
    itemId: "i",
    caseId: CASE_ID,
    question: "?",
  },
].reduce(
  (state, command) =>
    decideSession(command, state, { covenant: region(), cases }).reduce(evolveSession, state),
  initialSessionState,
);

const outcome = (decide: () => unknown[]) => {
  try {
    return decide().length >= 0 ? "decided" : "none";
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return "refused";
  }
};

test("Given a planned session, when its commands name hostile ids, then each is refused or decided, never a crash", () => {
  fc.assert(
    fc.property(hostile, hostile, (id, other) => {
      const base = { actor: chair, now: NOW, sessionId: "s" };
      const commands: SessionCommand[] = [
        { ...base, type: "AddAgendaItem", itemId: id, caseId: other, question: "?" },
        { ...base, type: "AddAgendaItem", itemId: other, caseId: CASE_ID, question: "?" },
        { ...base, type: "RemoveAgendaItem", itemId: id },
        { ...base, type: "ReorderAgenda", itemIds: [id] },
        { ...base, type: "CancelSession", reason: "x" },
        { ...base, sessionId: id, type: "MarkSessionHeld" },
      ];
      for (const command of commands) {
        outcome(() => decideSession(command, planned, { covenant: region(), cases: { ...cases } }));
      }
      // A hostile case id is never taken for a case.
      const add = commands[0]!;
      expect(outcome(() => decideSession(add, planned, { covenant: region(), cases }))).toBe(
        "refused",
      );
    }),
    { numRuns: 300 },
  );
});

test("Given a case with a recorded item, when item commands name hostile ids, then each is refused or decided, never a crash", () => {
  const base = { actor: chair, now: NOW, caseId: CASE_ID };
  const recorded = decideCase(
    {
      ...base,
      type: "RecordAgendaItem",
      sessionId: "s",
      itemId: "i",
      heldAt: NOW,
      attendees: [{ organisationId: ORG.police, userId: "u", confidentialityAcknowledged: true }],
      minutes: "Notulen",
      decisions: [],
      agreements: [],
    },
    fold(caseWithPartners()),
    contextWith(),
  );
  const state = fold([...caseWithPartners(), ...recorded]);
  fc.assert(
    fc.property(hostile, hostile, (id, other) => {
      const commands: CaseCommand[] = [
        { ...base, type: "ApproveMinutes", itemId: id },
        {
          ...base,
          type: "ProposeMinutesCorrection",
          itemId: id,
          correctionId: other,
          minutes: "m",
        },
        {
          ...base,
          type: "ProposeMinutesCorrection",
          itemId: "i",
          correctionId: other,
          minutes: "m",
        },
        {
          ...base,
          type: "ResolveMinutesCorrection",
          itemId: "i",
          correctionId: id,
          accepted: true,
        },
        { ...base, type: "AddMinutesAddendum", itemId: id, addendumId: other, text: "t" },
        {
          ...base,
          type: "RecordAgendaItem",
          sessionId: id,
          itemId: other,
          heldAt: NOW,
          attendees: [{ organisationId: id, userId: "u", confidentialityAcknowledged: true }],
          minutes: "m",
          decisions: [],
          agreements: [],
        },
      ];
      for (const command of commands) outcome(() => decideCase(command, state, contextWith()));
      const unknownItem = commands[3]!;
      expect(outcome(() => decideCase(unknownItem, state, contextWith()))).toBe("refused");
    }),
    { numRuns: 300 },
  );
});
