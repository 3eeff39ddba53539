import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castOf, playStory } from "../../src/demo/scenario.js";
import { CONTENT } from "../api/support/demoCase.js";
import { startTestService } from "../api/support/service.js";
import { mentorReadsCase } from "./support/mentorRead.js";
import { startOtlpReceiver } from "./support/otlpReceiver.js";
import { partnerTraceparent } from "./support/traceparent.js";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let demo: Awaited<ReturnType<typeof startWithLogbook>>;

/** The service exporting to a real OTLP receiver, with the demo story played through it. */
async function startWithLogbook() {
  const service = await startTestService("sqlite", {
    seedDemo: true,
    env: {
      LDV_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: "casustafel-test",
    },
  });
  const cast = await castOf({ config: service.config, url: service.url });
  return { service, cast, ids: await playStory(cast) };
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  demo = await startWithLogbook();
}, 60_000);
afterAll(async () => {
  await demo.service.close();
  await receiver.close();
});

/** The mentor reads the demo case with these headers; the answer's status and its stored read record. */
async function readCase(headers: Record<string, string> = {}) {
  const { response, record } = await mentorReadsCase(demo, headers);
  if (!record) throw new Error("the read left no record");
  return { status: response.status, record };
}

const nanos = (iso: string) => String(BigInt(Date.parse(iso)) * 1_000_000n);

describe("processing records exported to LDV_OTLP_ENDPOINT", () => {
  it("Given a partner's traceparent, when it reads a case, then the receiver gets the read as a span with our ids, the partner's operation, and pseudonymous attributes only", async () => {
    const partner = partnerTraceparent();
    const { status, record } = await readCase({
      traceparent: partner.header,
      "ldv-foreign-entity": "urn:partner:politie",
    });
    expect(status).toBe(200);
    const trace = record.metadata.trace;
    const span = await receiver.spanWhere((received) => received.parentSpanId === trace?.spanId);

    expect(span).toMatchObject({
      traceId: trace?.traceId,
      parentSpanId: trace?.spanId,
      name: "read",
      startTimeUnixNano: nanos(String(record.data.readAt)),
      status: { code: 1 },
      links: [{ traceId: partner.traceId, spanId: partner.spanId }],
      resource: { "service.name": "casustafel-test" },
    });
    expect(span.attributes).toEqual({
      "dpl.core.processing_activity_id": expect.stringMatching(
        /\/processing-activities\/casusoverleg\/versions\/\d+$/,
      ),
      "dpl.core.data_subject_id": demo.ids.subjectId,
      "dpl.core.data_subject_id_type": "casustafel-subject-pseudonym",
      "dpl.core.foreign_operation.trace_id": partner.traceId,
      "dpl.core.foreign_operation.span_id": partner.spanId,
      "dpl.core.foreign_operation.entity": "urn:partner:politie",
    });
  });

  it("Given request spans exported too, when a partner reads a case, then its server span names the route pattern and status only, linked to the partner's span", async () => {
    const partner = partnerTraceparent();
    const { record } = await readCase({ traceparent: partner.header });
    const serverSpanId = record.metadata.trace?.parentSpanId;
    const span = await receiver.spanWhere((received) => received.spanId === serverSpanId);

    expect(span).toMatchObject({
      traceId: record.metadata.trace?.traceId,
      name: "GET /v1/cases/{caseId}",
      links: [{ traceId: partner.traceId, spanId: partner.spanId }],
    });
    expect(span.parentSpanId ?? "").toBe("");
    expect(span.attributes).toEqual({
      "http.request.method": "GET",
      "http.route": "/v1/cases/{caseId}",
      "http.response.status_code": "200",
    });
  });

  it("Given the story's reads, then each arrived once, and nothing the receiver got names a person or quotes content", async () => {
    const { record } = await readCase();
    await receiver.spanWhere((span) => span.parentSpanId === record.metadata.trace?.spanId);
    const spanIds = receiver.spans.map((span) => span.spanId);
    expect(new Set(spanIds).size).toBe(spanIds.length);
    const everything = receiver.bodies.join("\n");
    for (const text of CONTENT) expect(everything).not.toContain(text);
    expect(everything).not.toContain(demo.ids.caseId);
  });

  it("Given a logbook that refuses exports for a while, when cases are read meanwhile, then every read is answered and its record arrives once the logbook takes it", async () => {
    receiver.refuseNext(7);
    const reads = [await readCase(), await readCase(), await readCase()];
    expect(reads.map(({ status }) => status)).toEqual([200, 200, 200]);
    for (const { record } of reads) {
      await receiver.spanWhere(
        (span) => span.parentSpanId === record.metadata.trace?.spanId,
        50_000,
      );
    }
  }, 60_000);
});
