import { describe, expect, test } from "vitest";
import type { EventStore } from "../../../src/store/eventStore.js";
import { GENESIS_HASH } from "../../../src/store/hashChain.js";
import { freshStreamId, newEvent } from "./support.js";

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function roundTripContract(store: () => EventStore): void {
  describe("append and read back", () => {
    test("given unicode data and metadata, when read back, then every envelope field is there", async () => {
      const streamId = freshStreamId("case");
      const events = [
        newEvent({ text: "Signaal: zorgen over Zoë, één broer — 👩‍👧 ✓ «ok» ñ 中文 עברית" }),
        {
          ...newEvent({ nested: { list: [1, 2.5, null, true, "ß"], empty: {} } }),
          schemaVersion: 3,
        },
        {
          ...newEvent({ n: 2 }, "CaseClosed"),
          metadata: {
            actor: { userId: "u-1", organisationId: "org-9", role: "chair" },
            correlationId: "c-1",
            causationId: "e-0",
          },
        },
      ];

      const result = await store().append(streamId, events, { expectedRevision: "no_stream" });
      const read = await store().readStream(streamId);

      expect(result.nextRevision).toBe(2);
      expect(read.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(read.map((e) => e.type)).toEqual(events.map((e) => e.type));
      expect(read.map((e) => e.schemaVersion)).toEqual([1, 3, 1]);
      expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
      expect(read.map((e) => e.metadata)).toEqual(events.map((e) => e.metadata));
      for (const event of read) {
        expect(event.streamId).toBe(streamId);
        expect(typeof event.position).toBe("bigint");
        expect(event.recordedAt).toMatch(ISO_UTC_MS);
        expect(Math.abs(Date.parse(event.recordedAt) - Date.now())).toBeLessThan(60_000);
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(read[0]!.prevHash).toBe(GENESIS_HASH);
      expect(read[1]!.prevHash).toBe(read[0]!.hash);
      expect(read[2]!.prevHash).toBe(read[1]!.hash);
      expect(read[1]!.position).toBeGreaterThan(read[0]!.position);
      expect(read[2]!.position).toBeGreaterThan(read[1]!.position);
      expect(result.position).toBe(read[2]!.position);
    });

    test("given an event without metadata, when read back, then metadata is an empty object", async () => {
      const streamId = freshStreamId();
      await store().append(streamId, [{ eventId: newEvent().eventId, type: "T", data: { a: 1 } }]);

      const [event] = await store().readStream(streamId);

      expect(event!.metadata).toEqual({});
      expect(event!.schemaVersion).toBe(1);
    });

    test("given a 1 MB payload, when read back, then it is unchanged", async () => {
      const streamId = freshStreamId("minutes");
      const chunk = "Verslag overleg — ‘afspraak’ é 🙂 ";
      const blob = chunk.repeat(Math.ceil(1_000_000 / chunk.length)).slice(0, 1_000_000);
      const event = newEvent({ minutes: blob });

      await store().append(streamId, [event]);
      const [read] = await store().readStream(streamId);

      expect(read!.data.minutes).toHaveLength(1_000_000);
      expect(read!.data.minutes === blob).toBe(true);
    });

    test("given events in several streams, then headPosition is the last position written", async () => {
      const first = await store().append(freshStreamId(), [newEvent()]);
      const second = await store().append(freshStreamId(), [newEvent(), newEvent()]);

      expect(second.position).toBeGreaterThan(first.position);
      expect(await store().headPosition()).toBeGreaterThanOrEqual(second.position);
    });

    test("given new streams, then listStreams lists them in order and pages with after", async () => {
      const prefix = freshStreamId("list");
      const ids = [`${prefix}-c`, `${prefix}-a`, `${prefix}-b`];
      for (const id of ids) await store().append(id, [newEvent()]);

      const listed: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store().listStreams({ after, limit: 2 });
        listed.push(...page);
        if (page.length < 2) break;
        after = page[page.length - 1];
      }

      expect(listed.filter((id) => id.startsWith(prefix))).toEqual([...ids].sort());
      expect(listed).toEqual([...listed].sort());
    });
  });
}
