import { describe, expect, test } from "vitest";
import type { CaseEvent } from "../../../src/domain/index.js";
import {
  actor,
  CASE_ID,
  CONTACT,
  caseWithPartners,
  joined,
  left,
  NOW,
  ORG,
  SUBJECT,
} from "../../domain/fixtures.js";
import {
  agreementMade,
  corrected,
  MINUTES,
  meetingHeld,
  revoked,
  SHARED_TEXT,
  shared,
  signal,
} from "./caseEvents.js";
import { chairUser, given, itemIds, minutesOf, professional, shareIds } from "./given.js";

describe("rule 1: the case exists only for participants and the chair", () => {
  test("an organisation that was never invited gets none (the API answers 404)", () => {
    expect(given(caseWithPartners()).seenBy(professional(ORG.jongerenwerk))).toEqual({
      kind: "none",
    });
  });

  test("an organisation that left gets none", () => {
    expect(
      given([...caseWithPartners(), left(ORG.wijkteam)]).seenBy(professional(ORG.wijkteam)),
    ).toEqual({ kind: "none" });
  });

  test("an invited organisation sees its invitation only: case id, signal category, chair, message", () => {
    const seen = given([...caseWithPartners(), signal()]).seenBy(professional(ORG.leerplicht));
    expect(seen).toEqual({
      kind: "invitation",
      invitation: {
        caseId: CASE_ID,
        signalCategory: "verzuim",
        chairOrganisationId: ORG.chair,
        message: "Graag aansluiten",
      },
      items: [{ id: `invitation:${CASE_ID}`, kind: "invitation", categories: [] }],
    });
    expect(JSON.stringify(seen)).not.toContain(SUBJECT.name);
  });

  test("a privacy officer, admin or analyst of a participant sees no case content (rule 5)", () => {
    for (const role of ["privacy-officer", "admin", "analyst"] as const) {
      expect(given(caseWithPartners()).seenBy(actor(ORG.wijkteam, role)).kind).toBe("none");
    }
  });

  test("an unknown case is none", () => {
    expect(given([]).seenBy(chairUser).kind).toBe("none");
  });
});

describe("rule 2: participants and the chair see the case", () => {
  test("header, subject, participants with contacts, signals, meetings, agreements with overdue", () => {
    const events = [
      ...caseWithPartners(),
      signal(),
      agreementMade("late", "2025-03-09"),
      agreementMade("due", "2025-03-20"),
    ];
    for (const viewer of [professional(ORG.police), chairUser]) {
      const seen = given(events).seenBy(viewer);
      if (seen.kind !== "case") throw new Error(`expected the case, got ${seen.kind}`);
      expect(seen.view.subject).toEqual(SUBJECT);
      expect(seen.view.chairOrganisationId).toBe(ORG.chair);
      expect(
        seen.view.participants.find((p) => p.organisationId === ORG.wijkteam)?.contact,
      ).toEqual(CONTACT);
      // An invited organisation is listed without a contact; it has not named one yet.
      expect(seen.view.participants.find((p) => p.organisationId === ORG.leerplicht)).toMatchObject(
        {
          status: "invited",
          contact: null,
        },
      );
      expect(seen.view.signals.map((s) => [s.signalId, s.category, s.raisedBy])).toEqual([
        ["signal-1", "verzuim", ORG.school],
      ]);
      expect(seen.view.agreements.map((a) => [a.agreementId, a.overdue])).toEqual([
        ["late", true],
        ["due", false],
      ]);
      expect(itemIds(seen)).toEqual(
        expect.arrayContaining([`case:${CASE_ID}`, "subject", "signal:signal-1", "agreement:late"]),
      );
    }
  });
});

