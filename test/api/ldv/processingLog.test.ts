import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONTENT,
  DEMO_COVENANT_ID,
  type DemoCase,
  ORG,
  startWithDemoCase,
} from "../support/demoCase.js";

type Attribute = { key: string; value: string };
type LdvRecord = {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  start_time: string;
  status_code: string;
  attributes: Attribute[];
};

const attribute = (record: LdvRecord, key: string) =>
  record.attributes.find((pair) => pair.key === key)?.value;
const activityOf = (record: LdvRecord) => attribute(record, "dpl.core.processing_activity_id");
const subjectOf = (record: LdvRecord) => attribute(record, "dpl.core.data_subject_id");

/** What the story stores about Sem besides CONTENT: his birth date and school. */
const IDENTITY = [...CONTENT, "2010-05-14", "Rivierencollege", "Vries"];

describe("Given the demo case, then a purpose changed, a refused share and an erasure", () => {
  let demo: DemoCase;
  const token = (org: string, role: "professional" | "privacy-officer" | "admin", sub: string) =>
    demo.service.token(org, [role], sub);
  const officer = () => token(ORG.samenwerkingsverband, "privacy-officer", "fg-swv");
  const query = async (body: Record<string, unknown>, who?: string) => {
    const response = await demo.service.call(
      who ?? (await officer()),
      "POST",
      "/v1/ldv/processing-activities",
      {
        covenant: DEMO_COVENANT_ID,
        ...body,
      },
    );
    // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI contract test types these bodies
    const answer: any = await response.json();
    return { status: response.status, answer, items: (answer.items ?? []) as LdvRecord[] };
  };
  const readCase = async (purpose?: string) => {
    const mentor = await token(ORG.secondarySchool, "professional", "mentor-3havo");
    const headers: Record<string, string> = purpose ? { "Purpose-Of-Use": purpose } : {};
    return demo.service.call(mentor, "GET", `/v1/cases/${demo.ids.caseId}`, undefined, headers);
  };

  beforeAll(async () => {
    demo = await startWithDemoCase("sqlite");
    expect((await readCase("schoolverzuim")).status).toBe(200);
    const admin = await token(ORG.samenwerkingsverband, "admin", "beheer-swv");
    const retention = await demo.service.call(
      admin,
      "PUT",
      `/v1/covenants/${DEMO_COVENANT_ID}/retention/schoolverzuim`,
      { yearsAfterClosure: 7 },
    );
    expect(retention.status).toBe(200);
    expect((await readCase("schoolverzuim")).status).toBe(200);
    const revisionBefore = (await readCase()).headers.get("etag");
    const wijkagent = await token(ORG.police, "professional", "wijkagent-centrum");
    const refused = await demo.service.call(
      wijkagent,
      "POST",
      `/v1/cases/${demo.ids.caseId}/shares`,
      {
        recipients: [ORG.leerplicht],
        dataCategories: ["gezondheid"],
        legalBasisId: "wpg-20",
        purposeId: "voorkomen-jeugdcriminaliteit",
        necessity: "Zonder dit kan leerplicht niet handelen.",
        content: "Sem slikt medicatie.",
      },
    );
    expect(refused.status).toBe(422);
    // A refusal is on record in its own stream: the case's revision does not move.
    expect((await readCase()).headers.get("etag")).toBe(revisionBefore);
    const erased = await demo.service.call(
      await officer(),
      "POST",
      `/v1/subjects/${demo.ids.subjectId}/erasure`,
      {
        covenantId: DEMO_COVENANT_ID,
        reason: "data-subject-request",
      },
    );
    expect(erased.status).toBe(200);
  }, 90_000);
  afterAll(() => demo?.service.close());

  it("when the log is asked for the subject, then every read, share, refusal and erasure is exactly one record", async () => {
    const store = demo.service.service.system.store;
    const events = await store.readAll({ limit: 100_000 });
    const bySubject = events.filter((event) => event.data.subjectId === demo.ids.subjectId);
    const expected = {
      read: bySubject.filter((e) => e.type === "CaseContentRead").map((e) => e.eventId),
      share: bySubject.filter((e) => e.type === "InformationShared").map((e) => e.eventId),
      "share-refusal": bySubject
        .filter((e) => e.type === "ShareAttemptRefused")
        .map((e) => e.eventId),
      erasure: bySubject.filter((e) => e.type === "SubjectErased").map((e) => e.eventId),
    };
    expect(expected.share).toHaveLength(2);
    expect(expected["share-refusal"]).toHaveLength(1);
    expect(expected.erasure).toHaveLength(1);

    const { status, items } = await query({ data_subject_id: demo.ids.subjectId });
    expect(status).toBe(200);
    for (const [name, eventIds] of Object.entries(expected)) {
      expect(items.filter((record) => record.name === name)).toHaveLength(eventIds.length);
    }
    expect(new Set(items.map((record) => record.span_id)).size).toBe(items.length);
    for (const record of items) {
      expect(subjectOf(record)).toBe(demo.ids.subjectId);
      expect(record.status_code).toBe("OK");
      expect(record.trace_id).toMatch(/^[0-9a-f]{32}$/);
      expect(record.span_id).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it("then each record names the activity version in force at its time, and that URI resolves", async () => {
    const { items } = await query({ data_subject_id: demo.ids.subjectId });
    const purposeReads = items.filter((record) => activityOf(record)?.includes("/schoolverzuim/"));
    const versions = purposeReads.map((record) => Number(activityOf(record)!.split("/").at(-1)));
    // The school's share and the first read under one version; the read after the retention change under the next.
    const [shared, before, after] = versions;
    expect(versions).toHaveLength(3);
    expect(before).toBe(shared);
    expect(after).toBe(before! + 1);
    const member = await demo.service.token(ORG.police, ["professional"], "wijkagent-centrum");
    const register = await demo.service.call(
      member,
      "GET",
      `/v1/covenants/${DEMO_COVENANT_ID}/processing-activities`,
    );
    const { activities } = (await register.json()) as {
      activities: { uri: string; activityId: string; validFrom: string }[];
    };
    for (const record of items) {
      const named = activities.find((version) => version.uri === activityOf(record))!;
      const inForce = activities
        .filter((version) => version.activityId === named.activityId)
        .filter((version) => Date.parse(version.validFrom) <= Date.parse(record.start_time))
        .at(-1);
      expect(inForce?.uri).toBe(named.uri);
      const resolved = await demo.service.call(member, "GET", new URL(named.uri).pathname);
      expect(resolved.status).toBe(200);
    }
    const refusal = items.find((record) => record.name === "share-refusal")!;
    expect(activityOf(refusal)).toMatch(/\/voorkomen-jeugdcriminaliteit\/versions\/\d+$/);
    const erasure = items.find((record) => record.name === "erasure")!;
    expect(activityOf(erasure)).toMatch(/\/verwijdering\/versions\/\d+$/);
  });

  it("when asked by trace id or by activity, then exactly those records come back", async () => {
    const { items } = await query({ data_subject_id: demo.ids.subjectId });
    const refusal = items.find((record) => record.name === "share-refusal")!;
    const byTrace = await query({ trace_id: refusal.trace_id });
    expect(byTrace.status).toBe(200);
    expect(byTrace.items.map((record) => record.span_id)).toEqual([refusal.span_id]);

    const v2 = activityOf(
      items.filter((record) => activityOf(record)?.includes("/schoolverzuim/")).at(-1)!,
    )!;
    const byActivity = await query({ processing_activity_id: v2 });
    expect(byActivity.items).toHaveLength(1);
    const anyVersion = await query({ processing_activity_id: v2.replace(/\/versions\/\d+$/, "") });
    expect(anyVersion.items).toHaveLength(3);

    const future = await query({
      data_subject_id: demo.ids.subjectId,
      period: { from: "2999-01-01T00:00:00Z" },
    });
    expect(future.items).toEqual([]);
  });

  it("when none of trace, activity and subject is named, then 400 names what is missing", async () => {
    const { status, answer } = await query({ period: { from: "2020-01-01T00:00:00Z" } });
    expect(status).toBe(400);
    expect(JSON.stringify(answer.errors)).toContain("trace_id");
  });

  it("when a member's privacy officer asks, then only its own organisation's actions come back", async () => {
    const school = await token(ORG.secondarySchool, "privacy-officer", "fg-school");
    const own = await query({ data_subject_id: demo.ids.subjectId }, school);
    expect(own.status).toBe(200);
    expect(own.answer.scope).toBe("organisation");
    const all = await query({ data_subject_id: demo.ids.subjectId });
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.length).toBeLessThan(all.items.length);
    expect(own.items.some((record) => record.name === "share-refusal")).toBe(false);
    const professional = await token(ORG.secondarySchool, "professional", "mentor-3havo");
    expect((await query({ data_subject_id: demo.ids.subjectId }, professional)).status).toBe(403);
  });

  it("then no record and no NEN 7513 entry holds the young person's identity or any content", async () => {
    const { items } = await query({ data_subject_id: demo.ids.subjectId });
    const nen = await demo.service.call(
      await officer(),
      "GET",
      `/v1/ldv/nen7513?covenant=${DEMO_COVENANT_ID}`,
    );
    const csv = await demo.service.call(
      await officer(),
      "GET",
      `/v1/ldv/nen7513.csv?covenant=${DEMO_COVENANT_ID}`,
    );
    const text = JSON.stringify(items) + (await nen.text()) + (await csv.text());
    for (const secret of IDENTITY) expect(text).not.toContain(secret);
  });
});
