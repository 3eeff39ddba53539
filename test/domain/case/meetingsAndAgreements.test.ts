import { describe, expect, test } from "vitest";
import {
  type Agreement,
  type CancelAgreement,
  type CaseEvent,
  type CompleteAgreement,
  isOverdue,
  type MakeAgreement,
  type RecordMeeting,
  type ScheduleMeeting,
} from "../../../src/domain/index.js";
import {
  actor,
  after,
  CONTACT,
  caseEvent,
  caseWithPartners,
  closed,
  command,
  expectRefused,
  given,
  NOW,
  ORG,
} from "../fixtures.js";

const schedule = (fields: Partial<ScheduleMeeting> = {}) =>
  command<ScheduleMeeting>({
    type: "ScheduleMeeting",
    meetingId: "m-1",
    scheduledFor: "2025-03-17T14:00:00.000Z",
    agenda: "Verzuim en veiligheid op weg naar school",
    ...fields,
  });
const scheduled = (): CaseEvent[] => [
  ...caseWithPartners(),
  ...given(caseWithPartners()).when(schedule()),
];
const attendee = (organisationId: string, confidentialityAcknowledged = true) => ({
  organisationId,
  userId: `u-${organisationId}`,
  confidentialityAcknowledged,
});
const recordMeeting = (fields: Partial<RecordMeeting> = {}) =>
  command<RecordMeeting>({
    type: "RecordMeeting",
    meetingId: "m-1",
    heldAt: "2025-03-17T14:00:00.000Z",
    attendees: [attendee(ORG.chair), attendee(ORG.school), attendee(ORG.wijkteam)],
    minutes: "Besproken: verzuim op maandag, spanning met een groep oudere jongeren.",
    decisions: ["Wijkteam gaat op huisbezoek"],
    ...fields,
  });

describe("ScheduleMeeting and RecordMeeting", () => {
  test("the chair schedules a meeting", () => {
    expect(given(caseWithPartners()).when(schedule())).toEqual([
      caseEvent("MeetingScheduled", {
        meetingId: "m-1",
        scheduledFor: "2025-03-17T14:00:00.000Z",
        agenda: schedule().agenda,
        scheduledAt: NOW,
      }),
    ]);
  });
  test("only the chair schedules, with a real time", () => {
    expectRefused(
      () => given(caseWithPartners()).when(schedule({ actor: actor(ORG.school) })),
      "organisation_not_permitted",
      "chair-only",
    );
    expectRefused(
      () => given(caseWithPartners()).when(schedule({ scheduledFor: "maandag" })),
      "invalid",
      "meeting-time",
      "maandag",
    );
  });
  test("the chair records who attended, each acknowledging confidentiality, the minutes and decisions", () => {
    const [event] = given(scheduled()).when(recordMeeting());
    expect(event).toEqual(
      caseEvent("MeetingHeld", {
        meetingId: "m-1",
        heldAt: "2025-03-17T14:00:00.000Z",
        attendees: recordMeeting().attendees,
        minutes: recordMeeting().minutes,
        decisions: ["Wijkteam gaat op huisbezoek"],
      }),
    );
  });
  test("an attendee who did not acknowledge confidentiality is refused", () => {
    const attendees = [attendee(ORG.chair), attendee(ORG.wijkteam, false)];
    expectRefused(
      () => given(scheduled()).when(recordMeeting({ attendees })),
      "invalid",
      "confidentiality-acknowledged",
      ORG.wijkteam,
    );
  });
  test("an attendee that is not a participant is refused", () => {
    const attendees = [attendee(ORG.chair), attendee(ORG.leerplicht)];
    expectRefused(
      () => given(scheduled()).when(recordMeeting({ attendees })),
      "conflict",
      "attendee-participant",
      ORG.leerplicht,
    );
  });
  test("a meeting is recorded once, and only when scheduled", () => {
    const held = after(scheduled(), recordMeeting());
    expectRefused(() => given(held).when(recordMeeting()), "conflict", "meeting-held", "m-1");
    expectRefused(
      () => given(caseWithPartners()).when(recordMeeting()),
      "not_found",
      "meeting-exists",
      "m-1",
    );
    expectRefused(
      () => given(scheduled()).when(recordMeeting({ attendees: [] })),
      "invalid",
      "meeting-attendees",
    );
  });
});

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
const made = (): CaseEvent[] => after(caseWithPartners(), make());

