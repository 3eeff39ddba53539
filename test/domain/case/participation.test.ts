import { describe, expect, test } from "vitest";
import type {
  AssignRegie,
  DeclineInvitation,
  InvitePartner,
  JoinCase,
  LeaveCase,
  RemovePartner,
} from "../../../src/domain/index.js";
import {
  actor,
  CASE_ID,
  CONTACT,
  COVENANT_ID,
  caseEvent,
  caseWithPartners,
  chair,
  closed,
  command,
  contextWith,
  covenantCommandOf,
  expectRefused,
  fold,
  given,
  invited,
  joined,
  NOW,
  ORG,
  opened,
  region,
  SUBJECT,
  SUBJECT_ID,
} from "../fixtures.js";
import { raiseSignal } from "./signals.js";

const school = actor(ORG.school, "professional");

describe("RaiseSignal", () => {
  test("the first signal opens the case: the raiser is the first participant, the covenant's chair chairs", () => {
    const events = given([]).when(raiseSignal());
    expect(events).toEqual([
      caseEvent("CaseOpened", {
        covenantId: COVENANT_ID,
        chairOrganisationId: ORG.chair,
        subject: SUBJECT,
        openedBy: ORG.school,
        contact: CONTACT,
        openedAt: NOW,
      }),
      caseEvent("SignalRaised", {
        signalId: "sig-1",
        raisedBy: ORG.school,
        category: "polarisatie",
        level: "preventie",
        urgency: "medium",
        description: raiseSignal().description,
        raisedAt: NOW,
      }),
    ]);
    const state = fold(events);
    expect(state.participants[ORG.school]?.status).toBe("joined");
    expect(state.chairOrganisationId).toBe(ORG.chair);
  });
  test("a later signal from a participant adds to the case", () => {
    const events = given(caseWithPartners()).when(
      raiseSignal({ actor: actor(ORG.wijkteam), signalId: "sig-2", subject: undefined }),
    );
    expect(events.map((e) => e.type)).toEqual(["SignalRaised"]);
    expect(events[0]?.data.subjectId).toBe(SUBJECT_ID);
  });
  test("refused from an organisation outside the covenant, as if the covenant did not exist", () => {
    expectRefused(
      () => given([]).when(raiseSignal({ actor: actor("org-buiten") })),
      "not_found",
      "covenant-exists",
      COVENANT_ID,
    );
  });
  test("refused for an analyst", () => {
    expectRefused(
      () => given([]).when(raiseSignal({ actor: actor(ORG.school, "analyst") })),
      "not_permitted",
      "raise-signal-role",
    );
  });
  test("refused with a category outside the shared vocabulary, or an unknown level", () => {
    expectRefused(
      () => given([]).when(raiseSignal({ category: "raar-gedrag" })),
      "invalid",
      "signal-category",
      "raar-gedrag",
    );
    expectRefused(
      () => given([]).when(raiseSignal({ level: "hoog" })),
      "invalid",
      "signal-level",
      "hoog",
    );
  });
  test("refused without a description", () => {
    expectRefused(
      () => given([]).when(raiseSignal({ description: " " })),
      "invalid",
      "signal-description",
    );
  });
  test("opening needs the subject and the raiser's contact", () => {
    expectRefused(
      () => given([]).when(raiseSignal({ subject: undefined })),
      "invalid",
      "subject-required",
    );
    expectRefused(
      () => given([]).when(raiseSignal({ subject: { ...SUBJECT, dateOfBirth: "15-01-2011" } })),
      "invalid",
      "subject-date-of-birth",
    );
    expectRefused(
      () => given([]).when(raiseSignal({ contact: undefined })),
      "invalid",
      "contact-required",
    );
  });
  test("a later signal from a non-participant is refused", () => {
    expectRefused(
      () => given(caseWithPartners()).when(raiseSignal({ actor: actor(ORG.leerplicht) })),
      "organisation_not_permitted",
      "participant-only",
      ORG.leerplicht,
    );
  });
  test("a signal on a closed case is refused", () => {
    expectRefused(
      () => given([...caseWithPartners(), closed()]).when(raiseSignal()),
      "conflict",
      "case-open",
      CASE_ID,
    );
  });
  test("a signal for another covenant is refused", () => {
    expectRefused(
      () => given([]).when(raiseSignal({ covenantId: "cov-elders" })),
      "not_found",
      "covenant-exists",
      "cov-elders",
    );
  });
});

describe("InvitePartner", () => {
  const invite = (fields: Partial<InvitePartner> = {}) =>
    command<InvitePartner>({
      type: "InvitePartner",
      organisationId: ORG.leerplicht,
      message: "Verzuim speelt mee",
      ...fields,
    });
  test("the chair invites a covenant member", () => {
    expect(given([opened()]).when(invite())).toEqual([
      caseEvent("PartnerInvited", {
        organisationId: ORG.leerplicht,
        message: "Verzuim speelt mee",
        invitedAt: NOW,
      }),
    ]);
  });
  test("only the chair invites", () => {
    expectRefused(
      () => given([opened()]).when(invite({ actor: school })),
      "organisation_not_permitted",
      "chair-only",
      ORG.school,
    );
    expectRefused(
      () => given([opened()]).when(invite({ actor: actor(ORG.chair, "professional") })),
      "not_permitted",
      "chair-only",
    );
  });
  test("a non-member or withdrawn member cannot be invited", () => {
    expectRefused(
      () => given([opened()]).when(invite({ organisationId: "org-x" })),
      "not_found",
      "member-exists",
      "org-x",
    );
    const covenant = region([
      covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.leerplicht }),
    ]);
    expectRefused(
      () => given([opened()], contextWith(covenant)).when(invite()),
      "not_found",
      "member-exists",
      ORG.leerplicht,
    );
  });
  test("an organisation already invited or joined is not invited again", () => {
    expectRefused(
      () => given(caseWithPartners()).when(invite()),
      "conflict",
      "already-participant",
      ORG.leerplicht,
    );
    expectRefused(
      () => given(caseWithPartners()).when(invite({ organisationId: ORG.school })),
      "conflict",
      "already-participant",
    );
  });
  test("a case does not exist before its first signal", () => {
    expectRefused(() => given([]).when(invite()), "not_found", "case-exists", CASE_ID);
  });
});

