import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventType, personalFields } from "../../src/domain/index.js";
import { ERASED } from "../../src/privacy/codec/fieldCodec.js";
import { segmentsOf, valueAt } from "../../src/privacy/codec/fieldPaths.js";
import {
  CONTENT,
  DEMO_COVENANT_ID,
  type DemoCase,
  ORG,
  startWithDemoCase,
} from "./support/demoCase.js";
import { BUILT_IN_NAMES } from "./support/hostile.js";

// Before a privacy officer erases a young person, the service counts what will read
// "[erased]": the sealed fields as stored, so the confirmation is exact, not an estimate.

let demo: DemoCase;
beforeAll(async () => {
  demo = await startWithDemoCase();
}, 60_000);
afterAll(() => demo?.service.close());

interface Preview {
  subjectIds: string[];
  caseIds: string[];
  total: number;
  kinds: { eventType: string; events: number; fields: Record<string, number> }[];
}

const officer = (of = demo) =>
  of.service.token(ORG.samenwerkingsverband, ["privacy-officer"], "po-samenwerkingsverband");
const previewPath = (subjectId: string) =>
  `/v1/subjects/${encodeURIComponent(subjectId)}/erasure-preview?covenant=${DEMO_COVENANT_ID}`;

/** The independent count: every declared field of the young person's events that now reads "[erased]". */
async function erasedFieldsInStore(subjectIds: readonly string[], of = demo) {
  const { store, resources } = of.service.service.system;
  const events = await store.readAll({ limit: Number.MAX_SAFE_INTEGER });
  let erased = 0;
  for (const event of events) {
    if (!subjectIds.includes(String(event.data.subjectId))) continue;
    const paths = Object.hasOwn(personalFields, event.type)
      ? personalFields[event.type as EventType]
      : [];
    if (paths.length === 0) continue;
    const data = await resources.codec.decode(event.streamId, event.type, event.data);
    erased += paths.filter((path) => valueAt(data, segmentsOf(path)) === ERASED).length;
  }
  return erased;
}

describe("the erasure preview", () => {
  it("Given the demo case, when the officer previews and then erases the young person, then exactly the counted fields read [erased] everywhere in the store", async () => {
    const token = await officer();
    const response = await demo.service.call(token, "GET", previewPath(demo.ids.subjectId));
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const content of CONTENT) expect(text).not.toContain(content);
    const preview = JSON.parse(text) as Preview;
    expect(preview.caseIds).toContain(demo.ids.caseId);
    expect(preview.kinds).toContainEqual(
      expect.objectContaining({
        eventType: "CaseOpened",
        fields: expect.objectContaining({ "subject.name": 1 }),
      }),
    );
    expect(preview.total).toBeGreaterThan(10);
    expect(await erasedFieldsInStore(preview.subjectIds)).toBe(0);

    const erased = await demo.service.call(
      token,
      "POST",
      `/v1/subjects/${demo.ids.subjectId}/erasure`,
      { covenantId: DEMO_COVENANT_ID, reason: "data-subject-request" },
    );
    expect(erased.status).toBe(200);
    expect(await erasedFieldsInStore(preview.subjectIds)).toBe(preview.total);
  });

  it("Given anyone but the covenant's privacy officer, or a subject the covenant does not know, then nothing is counted", async () => {
    const professional = await demo.service.token(ORG.secondarySchool, ["professional"], "m");
    expect(
      (await demo.service.call(professional, "GET", previewPath(demo.ids.subjectId))).status,
    ).toBe(403);
    const token = await officer();
    const unknown = await demo.service.call(token, "GET", previewPath(crypto.randomUUID()));
    expect(unknown.status).toBe(404);
  });

  it("Given hostile subject ids, then the answer is a 4xx problem, never a 5xx", async () => {
    const token = await officer();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...BUILT_IN_NAMES), fc.string({ maxLength: 40 })),
        async (subjectId) => {
          const response = await demo.service.call(token, "GET", previewPath(subjectId));
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          await response.body?.cancel();
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the erasure preview of a long case", () => {
  const SIGNALS = 1_050;
  let long: DemoCase;
  beforeAll(async () => {
    long = await startWithDemoCase();
    const school = await long.service.token(ORG.secondarySchool, ["professional"]);
    // Each signal is one case event with a sealed description: the stream passes 1,000 events.
    for (let n = 0; n < SIGNALS; n++) {
      const response = await long.service.call(
        school,
        "POST",
        `/v1/cases/${long.ids.caseId}/signals`,
        { category: "verzuim", level: "preventie", urgency: "low", description: `Afwezig ${n}.` },
      );
      expect(response.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => long?.service.close());

  it("Given a case of more than 1,000 events, when the officer previews the erasure, then every sealed field is counted, the last signal's too", async () => {
    const response = await long.service.call(
      await officer(long),
      "GET",
      previewPath(long.ids.subjectId),
    );
    expect(response.status).toBe(200);
    const preview = (await response.json()) as Preview;
    const signals = preview.kinds.find((kind) => kind.eventType === "SignalRaised");
    expect(signals?.events).toBeGreaterThan(SIGNALS);

    const erased = await long.service.call(
      await officer(long),
      "POST",
      `/v1/subjects/${long.ids.subjectId}/erasure`,
      { covenantId: DEMO_COVENANT_ID, reason: "data-subject-request" },
    );
    expect(erased.status).toBe(200);
    expect(await erasedFieldsInStore(preview.subjectIds, long)).toBe(preview.total);
  }, 60_000);
});
