import { describe, expect, test } from "vitest";
import {
  awaitsFollowUp,
  type CancelAgreement,
  type CaseEvent,
  type ChangeAgreementDueDate,
  type CompleteAgreement,
  ERASED,
  isCompletedLate,
  type MakeAgreement,
  type NoteAgreementProgress,
} from "../../../src/domain/index.js";
import {
  actor,
  CONTACT,
  caseEvent,
  caseWithPartners,
  chair,
  command,
  contextWith,
  expectRefused,
  fold,
  given,
  after as historyAfter,
  NOW,
  ORG,
  opened,
} from "../fixtures.js";

const wijkteam = actor(ORG.wijkteam);
const make = (fields: Partial<MakeAgreement> = {}) =>
  command<MakeAgreement>({
    type: "MakeAgreement",
    agreementId: "a-1",
    what: "Huisbezoek bij de ouders",
    ownerOrganisationId: ORG.wijkteam,
    owner: CONTACT,
    dueDate: "2025-03-24",
    ...fields,
  });
const made = (): CaseEvent[] => historyAfter(caseWithPartners(), make());
const move = (fields: Partial<ChangeAgreementDueDate> = {}) =>
  command<ChangeAgreementDueDate>({
    type: "ChangeAgreementDueDate",
    actor: wijkteam,
    agreementId: "a-1",
    dueDate: "2025-04-07",
    reason: "Ouders pas na de vakantie thuis",
    ...fields,
  });
const note = (fields: Partial<NoteAgreementProgress> = {}) =>
  command<NoteAgreementProgress>({
    type: "NoteAgreementProgress",
    actor: wijkteam,
    agreementId: "a-1",
    noteId: "n-1",
    note: "Eerste afspraak met moeder gemaakt",
    ...fields,
  });
const complete = (fields: Partial<CompleteAgreement> = {}) =>
  command<CompleteAgreement>({
    type: "CompleteAgreement",
    actor: wijkteam,
    agreementId: "a-1",
    note: "Huisbezoek gedaan, hulp loopt",
    ...fields,
  });
const agreementAfter = (events: CaseEvent[]) => fold(events).agreements["a-1"];

describe("an agreement names a person within the owner organisation", () => {
  test("given a case, when the chair makes an agreement without a named owner, then it is refused", () => {
    const nameless = { ...CONTACT, name: " " };
    expectRefused(
      () => given(caseWithPartners()).when(make({ owner: nameless })),
      "invalid",
      "agreement-owner",
    );
    const missing = make();
    Reflect.deleteProperty(missing, "owner");
    expectRefused(() => given(caseWithPartners()).when(missing), "invalid", "agreement-owner");
  });
  test("given an agreement recorded before owners were named, when it is read, then its owner is null", () => {
    const legacy = caseEvent("AgreementMade", {
      agreementId: "a-1",
      what: "Huisbezoek",
      ownerOrganisationId: ORG.wijkteam,
      dueDate: "2025-03-24",
      meetingId: null,
      madeAt: NOW,
    });
    const completed = caseEvent("AgreementCompleted", { agreementId: "a-1", completedAt: NOW });
    expect(agreementAfter([...caseWithPartners(), legacy, completed])).toMatchObject({
      owner: null,
      status: "completed",
      completedAt: NOW,
      completedBy: null,
      completionNote: null,
      dueDateChanges: [],
      progress: [],
    });
  });
});

describe("ChangeAgreementDueDate", () => {
  test("given an open agreement, when the owner moves its due date with a reason, then both dates and the reason are kept", () => {
    expect(given(made()).when(move())).toEqual([
      caseEvent("AgreementDueDateChanged", {
        agreementId: "a-1",
        dueDate: "2025-04-07",
        previousDueDate: "2025-03-24",
        reason: "Ouders pas na de vakantie thuis",
        changedBy: ORG.wijkteam,
        changedAt: NOW,
      }),
    ]);
    const moved = agreementAfter(
      historyAfter(made(), move(), move({ actor: chair, dueDate: "2025-04-14" })),
    );
    expect(moved?.dueDate).toBe("2025-04-14");
    expect(moved?.dueDateChanges.map((c) => [c.previousDueDate, c.dueDate, c.changedBy])).toEqual([
      ["2025-03-24", "2025-04-07", ORG.wijkteam],
      ["2025-04-07", "2025-04-14", ORG.chair],
    ]);
  });
  test("given an open agreement, when someone else, no reason, no date or the same date is given, then it is refused", () => {
    expectRefused(
      () => given(made()).when(move({ actor: actor(ORG.police) })),
      "organisation_not_permitted",
      "owner-or-chair",
      ORG.police,
    );
    expectRefused(
      () => given(made()).when(move({ actor: actor(ORG.chair) })),
      "not_permitted",
      "owner-or-chair",
    );
    expectRefused(() => given(made()).when(move({ reason: "  " })), "invalid", "due-date-reason");
    expectRefused(
      () => given(made()).when(move({ dueDate: "2025-02-30" })),
      "invalid",
      "agreement-due-date",
      "2025-02-30",
    );
    expectRefused(
      () => given(made()).when(move({ dueDate: "2025-03-24" })),
      "invalid",
      "due-date-unchanged",
      "2025-03-24",
    );
  });
  test("given a completed agreement, when its due date is moved, then it is refused", () => {
    expectRefused(
      () => given(historyAfter(made(), complete())).when(move()),
      "conflict",
      "agreement-open",
      "a-1",
    );
  });
});

