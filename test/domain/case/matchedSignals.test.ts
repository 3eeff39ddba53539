import { describe, expect, test } from "vitest";
import type { RecordMatchedSignal } from "../../../src/domain/index.js";
import {
  actor,
  COVENANT_ID,
  closed,
  command,
  expectRefused,
  given,
  ORG,
  opened,
} from "../fixtures.js";

const matchedSignal = (fields: Partial<RecordMatchedSignal> = {}) =>
  command<RecordMatchedSignal>({
    type: "RecordMatchedSignal",
    actor: actor(ORG.police, "professional"),
    signalId: "sig-police",
    covenantId: COVENANT_ID,
    category: "criminaliteit",
    level: "preventie",
    urgency: "high",
    description: "Gezien bij een drugspand.",
    matchedOn: "bsn",
    ...fields,
  });

describe("a signal matched to the young person's open case (rule 9)", () => {
  test("given the school's open case, when the police's signal is matched to it, then the signal is recorded and the police does not join", () => {
    const events = given([opened()]).when(matchedSignal());
    expect(events).toEqual([
      {
        type: "SignalRaised",
        data: expect.objectContaining({
          signalId: "sig-police",
          raisedBy: ORG.police,
          matchedOn: "bsn",
        }),
      },
    ]);
  });

  test("given a closed case, when a signal is matched to it, then it is refused as not open", () => {
    expectRefused(() => given([opened(), closed()]).when(matchedSignal()), "conflict", "case-open");
  });

  test("given an open case, when an analyst's signal is matched, then the role is refused", () => {
    expectRefused(
      () => given([opened()]).when(matchedSignal({ actor: actor(ORG.police, "analyst") })),
      "not_permitted",
      "raise-signal-role",
    );
  });
});
