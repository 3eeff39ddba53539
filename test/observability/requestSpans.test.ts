import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTracing, type Tracing } from "../../src/observability/tracing.js";
import { startTestApi, type TestApi } from "../api/support/testApi.js";
import { startOtlpReceiver } from "./support/otlpReceiver.js";

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let tracing: Tracing;
let t: TestApi;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  tracing = createTracing({
    enabled: true,
    serviceName: "casustafel-spans",
    requestSpansEndpoint: receiver.url,
  })!;
  t = await startTestApi({}, { tracing });
});
afterAll(async () => {
  await t.close();
  await tracing.shutdown();
  await receiver.close();
});

/** The server span of the answer, by the span id its traceparent names. */
async function spanOf(response: Response) {
  await response.arrayBuffer();
  const spanId = /^00-[0-9a-f]{32}-([0-9a-f]{16})-01$/.exec(
    response.headers.get("traceparent") ?? "",
  )?.[1];
  return receiver.spanWhere((span) => span.spanId === spanId);
}

describe("request spans exported to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", () => {
  it("Given requests with personal values in path and query, when they are answered, then their spans carry route patterns and statuses only", async () => {
    const token = await t.token("org-school", ["professional"], "user-Pietje");
    const authorization = `Bearer ${token}`;
    const personal = "Pietje-Puk-Personal";
    const unknownThing = await fetch(`${t.url}/v1/things/${personal}?name=Secret-Query`, {
      headers: { authorization },
    });
    const failure = await fetch(`${t.url}/v1/failure`, { headers: { authorization } });
    const nowhere = await fetch(`${t.url}/nowhere/${personal}`);

    expect([unknownThing.status, failure.status, nowhere.status]).toEqual([400, 500, 404]);
    const refused = await spanOf(unknownThing);
    expect(refused.status.code ?? 0).toBe(0);
    expect(refused).toMatchObject({
      name: "GET /v1/things/{thingId}",
      attributes: {
        "http.request.method": "GET",
        "http.route": "/v1/things/{thingId}",
        "http.response.status_code": "400",
      },
      resource: { "service.name": "casustafel-spans" },
    });
    // Only a 5xx is an error of ours; a refusal is an answer.
    expect(await spanOf(failure)).toMatchObject({ name: "GET /v1/failure", status: { code: 2 } });
    expect(await spanOf(nowhere)).toMatchObject({
      name: "GET unmatched",
      attributes: { "http.route": "unmatched" },
    });
    const everything = receiver.bodies.join("\n");
    for (const secret of [personal, "Secret-Query", "Pietje", token, "org-school"]) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe("request spans without OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", () => {
  it("Given tracing on and no endpoint for request spans, then requests get their trace context without a recorded span; given one, they are recorded", async () => {
    const unexported = createTracing({ enabled: true, serviceName: "casustafel-quiet" })!;

    expect(unexported.recording).toBe(false);
    expect(tracing.recording).toBe(true);
    await unexported.shutdown();
  });
});
