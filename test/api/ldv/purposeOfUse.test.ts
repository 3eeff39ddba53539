import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoCase, ORG, startWithDemoCase } from "../support/demoCase.js";

/** The demo covenant's purposes plus the statutory ones a reader may state (issue 13). */
const STATABLE = [
  "casusoverleg",
  "inzageverzoek",
  "toezicht",
  "calamiteit",
  "veiligheid-in-en-om-school",
  "voorkomen-jeugdcriminaliteit",
  "schoolverzuim",
  "passende-ondersteuning",
];
const BUILT_IN = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];

describe("Given the demo case, when a professional states why it reads", () => {
  let demo: DemoCase;
  let mentor: string;
  const lastPurpose = async (streamId: string) => {
    const events = await demo.service.service.system.store.readStream(streamId);
    return { count: events.length, purpose: events.at(-1)?.data.purpose };
  };
  const caseReads = () => lastPurpose(`access-${demo.ids.caseId}`);
  const read = (path: string, headers: Record<string, string> = {}) =>
    demo.service.call(mentor, "GET", path, undefined, headers);

  beforeAll(async () => {
    demo = await startWithDemoCase("sqlite");
    mentor = await demo.service.token(ORG.secondarySchool, ["professional"], "mentor-3havo");
  }, 90_000);
  afterAll(() => demo?.service.close());

  it("then a read without a stated purpose is recorded as casusoverleg", async () => {
    expect((await read(`/v1/cases/${demo.ids.caseId}`)).status).toBe(200);
    expect((await caseReads()).purpose).toBe("casusoverleg");
  });

  it("then the Purpose-Of-Use header and the purposeOfUse parameter reach the access record", async () => {
    const byHeader = await read(`/v1/cases/${demo.ids.caseId}`, { "Purpose-Of-Use": "calamiteit" });
    expect(byHeader.status).toBe(200);
    expect((await caseReads()).purpose).toBe("calamiteit");
    const byQuery = await read(`/v1/cases/${demo.ids.caseId}?purposeOfUse=schoolverzuim`);
    expect(byQuery.status).toBe(200);
    expect((await caseReads()).purpose).toBe("schoolverzuim");
    const list = await read("/v1/cases?purposeOfUse=inzageverzoek");
    expect(list.status).toBe(200);
    expect((await caseReads()).purpose).toBe("inzageverzoek");
    const agreements = await read("/v1/agreements?purposeOfUse=toezicht");
    expect(agreements.status).toBe(200);
  });

  it("then an unknown purpose is a 400 naming the field, and nothing is read or recorded", async () => {
    const before = await caseReads();
    const unknown = await read(`/v1/cases/${demo.ids.caseId}?purposeOfUse=marketing`);
    expect(unknown.status).toBe(400);
    const problem = (await unknown.json()) as { errors: unknown[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({ in: "query", path: "/purposeOfUse" }),
    ]);
    const header = await read(`/v1/cases/${demo.ids.caseId}`, { "Purpose-Of-Use": "nieuwsgierig" });
    expect(header.status).toBe(400);
    const headerProblem = (await header.json()) as { errors: unknown[] };
    expect(headerProblem.errors[0]).toMatchObject({ in: "header" });
    const twoMinds = await read(`/v1/cases/${demo.ids.caseId}?purposeOfUse=toezicht`, {
      "Purpose-Of-Use": "calamiteit",
    });
    expect(twoMinds.status).toBe(400);
    expect((await caseReads()).count).toBe(before.count);
  });

  it("then the worklist keeps its own purpose, which marks when the organisation last looked", async () => {
    const leerplicht = await demo.service.token(
      ORG.leerplicht,
      ["professional"],
      "lpa-rivierenland",
    );
    const worklist = await demo.service.call(leerplicht, "GET", "/v1/worklist", undefined, {
      "Purpose-Of-Use": "toezicht",
    });
    expect(worklist.status).toBe(200);
    const requestId = worklist.headers.get("x-request-id");
    const events = await demo.service.service.system.store.readAll({ limit: 100_000 });
    const purposes = events
      .filter((event) => event.type === "CaseContentRead" && event.data.correlationId === requestId)
      .map((event) => event.data.purpose);
    expect(purposes.length).toBeGreaterThan(0);
    expect(new Set(purposes)).toEqual(new Set(["werklijst"]));
  });

  it("then hostile purposes in the query answer 200 only for a statable purpose, else 400, never 5xx", async () => {
    const hostile = fc.oneof(
      fc.constantFrom(...STATABLE, ...BUILT_IN, "", " casusoverleg", "CASUSOVERLEG", "werklijst"),
      fc.string({ maxLength: 80 }),
      fc.string({ unit: "binary", maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (purpose) => {
        const response = await read(
          `/v1/cases/${demo.ids.caseId}?purposeOfUse=${encodeURIComponent(purpose)}`,
        );
        expect(response.status).toBe(STATABLE.includes(purpose) ? 200 : 400);
        if (response.status === 200) expect((await caseReads()).purpose).toBe(purpose);
        else expect(response.headers.get("content-type")).toContain("application/problem+json");
        await response.body?.cancel();
      }),
      { numRuns: 60 },
    );
  });

  it("then hostile purposes in the header answer 200 only for a statable purpose, else 400", async () => {
    const headerValue = fc.oneof(
      fc.constantFrom(...STATABLE, ...BUILT_IN, "werklijst", "privacytoezicht"),
      fc.stringMatching(/^[\x21-\x7e]{1,80}$/),
    );
    await fc.assert(
      fc.asyncProperty(headerValue, async (purpose) => {
        const response = await read(`/v1/cases/${demo.ids.caseId}`, { "Purpose-Of-Use": purpose });
        expect(response.status).toBe(STATABLE.includes(purpose) ? 200 : 400);
        await response.body?.cancel();
      }),
      { numRuns: 40 },
    );
  });

  it("then a purpose of a covenant the reader is no member of is refused", async () => {
    const outsider = await demo.service.token("org-elders", ["professional"], "buiten");
    const response = await demo.service.call(outsider, "GET", "/v1/cases", undefined, {
      "Purpose-Of-Use": "schoolverzuim",
    });
    expect(response.status).toBe(400);
  });
});
