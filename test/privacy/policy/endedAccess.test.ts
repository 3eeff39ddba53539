import { describe, expect, test } from "vitest";
import { caseEvent, caseWithPartners, invited, joined, left, ORG } from "../../domain/fixtures.js";
import {
  consentRecorded,
  consentWithdrawn,
  MINUTES,
  meetingHeld,
  shared,
  signal,
} from "./caseEvents.js";
import { given, itemIds, minutesOf, professional, shareIds } from "./given.js";

// Access that ended stays ended: a withdrawal from the covenant (rule 1), leaving the case
// (rules 3, 4) or a withdrawn or expired consent (rule 3) is not undone by coming back.

const removed = (organisationId: string) =>
  caseEvent("PartnerRemoved", { organisationId, removedAt: "2025-03-07T09:00:00.000Z" });

describe("rule 1: an organisation withdrawn from the covenant loses every case at once", () => {
  const events = [
    ...caseWithPartners(),
    signal(),
    shared("share-1", [ORG.wijkteam]),
    ...meetingHeld("meeting-1", [ORG.wijkteam]),
  ];

  test("a joined participant, the sharer and a recipient alike see none of the case", () => {
    for (const organisationId of [ORG.school, ORG.wijkteam, ORG.police]) {
      expect(given(events).seenBy(professional(organisationId), undefined, null)).toEqual({
        kind: "none",
      });
    }
  });

  test("an invited organisation no longer sees its invitation", () => {
    expect(given(events).seenBy(professional(ORG.leerplicht), undefined, null).kind).toBe("none");
  });

  test("readmitted, it has the case again, but not the shares and minutes from before", () => {
    const readmitted = { resumedAt: "2025-03-08T09:00:00.000Z" };
    const seen = given(events).seenBy(professional(ORG.wijkteam), undefined, readmitted);
    expect(seen.kind).toBe("case");
    expect(shareIds(seen)).toEqual([]);
    expect(minutesOf(seen)).toEqual([[null, null]]);
    expect(JSON.stringify(seen)).not.toContain(MINUTES);
    const later = [
      ...events,
      shared("share-2", [ORG.wijkteam], { sharedAt: "2025-03-09T09:00:00.000Z" }),
    ];
    expect(
      shareIds(given(later).seenBy(professional(ORG.wijkteam), undefined, readmitted)),
    ).toEqual(["share-2"]);
  });
});

describe("rules 3 and 4: leaving ends what reached the organisation; rejoining does not bring it back", () => {
  const events = [
    ...caseWithPartners(),
    shared("share-1", [ORG.wijkteam]),
    ...meetingHeld("meeting-1", [ORG.wijkteam]),
  ];

  for (const [how, gone] of [
    ["left", left(ORG.wijkteam)],
    ["was removed", removed(ORG.wijkteam)],
  ] as const) {
    test(`a recipient and attendee that ${how} and rejoined sees neither the earlier share nor the minutes`, () => {
      const back = [...events, gone, invited(ORG.wijkteam), joined(ORG.wijkteam)];
      const seen = given(back).seenBy(professional(ORG.wijkteam));
      expect(seen.kind).toBe("case");
      expect(shareIds(seen)).toEqual([]);
      expect(minutesOf(seen)).toEqual([[null, null]]);
      expect(itemIds(seen)).not.toContain("minutes:meeting-1");
    });
  }

  test("a share and minutes made after it rejoined reach it", () => {
    const back = [
      ...events,
      left(ORG.wijkteam),
      invited(ORG.wijkteam),
      joined(ORG.wijkteam),
      shared("share-2", [ORG.wijkteam]),
      ...meetingHeld("meeting-2", [ORG.wijkteam]),
    ];
    const seen = given(back).seenBy(professional(ORG.wijkteam));
    expect(shareIds(seen)).toEqual(["share-2"]);
    expect(minutesOf(seen)).toEqual([
      [null, null],
      [MINUTES, ["Wijkteam neemt contact op met ouders"]],
    ]);
  });

  test("another organisation joining and leaving does not interrupt the recipient", () => {
    const others = [...events, left(ORG.police), invited(ORG.police), joined(ORG.police)];
    expect(shareIds(given(others).seenBy(professional(ORG.wijkteam)))).toEqual(["share-1"]);
  });
});

describe("rule 3: a share that rests on consent ends with the consent", () => {
  const onConsent = (expiresAt: string | null = null) => [
    ...caseWithPartners(),
    consentRecorded("consent-1", expiresAt),
    shared("share-1", [ORG.wijkteam], { consentIds: ["consent-1"] }),
  ];

  test("while the consent holds, the sharer and the recipient see the share", () => {
    for (const organisationId of [ORG.school, ORG.wijkteam]) {
      expect(shareIds(given(onConsent()).seenBy(professional(organisationId)))).toEqual([
        "share-1",
      ]);
    }
  });

  test("withdrawn consent hides the share from the recipient and the sharer", () => {
    const withdrawn = [...onConsent(), consentWithdrawn("consent-1")];
    for (const organisationId of [ORG.school, ORG.wijkteam]) {
      expect(shareIds(given(withdrawn).seenBy(professional(organisationId)))).toEqual([]);
    }
  });

  test("an expired consent ends the share at its expiry, even where the share's own expiry is later", () => {
    const events = onConsent("2025-03-08T00:00:00.000Z");
    const wijkteam = professional(ORG.wijkteam);
    expect(shareIds(given(events).seenBy(wijkteam, "2025-03-07T23:59:59.000Z"))).toEqual([
      "share-1",
    ]);
    expect(shareIds(given(events).seenBy(wijkteam, "2025-03-08T00:00:00.000Z"))).toEqual([]);
  });

  test("a share that names a consent the case does not hold is not shown", () => {
    const events = [
      ...caseWithPartners(),
      shared("share-1", [ORG.wijkteam], { consentIds: ["constructor"] }),
    ];
    expect(shareIds(given(events).seenBy(professional(ORG.wijkteam)))).toEqual([]);
  });
});
