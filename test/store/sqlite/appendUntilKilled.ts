// Child process for the crash test: appends until killed, printing each event id once its
// append is acknowledged, so the parent knows exactly which events were promised durable.
import { randomUUID } from "node:crypto";
import { openSqliteEventStore } from "../../../src/store/sqlite/index.js";
import type { NewEvent } from "../../../src/store/types.js";

const store = openSqliteEventStore(process.argv[2]!);
const writers = 8;

const event = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: "CrashTestEvent",
  data: { n, filler: "x".repeat(300) },
});

async function writer(streamId: string): Promise<void> {
  for (let revision = -1; ; ) {
    const events =
      revision % 5 === 0 ? [event(revision + 1), event(revision + 2)] : [event(revision + 1)];
    const result = await store.append(streamId, events, {
      expectedRevision: revision < 0 ? "no_stream" : revision,
    });
    revision = result.nextRevision;
    process.stdout.write(`${events.map((e) => e.eventId).join("\n")}\n`);
  }
}

await Promise.all(Array.from({ length: writers }, () => writer(`crash-${randomUUID()}`)));
