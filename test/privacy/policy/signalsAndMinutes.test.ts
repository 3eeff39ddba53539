import { describe, expect, test } from "vitest";
import { caseWithPartners, ORG } from "../../domain/fixtures.js";
import { MINUTES, meetingHeld, SIGNAL_TEXT, signal } from "./caseEvents.js";
import { chairUser, given, itemIds, minutesOf, professional } from "./given.js";

const POLICE_TEXT = "Aangehouden bij het station met een groep oudere jongeren.";

describe("rule 2: a signal's description is for its raiser and the chair", () => {
  const events = [
    ...caseWithPartners(),
    signal(),
    signal({ signalId: "signal-2", raisedBy: ORG.police, description: POLICE_TEXT }),
  ];
  const descriptions = (organisationId: string) => {
    const seen = given(events).seenBy(
      organisationId === ORG.chair ? chairUser : professional(organisationId),
    );
    return seen.kind === "case" ? seen.view.signals.map((s) => [s.signalId, s.description]) : [];
  };

  test("the raising organisation reads its own signal's description and no other", () => {
    expect(descriptions(ORG.school)).toEqual([
      ["signal-1", SIGNAL_TEXT],
      ["signal-2", null],
    ]);
    expect(descriptions(ORG.police)).toEqual([
      ["signal-1", null],
      ["signal-2", POLICE_TEXT],
    ]);
  });

  test("the chair reads every description, to decide whom to invite", () => {
    expect(descriptions(ORG.chair)).toEqual([
      ["signal-1", SIGNAL_TEXT],
      ["signal-2", POLICE_TEXT],
    ]);
  });

  test("another participant sees each signal's category, level, urgency, raiser and time, not its text", () => {
    const seen = given(events).seenBy(professional(ORG.wijkteam));
    if (seen.kind !== "case") throw new Error(`expected the case, got ${seen.kind}`);
    expect(seen.view.signals[1]).toEqual({
      signalId: "signal-2",
      raisedBy: ORG.police,
      category: "verzuim",
      level: "preventie",
      urgency: "medium",
      description: null,
      raisedAt: "2025-03-01T08:00:00.000Z",
    });
    expect(JSON.stringify(seen)).not.toContain(SIGNAL_TEXT);
    expect(JSON.stringify(seen)).not.toContain(POLICE_TEXT);
  });

  test("a description shown is an item of its own in the read record; a hidden one is not", () => {
    expect(itemIds(given(events).seenBy(professional(ORG.police)))).toEqual(
      expect.arrayContaining(["signal:signal-1", "signal:signal-2", "signal-description:signal-2"]),
    );
    expect(itemIds(given(events).seenBy(professional(ORG.police)))).not.toContain(
      "signal-description:signal-1",
    );
    expect(itemIds(given(events).seenBy(professional(ORG.wijkteam)))).not.toContain(
      "signal-description:signal-1",
    );
  });
});

describe("rule 4: the chair organisation attends the meetings it chairs", () => {
  const events = [...caseWithPartners(), ...meetingHeld("meeting-1", [ORG.wijkteam])];

  test("the chair reads the minutes of a meeting whose attendance list does not name it", () => {
    const seen = given(events).seenBy(chairUser);
    expect(minutesOf(seen)).toEqual([[MINUTES, ["Wijkteam neemt contact op met ouders"]]]);
    expect(itemIds(seen)).toContain("minutes:meeting-1");
  });

  test("a participant that did not attend still reads no minutes", () => {
    expect(minutesOf(given(events).seenBy(professional(ORG.police)))).toEqual([[null, null]]);
  });
});
