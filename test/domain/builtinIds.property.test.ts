import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BUILTIN_NAMES } from "../support/builtinNames.js";
import { anyStep } from "./builtinIdCommands.js";
import { FRESH, renamed, run, stringsIn, WORLDS } from "./builtinIdWorlds.js";

// A built-in name that is not an id in the world is an unknown id like any other: renaming
// it to a fresh uuid, consistently across the commands, never changes what any decider says.

const BUILTINS = new Set(BUILTIN_NAMES);

/** The outcomes as text, with each fresh id read back as the built-in name it stands for. */
function readBack(outcomes: unknown, renaming: ReadonlyMap<string, string>): string {
  let text = JSON.stringify(outcomes);
  for (const [name, fresh] of renaming) text = text.replaceAll(fresh, name);
  return text;
}

const keyedRecords = (state: object) =>
  Object.values(state).filter(
    (value) => value !== null && typeof value === "object" && !Array.isArray(value),
  );

describe("ids named like built-in properties", () => {
  test("given any world, when commands carry built-in names as unknown ids, then every decider answers as for fresh ids", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORLDS.keys()),
        fc.array(anyStep, { minLength: 1, maxLength: 4 }),
        (name, steps) => {
          const world = WORLDS.get(name)!;
          const unknown = [...stringsIn(steps)].filter(
            (id) => BUILTINS.has(id) && !world.known.has(id),
          );
          const renaming = new Map(unknown.map((name) => [name, FRESH.get(name)!]));
          const hostile = run(world, steps);
          const fresh = run(world, renamed(steps, renaming));
          expect(readBack(fresh.outcomes, renaming)).toBe(JSON.stringify(hostile.outcomes));
          // Whatever was stored, under whatever id, the records stay plain objects.
          for (const items of [
            ...keyedRecords(hostile.last.case),
            ...keyedRecords(hostile.last.covenant),
          ]) {
            expect(Object.getPrototypeOf(items)).toBe(Object.prototype);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