describe("NoteAgreementProgress", () => {
  test("given an open agreement, when the owner notes progress, then the note is kept in order", () => {
    expect(given(made()).when(note())).toEqual([
      caseEvent("AgreementProgressNoted", {
        agreementId: "a-1",
        noteId: "n-1",
        note: "Eerste afspraak met moeder gemaakt",
        notedBy: ORG.wijkteam,
        notedAt: NOW,
      }),
    ]);
    const twice = agreementAfter(
      historyAfter(made(), note(), note({ noteId: "n-2", note: "Tweede gesprek" })),
    );
    expect(twice?.progress.map((p) => p.note)).toEqual([
      "Eerste afspraak met moeder gemaakt",
      "Tweede gesprek",
    ]);
  });
  test("given an open agreement, when the chair or another partner notes progress, then only the owner may", () => {
    expectRefused(
      () => given(made()).when(note({ actor: chair })),
      "organisation_not_permitted",
      "agreement-owner-only",
      ORG.chair,
    );
    expectRefused(
      () => given(made()).when(note({ actor: actor(ORG.police) })),
      "organisation_not_permitted",
      "agreement-owner-only",
    );
    expectRefused(() => given(made()).when(note({ note: "" })), "invalid", "progress-note");
  });
});

describe("CompleteAgreement keeps its note", () => {
  test("given an open agreement, when the owner completes it with a note, then the note, who and when are kept", () => {
    expect(given(made()).when(complete())).toEqual([
      caseEvent("AgreementCompleted", {
        agreementId: "a-1",
        completedAt: NOW,
        note: "Huisbezoek gedaan, hulp loopt",
        completedBy: ORG.wijkteam,
      }),
    ]);
    expect(agreementAfter(historyAfter(made(), complete()))).toMatchObject({
      status: "completed",
      completedAt: NOW,
      completedBy: ORG.wijkteam,
      completionNote: "Huisbezoek gedaan, hulp loopt",
    });
  });
  test("given an erased young person, when the agreement is completed with a note, then no personal text is kept", () => {
    const erased = contextWith(undefined, undefined, true);
    const [event] = given(made(), erased).when(complete());
    expect(event?.data).toMatchObject({ note: null, completedBy: ORG.wijkteam });
  });
});

describe("completedLate is derived at the day boundary (UTC), as overdue is", () => {
  test.each([
    ["on the due date, late in the day", "2025-03-24T23:59:59.999Z", false],
    ["the day after, just past midnight", "2025-03-25T00:00:00.000Z", true],
    ["the day before", "2025-03-23T12:00:00.000Z", false],
  ])(
    "given due 2025-03-24, when completed %s, then completedLate is %s",
    (_when, completedAt, late) => {
      expect(isCompletedLate({ completedAt, dueDate: "2025-03-24" })).toBe(late);
      const done = agreementAfter(historyAfter(made(), complete({ now: completedAt })));
      expect(done && isCompletedLate(done)).toBe(late);
    },
  );
  test("given an open agreement, then it is not completed late", () => {
    expect(isCompletedLate({ completedAt: null, dueDate: "2000-01-01" })).toBe(false);
  });
});

describe("cancellation keeps its reason", () => {
  test("given an open agreement, when the chair cancels it with a reason, then the reason and time are read back", () => {
    const cancelled = historyAfter(
      made(),
      command<CancelAgreement>({
        type: "CancelAgreement",
        agreementId: "a-1",
        reason: "Gezin verhuisd",
      }),
    );
    expect(agreementAfter(cancelled)).toMatchObject({
      status: "cancelled",
      cancelledAt: NOW,
      cancelReason: "Gezin verhuisd",
    });
  });
});

describe("an erased young person's agreements await no follow-up", () => {
  test("given an open agreement, when the young person reads as erased, then it leaves the open lists", () => {
    const state = fold(made());
    const agreement = state.agreements["a-1"]!;
    expect(awaitsFollowUp(agreement, state)).toBe(true);
    const erasedSubject = { name: ERASED, dateOfBirth: ERASED, school: ERASED };
    const erased = fold([opened(erasedSubject), ...made().slice(1)]);
    expect(awaitsFollowUp(erased.agreements["a-1"]!, erased)).toBe(false);
    expect(awaitsFollowUp({ ...agreement, status: "completed" }, state)).toBe(false);
  });
});
