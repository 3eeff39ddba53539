import { describe, expect, test } from "vitest";
import {
  type AddMinutesAddendum,
  type ApproveMinutes,
  AttendanceRefused,
  type CaseEvent,
  type CaseState,
  type ProposeMinutesCorrection,
  type RecordAgendaItem,
  type ResolveMinutesCorrection,
} from "../../../src/domain/index.js";
import {
  actor,
  CONTACT,
  caseWithPartners,
  command,
  expectRefused,
  fold,
  given,
  after as history,
  left,
  ORG,
} from "../fixtures.js";

// One agenda item of a session, recorded in its case: attendance, draft minutes, approval, addenda.

const attendee = (organisationId: string, confidentialityAcknowledged = true) => ({
  organisationId,
  userId: `user-${organisationId}`,
  confidentialityAcknowledged,
});
const record = (fields: Partial<RecordAgendaItem> = {}) =>
  command<RecordAgendaItem>({
    type: "RecordAgendaItem",
    sessionId: "session-1",
    itemId: "item-1",
    heldAt: "2025-03-10T09:30:00.000Z",
    attendees: [attendee(ORG.chair), attendee(ORG.wijkteam)],
    minutes: "Wijkteam gaat op huisbezoek.",
    decisions: ["Huisbezoek"],
    agreements: [],
    ...fields,
  });
const wijkteam = actor(ORG.wijkteam, "professional");
const police = actor(ORG.police, "professional");
const recorded = () => history(caseWithPartners(), record());
const itemOf = (events: CaseEvent[]) => fold(events).agendaItems["item-1"]!;

describe("recording an agenda item", () => {
  test("Given joined partners, when the chair records the item with agreements, then one append holds the item and its agreements linked to it", () => {
    const events = given(caseWithPartners()).when(
      record({
        agreements: [
          {
            agreementId: "a1",
            what: "Huisbezoek",
            ownerOrganisationId: ORG.wijkteam,
            owner: CONTACT,
            dueDate: "2025-03-20",
          },
        ],
      }),
    );
    expect(events.map((e) => e.type)).toEqual(["AgendaItemRecorded", "AgreementMade"]);
    expect(events[1]!.data).toMatchObject({ agreementId: "a1", meetingId: "item-1" });
    const item = itemOf([...caseWithPartners(), ...events]);
    expect(item).toMatchObject({ minutesStatus: "draft", sessionId: "session-1" });
  });

  test("Given an invited and a stranger organisation, when they are named attendees, then attendance is refused naming each with its rule and text", () => {
    let caught: unknown;
    try {
      given(caseWithPartners()).when(
        record({
          attendees: [attendee(ORG.chair), attendee(ORG.leerplicht), attendee("org-elders", false)],
        }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AttendanceRefused);
    const refusal = caught as AttendanceRefused;
    expect(refusal.violations.map((v) => [v.rule, v.value])).toEqual([
      ["attendee-participant", ORG.leerplicht],
      ["attendee-participant", "org-elders"],
      ["confidentiality-acknowledged", "org-elders"],
    ]);
    expect(refusal.violations[0]!.explanation).toMatch(/leave the room/);
  });

  test("Given a recorded item, when it is recorded again, then agenda-item-recorded", () => {
    expectRefused(
      () => given(recorded()).when(record()),
      "conflict",
      "agenda-item-recorded",
      "item-1",
    );
  });

  test("Given an agreement owned by a non-participant, when recorded, then nothing of the item is recorded", () => {
    const bad = record({
      agreements: [
        {
          agreementId: "a1",
          what: "x",
          ownerOrganisationId: ORG.leerplicht,
          owner: CONTACT,
          dueDate: "2025-03-20",
        },
      ],
    });
    expectRefused(() => given(caseWithPartners()).when(bad), "conflict", "owner-participant");
  });
});

describe("minutes: draft, corrections, approval, addenda", () => {
  const propose = (who = wijkteam, correctionId = "k1") =>
    command<ProposeMinutesCorrection>({
      type: "ProposeMinutesCorrection",
      actor: who,
      itemId: "item-1",
      correctionId,
      minutes: "Wijkteam en school gaan samen op huisbezoek.",
    });
  const approve = command<ApproveMinutes>({ type: "ApproveMinutes", itemId: "item-1" });

  test("Given draft minutes, when an attendee proposes a correction and the chair accepts it, then the draft reads as proposed", () => {
    const events = history(
      recorded(),
      propose(),
      command<ResolveMinutesCorrection>({
        type: "ResolveMinutesCorrection",
        itemId: "item-1",
        correctionId: "k1",
        accepted: true,
      }),
    );
    const item = itemOf(events);
    expect(item.minutes).toBe("Wijkteam en school gaan samen op huisbezoek.");
    expect(item.corrections.k1!.status).toBe("accepted");
  });

  test("Given a correction still open, when the chair approves with new minutes, then they are final and the correction is folded in", () => {
    const events = history(
      recorded(),
      propose(),
      command<ApproveMinutes>({
        type: "ApproveMinutes",
        itemId: "item-1",
        minutes: "Definitief.",
        decisions: [],
      }),
    );
    expect(itemOf(events)).toMatchObject({
      minutesStatus: "approved",
      minutes: "Definitief.",
      decisions: [],
      approvedAt: expect.any(String),
    });
    expect(itemOf(events).corrections.k1!.status).toBe("folded");
  });

  test("Given approved minutes, when anyone edits them, then minutes-approved; an attendee adds an addendum instead", () => {
    const approved = history(recorded(), approve);
    expectRefused(() => given(approved).when(approve), "conflict", "minutes-approved", "item-1");
    expectRefused(() => given(approved).when(propose()), "conflict", "minutes-approved", "item-1");
    const events = history(
      approved,
      command<AddMinutesAddendum>({
        type: "AddMinutesAddendum",
        actor: wijkteam,
        itemId: "item-1",
        addendumId: "d1",
        text: "Aanvulling",
      }),
    );
    expect(itemOf(events).addenda).toEqual([
      expect.objectContaining({ addendumId: "d1", addedBy: ORG.wijkteam, text: "Aanvulling" }),
    ]);
  });

  test("Given draft minutes, when an addendum is added, then minutes-draft", () => {
    const addendum = command<AddMinutesAddendum>({
      type: "AddMinutesAddendum",
      itemId: "item-1",
      addendumId: "d1",
      text: "x",
    });
    expectRefused(() => given(recorded()).when(addendum), "conflict", "minutes-draft", "item-1");
  });

  test("Given a participant that did not attend the item, when it proposes a correction, then attendee-only", () => {
    expectRefused(
      () => given(recorded()).when(propose(police)),
      "organisation_not_permitted",
      "attendee-only",
      ORG.police,
    );
  });

  test("Given an attendee that left and joined again, when it proposes a correction, then it no longer holds the item (rule 4)", () => {
    const rejoined: CaseEvent[] = [
      ...recorded(),
      left(ORG.wijkteam),
      ...caseWithPartners().filter(
        (e) =>
          e.type !== "CaseOpened" &&
          "organisationId" in e.data &&
          e.data.organisationId === ORG.wijkteam,
      ),
    ];
    expect((fold(rejoined) as CaseState).participants[ORG.wijkteam]!.status).toBe("joined");
    expectRefused(
      () => given(rejoined).when(propose()),
      "organisation_not_permitted",
      "attendee-only",
      ORG.wijkteam,
    );
  });

  test("Given an unknown item, when the chair approves it, then agenda-item-exists", () => {
    expectRefused(
      () => given(caseWithPartners()).when(approve),
      "not_found",
      "agenda-item-exists",
      "item-1",
    );
  });
});
