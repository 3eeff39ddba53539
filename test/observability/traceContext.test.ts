import { context, ROOT_CONTEXT, TraceFlags, trace } from "@opentelemetry/api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COVENANT_ID } from "../../src/demo/organisations.js";
import { castOf, playStory } from "../../src/demo/scenario.js";
import { processingTrace, withForeignOperation } from "../../src/observability/tracing.js";
import { canonicalJson } from "../../src/store/hashChain.js";
import type { EventMetadata, Json } from "../../src/store/types.js";
import { startTestService } from "../api/support/service.js";
import { mentorReadsCase } from "./support/mentorRead.js";
import {
  hostileEntity,
  hostileTraceparent,
  partnerTraceparent,
  w3cCallerOf,
} from "./support/traceparent.js";

const OUR_TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

let demo: Awaited<ReturnType<typeof startWithStory>>;
beforeAll(async () => {
  demo = await startWithStory();
}, 60_000);

/** The demo covenant, then its story played through the API: where the story's events begin and end. */
async function startWithStory() {
  const service = await startTestService("sqlite", { seedDemo: true });
  const store = service.service.system.store;
  const storyStart = await store.headPosition();
  const cast = await castOf({ config: service.config, url: service.url });
  const ids = await playStory(cast);
  return { service, cast, ids, storyStart, storyEnd: await store.headPosition() };
}
afterAll(() => demo.service.close());

/** Reads the demo case as the mentor with these headers; the answer and the read's metadata. */
async function readCase(headers: Record<string, string>) {
  const { response, record } = await mentorReadsCase(demo, headers);
  const ours = OUR_TRACEPARENT.exec(response.headers.get("traceparent") ?? "");
  return {
    response,
    trace: record?.metadata.trace,
    ours: ours && { traceId: ours[1], spanId: ours[2] },
  };
}

describe("trace context of a request", () => {
  it("Given a partner system's traceparent and entity, when it reads a case, then the read record carries our trace and the partner's operation apart", async () => {
    const partner = partnerTraceparent();
    const { response, trace, ours } = await readCase({
      traceparent: partner.header,
      tracestate: "partner=opaque",
      "ldv-foreign-entity": "https://partner.example/ldv",
    });

    expect(response.status).toBe(200);
    expect(ours).toBeTruthy();
    expect(ours?.traceId).not.toBe(partner.traceId);
    expect(trace).toEqual({
      traceId: ours?.traceId,
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
      parentSpanId: ours?.spanId,
      foreign: {
        traceId: partner.traceId,
        spanId: partner.spanId,
        entity: "https://partner.example/ldv",
      },
    });
    expect(trace?.spanId).not.toBe(ours?.spanId);
    const logged = demo.service.logs.map((line) => JSON.parse(line) as { traceId?: string });
    expect(logged.some((line) => line.traceId === ours?.traceId)).toBe(true);
  });

  it("Given a request's context with a partner's operation, then the trace metadata an append gets is built in the hash chain's key order, so it is not copied to be hashed", () => {
    const request = trace.wrapSpanContext({
      traceId: "a".repeat(32),
      spanId: "b".repeat(16),
      traceFlags: TraceFlags.SAMPLED,
    });
    const foreign = { entity: "urn:partner", spanId: "c".repeat(16), traceId: "d".repeat(32) };
    const served = trace.setSpan(withForeignOperation(ROOT_CONTEXT, foreign), request);

    const metadata = context.with(served, processingTrace);

    expect(metadata).toMatchObject({ parentSpanId: "b".repeat(16), traceId: "a".repeat(32) });
    expect(JSON.stringify(metadata)).toBe(canonicalJson(metadata as unknown as Json));
  });

  it("Given no traceparent, when a case is read, then the read starts a trace of its own and names no partner", async () => {
    const { trace, ours } = await readCase({});
    expect(trace).toEqual({
      traceId: ours?.traceId,
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
      parentSpanId: ours?.spanId,
    });
  });

  it("Given the demo story played through the API, then every event it appended carries a trace", async () => {
    const store = demo.service.service.system.store;
    const appended = await store.readAll({ fromPosition: demo.storyStart, limit: 10_000 });
    const byRequests = appended.filter((event) => event.position <= demo.storyEnd);
    expect(byRequests.length).toBeGreaterThan(10);
    const untraced = byRequests.filter(
      (event) => !/^[0-9a-f]{32}$/.test(event.metadata.trace?.traceId ?? ""),
    );
    expect(untraced.map((event) => event.type)).toEqual([]);
  });

  it("Given any traceparent and entity header a partner may send, when it reads a case, then it gets its answer, never a 5xx, and only a well-formed caller is kept", async () => {
    await fc.assert(
      fc.asyncProperty(hostileTraceparent, hostileEntity, async (traceparent, entity) => {
        const { response, trace, ours } = await readCase({
          traceparent,
          "ldv-foreign-entity": entity,
        });
        expect(response.status).toBe(200);
        expect(ours).toBeTruthy();
        expect(trace?.traceId).toBe(ours?.traceId);
        const caller = w3cCallerOf(traceparent);
        const foreign: EventMetadata["trace"] extends infer T ? T : never = trace;
        expect(
          foreign?.foreign && { traceId: foreign.foreign.traceId, spanId: foreign.foreign.spanId },
        ).toEqual(caller);
        const kept = trace?.foreign?.entity;
        if (kept !== undefined) {
          expect(kept).toBe(entity);
          expect(kept).toMatch(/^(https?:\/\/|urn:)[^?#]{1,250}$/);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe("trace context of a request whose body comes later", () => {
  it("Given a signal whose body arrives after its headers, when it is raised, then the case's events still carry the request's trace", async () => {
    const token = await demo.service.token(demo.cast.mentor.organisationId, ["professional"]);
    const body = JSON.stringify({
      covenantId: DEMO_COVENANT_ID,
      subject: {
        name: "Traag Verzonden",
        dateOfBirth: "2011-02-03",
        school: "Het Rivierencollege",
      },
      contact: { name: "Mentor", function: "mentor", reach: "06-00000000" },
      category: "verzuim",
      level: "preventie",
      urgency: "medium",
      description: "Het lichaam van dit verzoek komt pas na de kopregels binnen.",
    });
    // The body is sent in two parts, the second after the headers have been handled.
    const slowBody = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, 10)));
        await new Promise((resolve) => setTimeout(resolve, 100));
        controller.enqueue(new TextEncoder().encode(body.slice(10)));
        controller.close();
      },
    });
    const response = await fetch(`${demo.service.url}/v1/cases`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: slowBody,
      duplex: "half",
    } as RequestInit);
    const ours = OUR_TRACEPARENT.exec(response.headers.get("traceparent") ?? "");
    const { caseId } = (await response.json()) as { caseId: string };

    expect(response.status).toBe(201);
    const events = await demo.service.service.system.store.readStream(`case-${caseId}`);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((event) => event.metadata.trace?.traceId)).toEqual(
      events.map(() => ours?.[1]),
    );
  });
});
