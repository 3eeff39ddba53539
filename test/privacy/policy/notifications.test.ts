import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { CaseEvent, CaseState } from "../../../src/domain/index.js";
import { caseVisibility } from "../../../src/privacy/policy/caseVisibility.js";
import { type NoticeLookup, noticeOf } from "../../../src/privacy/policy/notifications.js";
import { BUILT_IN_NAMES } from "../../api/support/hostile.js";
import {
  CASE_ID,
  caseEvent,
  caseWithPartners,
  fold,
  joined,
  left,
  NOW,
  ORG,
} from "../../domain/fixtures.js";

const SESSION_ID = "session-1";
/** The session is planned with the wijkteam and the police; the police may not know of it. */
const PLANNED = [ORG.wijkteam, ORG.police];

/** The policy asked now, every organisation a member of the covenant unless it was withdrawn. */
function lookupOf(state: CaseState, withdrawn: readonly string[] = []): NoticeLookup {
  return {
    plannedWith: (sessionId) => (sessionId === SESSION_ID ? PLANNED : []),
    seesSession: (sessionId, organisationId) =>
      sessionId === SESSION_ID && organisationId === ORG.wijkteam,
    stateOf: (caseId) => (caseId === CASE_ID ? state : undefined),
    visibility: (caseId, organisationId) =>
      caseId === CASE_ID
        ? caseVisibility(
            state,
            { userId: "n", organisationId, roles: ["professional", "chair"] },
            NOW,
            withdrawn.includes(organisationId) ? null : { resumedAt: null },
          )
        : { kind: "none" },
  };
}

const share = (recipients: string[]) =>
  caseEvent("InformationShared", {
    shareId: "share-1",
    sharedBy: ORG.school,
    recipients,
    dataCategories: ["verzuim"],
    legalBasisId: "avg-6-1-e-publieke-taak",
    purposeId: "veiligheid",
    necessity: "nodig",
    content: "inhoud",
    expiresAt: null,
    decisionReference: null,
    weightyPublicInterest: null,
    competentAuthorityAgreement: null,
    consentIds: [],
    sharedAt: NOW,
  });
const agreementFor = (owner: string) =>
  caseEvent("AgreementMade", {
    agreementId: "agr-1",
    what: "huisbezoek",
    ownerOrganisationId: owner,
    dueDate: "2025-04-01",
    meetingId: null,
    madeAt: NOW,
  });

/** The notice the last event gives, the policy asked with every event folded. */
const noticeAfter = (events: CaseEvent[], withdrawn: string[] = []) => {
  const last = events.at(-1)!;
  return noticeOf(last as never, lookupOf(fold(events), withdrawn));
};