describe("rule 3: a share is visible to its sharer and its named recipients only", () => {
  const events = [...caseWithPartners(), shared("share-1", [ORG.wijkteam])];

  test("the sharer and the recipient see the share and its content", () => {
    for (const organisationId of [ORG.school, ORG.wijkteam]) {
      const seen = given(events).seenBy(professional(organisationId));
      expect(shareIds(seen)).toEqual(["share-1"]);
      expect(JSON.stringify(seen)).toContain(SHARED_TEXT);
      expect(itemIds(seen)).toContain("share:share-1");
    }
  });

  test("another participant sees neither the content nor that the share exists", () => {
    const seen = given(events).seenBy(professional(ORG.police));
    expect(shareIds(seen)).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain("share-1");
  });

  test("the chair that is not a recipient does not see the share", () => {
    const seen = given(events).seenBy(chairUser);
    expect(seen.kind).toBe("case");
    expect(JSON.stringify(seen)).not.toContain("share-1");
  });

  test("a share that expired a second ago is hidden; one that expires a second from now is shown", () => {
    const expiring = [...caseWithPartners(), shared("share-1", [ORG.wijkteam], { expiresAt: NOW })];
    const wijkteam = professional(ORG.wijkteam);
    expect(shareIds(given(expiring).seenBy(wijkteam, "2025-03-10T10:00:01.000Z"))).toEqual([]);
    expect(shareIds(given(expiring).seenBy(wijkteam, NOW))).toEqual([]);
    expect(shareIds(given(expiring).seenBy(wijkteam, "2025-03-10T09:59:59.000Z"))).toEqual([
      "share-1",
    ]);
  });

  test("a revoked share is hidden from the recipient and from the sharer", () => {
    const revokedShare = [...events, revoked("share-1")];
    for (const organisationId of [ORG.school, ORG.wijkteam]) {
      expect(shareIds(given(revokedShare).seenBy(professional(organisationId)))).toEqual([]);
    }
  });

  test("a correction replaces the content for exactly the recipients; the old text is gone", () => {
    const fixed = [...events, corrected("share-1", [ORG.wijkteam], "Gecorrigeerde tekst.")];
    const recipient = given(fixed).seenBy(professional(ORG.wijkteam));
    if (recipient.kind !== "case") throw new Error("expected the case");
    expect(recipient.view.shares[0]).toMatchObject({
      content: "Gecorrigeerde tekst.",
      correctedAt: "2025-03-05T11:00:00.000Z",
    });
    expect(JSON.stringify(recipient)).not.toContain(SHARED_TEXT);
    expect(JSON.stringify(given(fixed).seenBy(professional(ORG.police)))).not.toContain(
      "Gecorrigeerde",
    );
  });

  test("an organisation that joins later does not see earlier shares", () => {
    const later = [...events, joined(ORG.leerplicht)];
    expect(shareIds(given(later).seenBy(professional(ORG.leerplicht)))).toEqual([]);
  });
});

describe("rule 4: minutes are for organisations that attended and still have the case", () => {
  const events = [...caseWithPartners(), ...meetingHeld("meeting-1", [ORG.chair, ORG.wijkteam])];

  test("an attending participant and the attending chair read the minutes", () => {
    for (const viewer of [professional(ORG.wijkteam), chairUser]) {
      const seen = given(events).seenBy(viewer);
      expect(minutesOf(seen)).toEqual([[MINUTES, ["Wijkteam neemt contact op met ouders"]]]);
      expect(itemIds(seen)).toContain("minutes:meeting-1");
    }
  });

  test("a participant that did not attend sees the meeting, not its minutes", () => {
    const seen = given(events).seenBy(professional(ORG.police));
    expect(minutesOf(seen)).toEqual([[null, null]]);
    expect(itemIds(seen)).toContain("meeting:meeting-1");
    expect(itemIds(seen)).not.toContain("minutes:meeting-1");
    expect(JSON.stringify(seen)).not.toContain(MINUTES);
  });
});

describe("erased subjects", () => {
  test("a held meeting's decisions, encrypted as one field, read as one [erased] entry after erasure", () => {
    const erasedMeeting = meetingHeld("meeting-1", [ORG.wijkteam]).map((event) =>
      event.type === "MeetingHeld"
        ? { ...event, data: { ...event.data, minutes: "[erased]", decisions: "[erased]" } }
        : event,
    ) as CaseEvent[];
    const seen = given([...caseWithPartners(), ...erasedMeeting]).seenBy(
      professional(ORG.wijkteam),
    );
    expect(seen.kind === "case" && seen.view.meetings[0]).toMatchObject({
      minutes: "[erased]",
      decisions: ["[erased]"],
    });
  });
});
