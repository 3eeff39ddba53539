// Child process for crash.test.ts: appends until killed, printing each acknowledged event id.
import { randomUUID } from "node:crypto";
import { openPostgresEventStore } from "../../../src/store/postgres/index.js";

const url = process.argv[2];
if (!url) throw new Error("usage: appendLoop.ts <database url>");
const store = await openPostgresEventStore(url);

// Several writers at once, so group-committed batches are in flight when the kill lands.
await Promise.all(
  Array.from({ length: 8 }, async (_, writer) => {
    const streamId = `crash-${writer}-${randomUUID()}`;
    for (let n = 0; ; n++) {
      const eventId = randomUUID();
      await store.append(streamId, [{ eventId, type: "Appended", data: { writer, n } }], {
        expectedRevision: n - 1 < 0 ? "no_stream" : n - 1,
      });
      process.stdout.write(`${eventId}\n`);
    }
  }),
);
