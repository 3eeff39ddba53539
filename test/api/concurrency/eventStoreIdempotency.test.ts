import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventStoreIdempotency } from "../../../src/api/concurrency/eventStoreIdempotency.js";
import { runIdempotently } from "../../../src/api/concurrency/idempotency.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import type { EventStore } from "../../../src/store/eventStore.js";
import { canonicalJson } from "../../../src/store/hashChain.js";
import { openPostgresEventStore } from "../../../src/store/postgres/index.js";
import { freshDatabaseUrl } from "../../support/postgres.js";

// Every process derives the same fingerprint secret from the shared master key.
const fingerprintKey = masterKeyFrom(randomBytes(32)).derive("test fingerprint");

// Two stores on one database stand for two service processes sharing PostgreSQL.
let processA: EventStore;
let processB: EventStore;
beforeAll(async () => {
  const url = await freshDatabaseUrl();
  processA = await openPostgresEventStore(url);
  processB = await openPostgresEventStore(url);
});
afterAll(async () => {
  await processA?.close();
  await processB?.close();
});

describe("idempotency records in the event store, across processes", () => {
  it("given two processes racing to claim one key, exactly one wins", async () => {
    const key = randomUUID();
    const stores = [
      eventStoreIdempotency(processA, { fingerprintKey }),
      eventStoreIdempotency(processB, { fingerprintKey }),
    ];
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => stores[i % 2]!.claim(key, "org/user", "hash-1")),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("given a completed request, the other process replays it without running the handler", async () => {
    const request = { key: randomUUID(), scope: "org/user", hash: "hash-1" };
    let runs = 0;
    const execute = async () => {
      runs += 1;
      return { status: 201, body: { id: "thing-1" }, etag: 0, position: "42" };
    };
    const first = await runIdempotently(
      eventStoreIdempotency(processA, { fingerprintKey }),
      request,
      execute,
    );
    const second = await runIdempotently(
      eventStoreIdempotency(processB, { fingerprintKey }),
      request,
      execute,
    );
    expect(runs).toBe(1);
    expect(second).toEqual({ response: first.response, replayed: true });
  });

  it("given a claim abandoned by a crashed process, a retry after the timeout may run", async () => {
    const key = randomUUID();
    expect(
      await eventStoreIdempotency(processA, { fingerprintKey }).claim(key, "org/user", "hash-1"),
    ).toBe(true);
    const later = eventStoreIdempotency(processB, {
      fingerprintKey,
      claimTimeoutMs: 1000,
      now: () => new Date(Date.now() + 5000),
    });
    expect(await later.get(key, "org/user")).toBeUndefined();
    expect(await later.claim(key, "org/user", "hash-1")).toBe(true);
    expect(
      await eventStoreIdempotency(processA, { fingerprintKey }).claim(key, "org/user", "hash-1"),
    ).toBe(false);
  });

  it("stores neither the key nor the scope in the stream name", async () => {
    const key = `visible-${randomUUID()}`;
    await eventStoreIdempotency(processA, { fingerprintKey }).claim(
      key,
      "org-school/user-7",
      "hash-1",
    );
    const streams = await processA.listStreams({ limit: 1000 });
    // The claim wrote a stream, so the checks below are not about an empty list.
    expect(streams.length).toBeGreaterThan(0);
    expect(streams.some((id) => id.includes("visible") || id.includes("user-7"))).toBe(false);
    expect(streams.every((id) => /^idempotency-[0-9a-f]{64}$/.test(id))).toBe(true);
  });
});

describe("request fingerprints", () => {
  it("are keyed: the same request gives the same fingerprint only under the same master key", () => {
    const body = { subject: { name: "Sam de Vries", dateOfBirth: "2011-01-15" } };
    const other = masterKeyFrom(randomBytes(32)).derive("test fingerprint");
    const a = eventStoreIdempotency(processA, { fingerprintKey });
    const b = eventStoreIdempotency(processB, { fingerprintKey });
    const c = eventStoreIdempotency(processA, { fingerprintKey: other });
    const ours = a.fingerprint("POST", "/v1/cases", body);
    expect(b.fingerprint("POST", "/v1/cases", body)).toBe(ours);
    expect(c.fingerprint("POST", "/v1/cases", body)).not.toBe(ours);
    const plain = createHash("sha256")
      .update(`POST /v1/cases\n${canonicalJson(body)}`)
      .digest("hex");
    expect(ours).not.toBe(plain);
  });
});