describe("MakeAgreement, CompleteAgreement, CancelAgreement", () => {
  test("the chair records what, who (a participant) and by when", () => {
    expect(given(caseWithPartners()).when(make())).toEqual([
      caseEvent("AgreementMade", {
        agreementId: "a-1",
        what: "Huisbezoek bij de ouders",
        ownerOrganisationId: ORG.wijkteam,
        owner: CONTACT,
        dueDate: "2025-03-24",
        meetingId: null,
        madeAt: NOW,
      }),
    ]);
  });
  test("the owner must be a participant, the due date a date, the meeting known", () => {
    expectRefused(
      () => given(caseWithPartners()).when(make({ ownerOrganisationId: ORG.leerplicht })),
      "conflict",
      "owner-participant",
      ORG.leerplicht,
    );
    expectRefused(
      () => given(caseWithPartners()).when(make({ dueDate: "volgende week" })),
      "invalid",
      "agreement-due-date",
    );
    expectRefused(
      () => given(caseWithPartners()).when(make({ meetingId: "m-9" })),
      "not_found",
      "meeting-exists",
      "m-9",
    );
    expectRefused(
      () => given(caseWithPartners()).when(make({ actor: actor(ORG.wijkteam) })),
      "organisation_not_permitted",
      "chair-only",
    );
  });
  const complete = (fields: Partial<CompleteAgreement> = {}) =>
    command<CompleteAgreement>({
      type: "CompleteAgreement",
      actor: actor(ORG.wijkteam),
      agreementId: "a-1",
      ...fields,
    });
  test("the owner completes it; another participant may not", () => {
    expect(given(made()).when(complete())).toEqual([
      caseEvent("AgreementCompleted", {
        agreementId: "a-1",
        completedAt: NOW,
        note: null,
        completedBy: ORG.wijkteam,
      }),
    ]);
    expectRefused(
      () => given(made()).when(complete({ actor: actor(ORG.police) })),
      "organisation_not_permitted",
      "owner-or-chair",
      ORG.police,
    );
  });
  test("a settled agreement is not completed or cancelled again", () => {
    const done = after(made(), complete());
    expectRefused(() => given(done).when(complete()), "conflict", "agreement-open", "a-1");
    const cancel = command<CancelAgreement>({
      type: "CancelAgreement",
      agreementId: "a-1",
      reason: "Niet meer nodig",
    });
    expectRefused(() => given(done).when(cancel), "conflict", "agreement-open", "a-1");
    expect(given(made()).when(cancel)).toEqual([
      caseEvent("AgreementCancelled", {
        agreementId: "a-1",
        reason: "Niet meer nodig",
        cancelledAt: NOW,
      }),
    ]);
    expectRefused(() => given(made()).when({ ...cancel, reason: "" }), "invalid", "cancel-reason");
  });
  test("agreements are not made on a closed case", () => {
    expectRefused(
      () => given([...caseWithPartners(), closed()]).when(make()),
      "conflict",
      "case-open",
    );
  });
});

describe("isOverdue is derived from the due date", () => {
  const agreement = (status: Agreement["status"]) => ({ status, dueDate: "2025-03-24" });
  test.each([
    ["open, on the due date", "open", "2025-03-24T23:59:00.000Z", false],
    ["open, the day after", "open", "2025-03-25T00:00:00.000Z", true],
    ["completed, long after", "completed", "2026-01-01T00:00:00.000Z", false],
    ["cancelled, long after", "cancelled", "2026-01-01T00:00:00.000Z", false],
  ] as const)("%s", (_label, status, now, expected) => {
    expect(isOverdue(agreement(status), now)).toBe(expected);
  });
});
