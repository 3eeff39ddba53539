import { EventStoreDBClient, jsonEvent } from "@eventstore/db-client";
import {
  GenericContainer,
  getContainerRuntimeClient,
  type StartedTestContainer,
  Wait,
} from "testcontainers";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openEventStoreDbEventStore } from "../../src/store/eventstoredb/index.js";
import { verifyStream } from "../../src/store/hashChain.js";
import { freshStreamId, newEvents } from "./contract/support.js";
import { eventStoreContract } from "./contract.js";

/** The image the suite starts when no EVENTSTOREDB_URL is given and Docker is reachable. */
const IMAGE = process.env.EVENTSTOREDB_IMAGE ?? "eventstore/eventstore:24.10";

/** Insecure, in memory, no projections; appends up to 8 MiB so the 1 MB payload test fits. */
const NODE_SETTINGS = {
  EVENTSTORE_INSECURE: "true",
  EVENTSTORE_CLUSTER_SIZE: "1",
  EVENTSTORE_MEM_DB: "true",
  EVENTSTORE_RUN_PROJECTIONS: "None",
  EVENTSTORE_MAX_APPEND_SIZE: String(8 * 1024 * 1024),
};

type Target = { kind: "url"; url: string } | { kind: "docker" } | { kind: "none"; reason: string };

async function findTarget(): Promise<Target> {
  const url = process.env.EVENTSTOREDB_URL;
  if (url) return { kind: "url", url };
  try {
    await getContainerRuntimeClient();
    return { kind: "docker" };
  } catch {
    return { kind: "none", reason: "no EVENTSTOREDB_URL and no Docker engine reachable" };
  }
}

const target = await findTarget();

if (target.kind === "none") {
  const title = `EventStoreDB contract suite skipped: ${target.reason}`;
  console.warn(
    `${title}. Set EVENTSTOREDB_URL (e.g. esdb://localhost:2113?tls=false) or start Docker.`,
  );
  describe.skip(title, () => {
    test("the EventStore contract against EventStoreDB/KurrentDB", () => {});
  });
} else {
  let url = target.kind === "url" ? target.url : "";
  let container: StartedTestContainer | undefined;

  beforeAll(async () => {
    if (target.kind !== "docker") return;
    container = await new GenericContainer(IMAGE)
      .withEnvironment(NODE_SETTINGS)
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp("/health/live", 2113).forStatusCode(204))
      .withStartupTimeout(180_000)
      .start();
    url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  }, 240_000);
  afterAll(async () => {
    await container?.stop();
  });

  // No `tamper`: ESDB is append-only, no stored event can be edited; see "written past the adapter".
  eventStoreContract(`eventstoredb (${target.kind === "url" ? "EVENTSTOREDB_URL" : IMAGE})`, {
    open: async () => openEventStoreDbEventStore(url),
    eventIdsUniqueAcrossStreams: false,
  });

  describe("EventStoreDB specifics", () => {
    test("given an event written past the adapter, then verification reports it as the broken link", async () => {
      const store = openEventStoreDbEventStore(url);
      const client = EventStoreDBClient.connectionString(url);
      try {
        const streamId = freshStreamId("case");
        await store.append(streamId, newEvents(3));
        await client.appendToStream(
          streamId,
          jsonEvent({ type: "SomethingHappened", data: { n: 3 } }),
        );
        await store.append(streamId, newEvents(1));

        const result = await verifyStream(store, streamId);

        expect(result.events).toBe(3);
        expect(result.broken).toMatchObject({ streamId, revision: 3 });
      } finally {
        await client.dispose();
        await store.close();
      }
    });

    test("given ESDB's own events (stream metadata), then readAll and subscribe never deliver them", async () => {
      const store = openEventStoreDbEventStore(url);
      const client = EventStoreDBClient.connectionString(url);
      try {
        const streamId = freshStreamId("case");
        const start = await store.headPosition();
        await store.append(streamId, newEvents(1));
        await client.setStreamMetadata(streamId, { maxAge: 86_400 });
        await store.append(streamId, newEvents(1));

        const read = await store.readAll({ fromPosition: start });

        expect(
          read.some((event) => event.streamId.startsWith("$") || event.type.startsWith("$")),
        ).toBe(false);
        expect(
          read.filter((event) => event.streamId === streamId).map((event) => event.revision),
        ).toEqual([0, 1]);
        expect(await store.headPosition()).toBe(read[read.length - 1]!.position);
      } finally {
        await client.dispose();
        await store.close();
      }
    });
  });
}
