import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { appendLoadProbes } from "../../support/loadProbes.js";
import { BUILT_IN_NAMES, MALFORMED_ENCODINGS } from "../support/hostile.js";
import { startTestService, type TestService } from "../support/service.js";
import { ORG, PERSONAL, playCase } from "./scenario.js";

type SseEvent = { id: string; event: string; data: string };

/** A real HTTP client on the stream: parses `id:`/`event:`/`data:` blocks as they arrive. */
function connect(service: TestService, token: string, lastEventId?: string) {
  const events: SseEvent[] = [];
  /** When each event arrived (performance.now()), in step with `events`. */
  const arrivals: number[] = [];
  const url = new URL(`${service.url}/v1/worklist/events`);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
  let buffer = "";
  const stream = {
    events,
    arrivals,
    opened: undefined as unknown as Promise<{ status: number; type: string; cache: string }>,
    close: () => {},
  };
  stream.opened = new Promise<{ status: number; type: string; cache: string }>(
    (resolve, reject) => {
      const req = request(url, { headers }, (res) => {
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"]),
          cache: String(res.headers["cache-control"]),
        });
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          const blocks = buffer.split("\n\n");
          buffer = blocks.pop() ?? "";
          for (const block of blocks) {
            const field = (name: string) =>
              block
                .split("\n")
                .find((line) => line.startsWith(`${name}: `))
                ?.slice(name.length + 2);
            if (field("id") !== undefined) {
              events.push({ id: field("id")!, event: field("event")!, data: field("data")! });
              arrivals.push(performance.now());
            }
          }
        });
      });
      req.on("error", reject);
      req.end();
      stream.close = () => req.destroy();
    },
  );
  return stream;
}

async function until(done: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("stream: condition not met");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let service: TestService;
beforeAll(async () => {
  service = await startTestService("sqlite", { seedDemo: true });
}, 60_000);
afterAll(() => service?.close());

describe("GET /v1/worklist/events", () => {
  test("Given the wijkteam connected, when a case invites it, shares with it and gives it an agreement, then the stream pushes the three with ids only; after a disconnect Last-Event-ID brings back exactly what was missed", async () => {
    const wijkteam = await service.token(ORG.wijkteam, ["professional"]);
    const police = await service.token(ORG.police, ["professional"]);
    const first = connect(service, wijkteam);
    const bystander = connect(service, police);
    expect(await first.opened).toEqual({
      status: 200,
      type: "text/event-stream; charset=utf-8",
      cache: "no-store",
    });
    await bystander.opened;

    await playCase(service);
    await until(() => first.events.length >= 3);
    expect(first.events.map((e) => e.event)).toEqual([
      "case.invitation",
      "share.received",
      "agreement.made",
    ]);
    for (const event of first.events) {
      expect(JSON.parse(event.data).position).toBe(event.id);
      for (const value of PERSONAL) expect(event.data).not.toContain(value);
    }
    const lastSeen = first.events[0]!.id;
    first.close();

    const resumed = connect(service, wijkteam, lastSeen);
    await resumed.opened;
    await until(() => resumed.events.length >= 2);
    await playCase(service);
    await until(() => resumed.events.length >= 5);
    expect(resumed.events.slice(0, 2)).toEqual(first.events.slice(1));
    expect(resumed.events.map((e) => e.event)).toEqual([
      "share.received",
      "agreement.made",
      "case.invitation",
      "share.received",
      "agreement.made",
    ]);
    const ids = resumed.events.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(bystander.events).toEqual([]);
    resumed.close();
    bystander.close();
  });

  test("Given no token, then 401; given a hostile Last-Event-ID, then 400 problem+json, never a stream", async () => {
    const anonymous = await fetch(`${service.url}/v1/worklist/events`);
    expect(anonymous.status).toBe(401);
    const token = await service.token(ORG.wijkteam, ["professional"]);
    for (const value of [
      ...BUILT_IN_NAMES,
      ...MALFORMED_ENCODINGS,
      "-1",
      "1e3",
      "99999999999999999999",
    ]) {
      const response = await fetch(`${service.url}/v1/worklist/events`, {
        headers: { authorization: `Bearer ${token}`, "last-event-id": value },
      });
      expect(response.status, value).toBe(400);
      expect(response.headers.get("content-type"), value).toMatch(/^application\/problem\+json/);
      await response.body?.cancel();
    }
  });
});

describe("GET /v1/worklist/events replaying from far back", () => {
  const EVENTS = 60_000;
  let large: TestService;
  beforeAll(async () => {
    large = await startTestService("sqlite", { seedDemo: true });
    await appendLoadProbes(large.service.system.store, EVENTS);
    await playCase(large);
  }, 120_000);
  afterAll(() => large?.close());

  test("Given 60,000 events before the wijkteam's notices, when it reconnects with Last-Event-ID 0, then other requests are answered while the replay reads, and the notices still arrive", async () => {
    const wijkteam = await large.token(ORG.wijkteam, ["professional"]);
    const { store } = large.service.system;
    let started = () => {};
    const replaying = new Promise<void>((resolve) => {
      started = resolve;
    });
    const read = store.readAllExceptReadRecords.bind(store);
    const watched = vi.spyOn(store, "readAllExceptReadRecords").mockImplementation((options) => {
      // The replay reads from Last-Event-ID 0; the notification planner reads from where it is.
      if (options?.fromPosition === 0n) started();
      return read(options);
    });
    const resumed = connect(large, wijkteam, "0");
    await resumed.opened;
    // Asked once the replay reads: a replay that never yields sends its notices first.
    await replaying;
    const health = await fetch(`${large.url}/health`);
    await health.arrayBuffer();
    const answered = performance.now();
    await until(() => resumed.events.length >= 3);
    watched.mockRestore();

    expect(health.status).toBe(200);
    // Before the replay yielded between pages, /health waited for the whole replay.
    expect(answered).toBeLessThan(resumed.arrivals[0]!);
    expect(resumed.events.map((e) => e.event)).toEqual([
      "case.invitation",
      "share.received",
      "agreement.made",
    ]);
    resumed.close();
  }, 60_000);

  test("Given a client that leaves during a replay from Last-Event-ID 0, then the replay stops reading", async () => {
    const wijkteam = await large.token(ORG.wijkteam, ["professional"]);
    const { store } = large.service.system;
    const head = await store.headPosition();
    let pages = 0;
    let started = () => {};
    const replaying = new Promise<void>((resolve) => {
      started = resolve;
    });
    const read = store.readAllExceptReadRecords.bind(store);
    const watched = vi.spyOn(store, "readAllExceptReadRecords").mockImplementation((options) => {
      // The replay's pages start far behind the head; the planner reads from where it is.
      if ((options?.fromPosition ?? 0n) < head - 1_000n) {
        pages++;
        started();
      }
      return read(options);
    });
    try {
      const leaving = connect(large, wijkteam, "0");
      await leaving.opened;
      await replaying;
      leaving.close();
      // Until no page has been read for 300 ms: a replay that went on would read all of them.
      let seen = -1;
      while (seen !== pages) {
        seen = pages;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      // 60,000 events are more than 120 pages of 500.
      expect(pages).toBeLessThan(30);
    } finally {
      watched.mockRestore();
    }
  }, 60_000);
});