describe("JoinCase, DeclineInvitation, LeaveCase", () => {
  const join = (fields: Partial<JoinCase> = {}) =>
    command<JoinCase>({
      type: "JoinCase",
      actor: actor(ORG.leerplicht),
      contact: CONTACT,
      ...fields,
    });
  test("the invited organisation joins with its named contact", () => {
    expect(given(caseWithPartners()).when(join())).toEqual([
      caseEvent("PartnerJoined", {
        organisationId: ORG.leerplicht,
        contact: CONTACT,
        joinedAt: NOW,
      }),
    ]);
  });
  test("only the invited organisation joins", () => {
    expectRefused(
      () => given(caseWithPartners()).when(join({ actor: actor(ORG.jongerenwerk) })),
      "organisation_not_permitted",
      "invited-only",
      ORG.jongerenwerk,
    );
  });
  test("joining needs a full contact", () => {
    expectRefused(
      () => given(caseWithPartners()).when(join({ contact: { ...CONTACT, reach: "" } })),
      "invalid",
      "contact-required",
    );
  });
  test("the invited organisation declines", () => {
    const decline = command<DeclineInvitation>({
      type: "DeclineInvitation",
      actor: actor(ORG.leerplicht),
    });
    expect(given(caseWithPartners()).when(decline)).toEqual([
      caseEvent("InvitationDeclined", { organisationId: ORG.leerplicht, declinedAt: NOW }),
    ]);
    expectRefused(
      () => given(caseWithPartners()).when({ ...decline, actor: school }),
      "organisation_not_permitted",
      "invited-only",
      ORG.school,
    );
  });
  test("a participant leaves, and loses regie if it held it", () => {
    const regie = caseEvent("RegieAssigned", { organisationId: ORG.wijkteam, assignedAt: NOW });
    const leave = command<LeaveCase>({ type: "LeaveCase", actor: actor(ORG.wijkteam) });
    const events = given([...caseWithPartners(), regie]).when(leave);
    expect(events).toEqual([
      caseEvent("PartnerLeft", { organisationId: ORG.wijkteam, leftAt: NOW }),
    ]);
    expect(fold([...caseWithPartners(), regie, ...events]).regieOrganisationId).toBeNull();
    expectRefused(
      () => given(caseWithPartners()).when({ ...leave, actor: actor(ORG.leerplicht) }),
      "organisation_not_permitted",
      "participant-only",
    );
  });
});

describe("RemovePartner and AssignRegie (chair only)", () => {
  const remove = (fields: Partial<RemovePartner> = {}) =>
    command<RemovePartner>({ type: "RemovePartner", organisationId: ORG.police, ...fields });
  test("the chair removes a participant or withdraws an invitation", () => {
    expect(given(caseWithPartners()).when(remove())).toEqual([
      caseEvent("PartnerRemoved", { organisationId: ORG.police, removedAt: NOW }),
    ]);
    expect(given(caseWithPartners()).when(remove({ organisationId: ORG.leerplicht }))).toHaveLength(
      1,
    );
  });
  test("removal is refused for others and for non-participants", () => {
    expectRefused(
      () => given(caseWithPartners()).when(remove({ actor: school })),
      "organisation_not_permitted",
      "chair-only",
    );
    expectRefused(
      () => given(caseWithPartners()).when(remove({ organisationId: ORG.jongerenwerk })),
      "not_found",
      "participant-exists",
      ORG.jongerenwerk,
    );
  });
  const assign = (fields: Partial<AssignRegie> = {}) =>
    command<AssignRegie>({ type: "AssignRegie", organisationId: ORG.wijkteam, ...fields });
  test("the chair gives regie to a participant", () => {
    expect(given(caseWithPartners()).when(assign())).toEqual([
      caseEvent("RegieAssigned", { organisationId: ORG.wijkteam, assignedAt: NOW }),
    ]);
  });
  test("regie goes only to a joined participant, only by the chair", () => {
    expectRefused(
      () => given(caseWithPartners()).when(assign({ organisationId: ORG.leerplicht })),
      "conflict",
      "regie-participant",
      ORG.leerplicht,
    );
    expectRefused(
      () => given(caseWithPartners()).when(assign({ actor: actor(ORG.wijkteam, "chair") })),
      "organisation_not_permitted",
      "chair-only",
      ORG.wijkteam,
    );
  });
  test("an organisation invited again after leaving can rejoin", () => {
    const events = [
      ...caseWithPartners(),
      caseEvent("PartnerLeft", { organisationId: ORG.police, leftAt: NOW }),
      invited(ORG.police),
      joined(ORG.police),
    ];
    expect(fold(events).participants[ORG.police]?.status).toBe("joined");
    expect(chair.organisationId).toBe(ORG.chair);
  });
});