describe("who hears of an event", () => {
  test("Given a share with the wijkteam and the police, when the police left before it is asked, then only the wijkteam is told, never the sharer", () => {
    const made = share([ORG.wijkteam, ORG.police]);
    expect(noticeAfter([...caseWithPartners(), made])?.organisations).toEqual([
      ORG.wijkteam,
      ORG.police,
    ]);
    const since = lookupOf(fold([...caseWithPartners(), made, left(ORG.police)]));
    expect(noticeOf(made as never, since)).toEqual({
      type: "share.received",
      caseId: CASE_ID,
      itemId: "share:share-1",
      organisations: [ORG.wijkteam],
    });
  });

  test("Given leerplicht invited, then it hears of its invitation, also when asked after it joined", () => {
    const invitation = caseWithPartners().at(-1)!;
    const before = noticeOf(invitation as never, lookupOf(fold(caseWithPartners())));
    const since = noticeOf(
      invitation as never,
      lookupOf(fold([...caseWithPartners(), joined(ORG.leerplicht)])),
    );
    for (const notice of [before, since]) {
      expect(notice).toEqual({
        type: "case.invitation",
        caseId: CASE_ID,
        itemId: `invitation:${CASE_ID}`,
        organisations: [ORG.leerplicht],
      });
    }
  });

  test("Given an agreement owned by the wijkteam, when the wijkteam was withdrawn from the covenant, then nobody is told", () => {
    const events = [...caseWithPartners(), agreementFor(ORG.wijkteam)];
    expect(noticeAfter(events)?.organisations).toEqual([ORG.wijkteam]);
    expect(noticeAfter(events, [ORG.wijkteam])).toBeUndefined();
  });

  test("Given a signal that joined the case by a strong match, then the chair hears of it; an ordinary signal is no notice", () => {
    const signal = (matchedOn?: "bsn") =>
      caseEvent("SignalRaised", {
        signalId: "sig-2",
        raisedBy: ORG.police,
        category: "drugs",
        level: "zorg",
        urgency: "high",
        description: "tekst",
        raisedAt: NOW,
        ...(matchedOn ? { matchedOn } : {}),
      });
    expect(noticeAfter([...caseWithPartners(), signal("bsn")])?.organisations).toEqual([ORG.chair]);
    expect(noticeAfter([...caseWithPartners(), signal()])).toBeUndefined();
  });

  test("Given an agenda item the wijkteam attended, when its minutes are recorded and approved, then the wijkteam is told of each; after it left, of neither", () => {
    const recorded = caseEvent("AgendaItemRecorded", {
      sessionId: SESSION_ID,
      itemId: "item-1",
      heldAt: NOW,
      attendees: [{ organisationId: ORG.wijkteam, userId: "u", confidentialityAcknowledged: true }],
      minutes: "notulen",
      decisions: [],
      recordedAt: NOW,
    });
    const approved = caseEvent("MinutesApproved", {
      itemId: "item-1",
      minutes: "notulen",
      decisions: [],
      approvedAt: NOW,
    });
    const held = [...caseWithPartners(), recorded];
    expect(noticeAfter(held)).toEqual({
      type: "minutes.drafted",
      caseId: CASE_ID,
      itemId: "minutes:item-1",
      organisations: [ORG.wijkteam],
    });
    expect(noticeAfter([...held, approved])).toMatchObject({
      type: "minutes.approved",
      organisations: [ORG.wijkteam],
    });
    const gone = lookupOf(fold([...held, approved, left(ORG.wijkteam)]));
    expect(noticeOf(recorded as never, gone)).toBeUndefined();
    expect(noticeOf(approved as never, gone)).toBeUndefined();
  });

  test("Given draft minutes the wijkteam attended, when it proposes a correction and the chair decides, then the chair is told of the proposal and the attendees of the decision; after the wijkteam left, it is not told", () => {
    const recorded = caseEvent("AgendaItemRecorded", {
      sessionId: SESSION_ID,
      itemId: "item-1",
      heldAt: NOW,
      attendees: [{ organisationId: ORG.wijkteam, userId: "u", confidentialityAcknowledged: true }],
      minutes: "notulen",
      decisions: [],
      recordedAt: NOW,
    });
    const proposed = caseEvent("MinutesCorrectionProposed", {
      itemId: "item-1",
      correctionId: "corr-1",
      proposedBy: ORG.wijkteam,
      minutes: "notulen, verbeterd",
      proposedAt: NOW,
    });
    const resolved = caseEvent("MinutesCorrectionResolved", {
      itemId: "item-1",
      correctionId: "corr-1",
      accepted: true,
      resolvedAt: NOW,
    });
    const held = [...caseWithPartners(), recorded, proposed];
    const chair = fold(held).chairOrganisationId;
    expect(noticeAfter(held)).toEqual({
      type: "minutes.correction-proposed",
      caseId: CASE_ID,
      itemId: "minutes:item-1",
      organisations: [chair],
    });
    expect(noticeAfter([...held, resolved])).toMatchObject({
      type: "minutes.correction-resolved",
      organisations: [ORG.wijkteam],
    });
    const gone = lookupOf(fold([...held, resolved, left(ORG.wijkteam)]));
    expect(noticeOf(resolved as never, gone)).toBeUndefined();
  });

  test("Given a session planned with the wijkteam and the police, when it is planned, moved or cancelled, then only the organisation the sessions policy shows it to is told", () => {
    const lookup = lookupOf(fold(caseWithPartners()));
    const planned = {
      type: "SessionPlanned",
      data: { sessionId: SESSION_ID, plannedOrganisationIds: PLANNED },
    };
    for (const [event, type] of [
      [planned, "session.planned"],
      [{ type: "SessionRescheduled", data: { sessionId: SESSION_ID } }, "session.rescheduled"],
      [{ type: "SessionCancelled", data: { sessionId: SESSION_ID } }, "session.cancelled"],
    ] as const) {
      expect(noticeOf(event, lookup)).toEqual({
        type,
        caseId: null,
        itemId: `session:${SESSION_ID}`,
        organisations: [ORG.wijkteam],
      });
    }
    expect(
      noticeOf({ type: "SessionCancelled", data: { sessionId: "constructor" } }, lookup),
    ).toBeUndefined();
  });

  test("Given built-in property names as event types or ids, then there is no notice and nothing throws", () => {
    const lookup = lookupOf(fold(caseWithPartners()));
    for (const name of BUILT_IN_NAMES) {
      expect(noticeOf({ type: name, data: { caseId: CASE_ID } }, lookup)).toBeUndefined();
      expect(
        noticeOf(
          { type: "AgreementDueDateChanged", data: { caseId: CASE_ID, agreementId: name } },
          lookup,
        ),
      ).toBeUndefined();
      expect(
        noticeOf(
          { type: "InformationShared", data: { caseId: name, shareId: name, recipients: [name] } },
          lookup,
        ),
      ).toBeUndefined();
    }
  });

  test("Property: whoever is told of a share is shown that share by the policy at that moment", () => {
    const organisations = Object.values(ORG);
    fc.assert(
      fc.property(
        fc.subarray(organisations, { minLength: 1 }),
        fc.subarray(organisations),
        fc.subarray(organisations),
        (recipients, leaving, withdrawn) => {
          const events = [...caseWithPartners(), share(recipients), ...leaving.map(left)];
          const lookup = lookupOf(fold(events), withdrawn);
          const notice = noticeOf(share(recipients) as never, lookup);
          for (const organisationId of notice?.organisations ?? []) {
            const seen = lookup.visibility(CASE_ID, organisationId);
            expect(
              seen.kind === "case" && seen.items.some((item) => item.id === "share:share-1"),
            ).toBe(true);
          }
          const shown = organisations.filter((id) => {
            const seen = lookup.visibility(CASE_ID, id);
            return (
              recipients.includes(id) &&
              seen.kind === "case" &&
              seen.items.some((item) => item.id === "share:share-1")
            );
          });
          expect(notice?.organisations ?? []).toEqual(shown);
        },
      ),
    );
  });
});
