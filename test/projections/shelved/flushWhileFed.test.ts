import { expect, test } from "vitest";
import type { DecodedEvent } from "../../../src/projections/readModel.js";
import { ShelvedModel } from "../../../src/projections/shelved/shelvedModel.js";
import { scratchModelTables, TYPES } from "./scratchTables.js";

const event = (position: number) =>
  ({ position: BigInt(position), type: `E${position}` }) as unknown as DecodedEvent;

// Live rows commit beside the feed: when the projector flushes through event 2, event 3 may
// already be fed (the models flush one after another, and the feed does not wait for them).
test("given event 3 fed before a flush through 2, then that flush commits rows 1 and 2 at checkpoint 2, and the next adds row 3", async () => {
  // Given a model fed events 1 and 2
  const scratch = scratchModelTables();
  const model = await ShelvedModel.open(scratch.tables, TYPES);
  model.apply(event(1));
  model.apply(event(2));

  // When event 3 is fed, then the flush through 2 commits, then the one through 3
  model.apply(event(3));
  await model.flush(2n);
  const [afterFirst] = await scratch.tables.shelves("types");
  const rowsAtFirst = await model.query<{ type: string }>((table) => [
    `SELECT type FROM ${table} ORDER BY position`,
    [],
  ]);
  await model.flush(3n);

  // Then the first commit held rows 1 and 2 only, at checkpoint 2, and the second added row 3
  expect(afterFirst!.position).toBe(2n);
  expect(rowsAtFirst.map((row) => row.type)).toEqual(["E1", "E2"]);
  const rows = await model.query<{ type: string }>((table) => [
    `SELECT type FROM ${table} ORDER BY position`,
    [],
  ]);
  expect(rows.map((row) => row.type)).toEqual(["E1", "E2", "E3"]);
  expect(model.checkpoint).toBe(3n);
  scratch.close();
});
