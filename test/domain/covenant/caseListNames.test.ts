import { describe, expect, test } from "vitest";
import {
  type CovenantCommand,
  catalogue,
  decideCovenant,
  evolveCovenant,
  initialCovenantState,
} from "../../../src/domain/index.js";
import {
  actor,
  COVENANT_ID,
  covenantCommandOf,
  expectRefused,
  ORG,
  regionCommands,
} from "../fixtures.js";

const fold = (commands: CovenantCommand[]) =>
  commands.reduce(
    (state, command) => decideCovenant(command, state, { catalogue }).reduce(evolveCovenant, state),
    initialCovenantState,
  );
const setNames = (shownAs: string, fields: Partial<Pick<CovenantCommand, "actor">> = {}) =>
  ({
    ...covenantCommandOf({ type: "SetCaseListNames", shownAs: shownAs as "initials" }),
    ...fields,
  }) as CovenantCommand;

describe("SetCaseListNames", () => {
  test("given a covenant, its case lists show full names until an admin of the chair chooses initials", () => {
    expect(fold(regionCommands()).caseListNames).toBe("name");
    const events = decideCovenant(setNames("initials"), fold(regionCommands()), { catalogue });
    expect(events).toEqual([
      {
        type: "CaseListNamesSet",
        data: { covenantId: COVENANT_ID, shownAs: "initials", setAt: "2025-01-01T09:00:00.000Z" },
      },
    ]);
    expect(fold([...regionCommands(), setNames("initials")]).caseListNames).toBe("initials");
  });

  test("anything but name or initials is refused, and so is a non-admin", () => {
    const region = fold(regionCommands());
    expectRefused(
      () => decideCovenant(setNames("__proto__"), region, { catalogue }),
      "invalid",
      "case-list-names",
    );
    expectRefused(
      () =>
        decideCovenant(setNames("initials", { actor: actor(ORG.chair, "chair") }), region, {
          catalogue,
        }),
      "not_permitted",
      "chair-admin-only",
    );
  });
});
