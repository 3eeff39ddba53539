import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONTENT,
  DEMO_COVENANT_ID,
  type DemoCase,
  ORG,
  startWithDemoCase,
} from "./support/demoCase.js";
import type { StoreKind } from "./support/service.js";

const covenant = `covenant=${DEMO_COVENANT_ID}`;

function expectNoContent(body: unknown) {
  const text = JSON.stringify(body);
  for (const secret of CONTENT) expect(text).not.toContain(secret);
}

describe.each<StoreKind>(["sqlite", "postgres"])("privacy officer audit on %s", (kind) => {
  let demo: DemoCase;
  const officer = async (organisationId: string) =>
    demo.service.token(organisationId, ["privacy-officer"], `fg-${organisationId}`);
  const get = async (organisationId: string, path: string) => {
    const response = await demo.service.call(await officer(organisationId), "GET", path);
    // biome-ignore lint/suspicious/noExplicitAny: the schema test types these bodies; here they are read
    const body: any = await response.json();
    return { status: response.status, body };
  };
  beforeAll(async () => {
    demo = await startWithDemoCase(kind);
  }, 60_000);
  afterAll(() => demo?.service.close());

  it("the covenant's officer sees every disclosure as metadata, never content", async () => {
    const { status, body } = await get(
      ORG.samenwerkingsverband,
      `/v1/audit/disclosures?${covenant}`,
    );
    expect(status).toBe(200);
    expect(body.scope).toBe("covenant");
    expect(body.items.map((d: { shareId: string }) => d.shareId).sort()).toEqual(
      [demo.ids.policeShareId, demo.ids.schoolShareId].sort(),
    );
    const police = body.items.find(
      (d: { shareId: string }) => d.shareId === demo.ids.policeShareId,
    );
    expect(police).toMatchObject({
      sharedBy: ORG.police,
      recipients: [ORG.leerplicht],
      dataCategories: ["politiegegevens"],
      legalBasisId: "wpg-20",
      purposeId: "voorkomen-jeugdcriminaliteit",
      decisionReference: expect.stringContaining("art. 20 Wpg"),
    });
    expect(police).not.toHaveProperty("content");
    expectNoContent(body);
  });

  it("serving the decrypted necessity statement and Wpg justification is a recorded read (rules 5, 8)", async () => {
    const readsBy = async (organisationId: string) => {
      const stream = await demo.service.service.system.store.readStream(
        `access-${demo.ids.caseId}`,
      );
      return stream
        .map((event) => event.data)
        .filter(
          (data) => data.organisationId === organisationId && data.purpose === "privacytoezicht",
        );
    };
    expect(await readsBy(ORG.secondarySchool)).toEqual([]);

    await get(ORG.secondarySchool, `/v1/audit/disclosures?${covenant}`);
    const school = await readsBy(ORG.secondarySchool);
    expect(school).toHaveLength(1);
    expect(school[0]).toMatchObject({
      userId: `fg-${ORG.secondarySchool}`,
      itemIds: [`necessity:${demo.ids.schoolShareId}`],
    });

    await get(ORG.samenwerkingsverband, `/v1/audit/disclosures?${covenant}`);
    const [covenantOfficer] = await readsBy(ORG.samenwerkingsverband);
    expect(covenantOfficer?.itemIds).toEqual(
      expect.arrayContaining([
        `necessity:${demo.ids.policeShareId}`,
        `weighty-public-interest:${demo.ids.policeShareId}`,
        `necessity:${demo.ids.schoolShareId}`,
      ]),
    );
    expectNoContent(covenantOfficer);
  });

  it("a page of the register records only the statements it shows, and links to the next", async () => {
    const officerReads = async () =>
      (await demo.service.service.system.store.readStream(`access-${demo.ids.caseId}`))
        .map((event) => event.data)
        .filter(
          (data) => data.organisationId === ORG.leerplicht && data.purpose === "privacytoezicht",
        );
    const before = (await officerReads()).length;

    const first = await get(ORG.leerplicht, `/v1/audit/disclosures?${covenant}&limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const [shown] = first.body.items.map((d: { shareId: string }) => d.shareId);
    const recorded = (await officerReads()).slice(before);
    expect(recorded.flatMap((read) => read.itemIds)).toEqual(
      expect.arrayContaining([`necessity:${shown}`]),
    );
    expect(JSON.stringify(recorded)).not.toContain(
      [demo.ids.policeShareId, demo.ids.schoolShareId].find((id) => id !== shown),
    );

    const second = await get(ORG.leerplicht, first.body.next);
    expect(second.body.items.map((d: { shareId: string }) => d.shareId)).not.toContain(shown);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.next).toBeNull();
  });

  it("a member's officer sees only what its organisation shared or received", async () => {
    const school = await get(ORG.secondarySchool, `/v1/audit/disclosures?${covenant}`);
    expect(school.body.scope).toBe("organisation");
    expect(school.body.items.map((d: { shareId: string }) => d.shareId)).toEqual([
      demo.ids.schoolShareId,
    ]);
    const leerplicht = await get(ORG.leerplicht, `/v1/audit/disclosures?${covenant}`);
    expect(leerplicht.body.items).toHaveLength(2);
    const youthWork = await get(ORG.jongerenwerk, `/v1/audit/disclosures?${covenant}`);
    expect(youthWork.body.items).toEqual([]);
  });

  it("filters disclosures by case, organisation and period", async () => {
    const byCase = await get(
      ORG.samenwerkingsverband,
      `/v1/audit/disclosures?${covenant}&case=${randomUUID()}`,
    );
    expect(byCase.body.items).toEqual([]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const later = await get(
      ORG.samenwerkingsverband,
      `/v1/audit/disclosures?${covenant}&from=${future}`,
    );
    expect(later.body.items).toEqual([]);
    const byPolice = await get(
      ORG.samenwerkingsverband,
      `/v1/audit/disclosures?${covenant}&organisation=${ORG.police}`,
    );
    expect(byPolice.body.items.map((d: { shareId: string }) => d.shareId)).toEqual([
      demo.ids.policeShareId,
    ]);
  });

  it("the access log: the covenant's officer sees every read, a member's officer its own users' reads", async () => {
    const school = await demo.service.token(ORG.secondarySchool, ["professional"], "mentor-2");
    expect((await demo.service.call(school, "GET", `/v1/cases/${demo.ids.caseId}`)).status).toBe(
      200,
    );
    const all = await get(
      ORG.samenwerkingsverband,
      `/v1/audit/access?${covenant}&case=${demo.ids.caseId}`,
    );
    expect(all.body.scope).toBe("covenant");
    expect(all.body.items.some((r: { userId: string }) => r.userId === "mentor-2")).toBe(true);
    const own = await get(ORG.secondarySchool, `/v1/audit/access?${covenant}`);
    expect(own.body.items.length).toBeGreaterThan(0);
    for (const read of own.body.items) expect(read.organisationId).toBe(ORG.secondarySchool);
    const police = await get(ORG.police, `/v1/audit/access?${covenant}`);
    expect(police.body.items.some((r: { userId: string }) => r.userId === "mentor-2")).toBe(false);
    expectNoContent([all.body, own.body]);
  });

  it("what an organisation could see in a case at a moment: item ids, no content", async () => {
    const path = `/v1/audit/cases/${demo.ids.caseId}/visibility`;
    const leerplicht = await get(
      ORG.samenwerkingsverband,
      `${path}?organisation=${ORG.leerplicht}`,
    );
    expect(leerplicht.body.access).toBe("case");
    const itemIds = leerplicht.body.items.map((item: { id: string }) => item.id);
    expect(itemIds).toContain(`share:${demo.ids.policeShareId}`);
    const school = await get(
      ORG.samenwerkingsverband,
      `${path}?organisation=${ORG.secondarySchool}`,
    );
    expect(school.body.items.map((item: { id: string }) => item.id)).not.toContain(
      `share:${demo.ids.policeShareId}`,
    );
    const youthWork = await get(
      ORG.samenwerkingsverband,
      `${path}?organisation=${ORG.jongerenwerk}`,
    );
    expect(youthWork.body.access).toBe("invitation");
    const before = await get(
      ORG.samenwerkingsverband,
      `${path}?organisation=${ORG.leerplicht}&at=2000-01-01T00:00:00Z`,
    );
    expect(before.body).toMatchObject({ access: "none", items: [] });
    expectNoContent([leerplicht.body, school.body, youthWork.body]);
  });

  it("a member's officer asks only about its own organisation, and only in its cases", async () => {
    const path = `/v1/audit/cases/${demo.ids.caseId}/visibility`;
    expect((await get(ORG.secondarySchool, path)).body.access).toBe("case");
    expect((await get(ORG.secondarySchool, `${path}?organisation=${ORG.police}`)).status).toBe(403);
    expect((await get(ORG.halt, path)).status).toBe(404);
    expect(
      (await get(ORG.samenwerkingsverband, `/v1/audit/cases/${randomUUID()}/visibility`)).status,
    ).toBe(404);
  });

  it("integrity: the covenant's officer gets the hash-chain report; others may not", async () => {
    const report = await get(ORG.samenwerkingsverband, `/v1/audit/integrity?${covenant}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ intact: true, broken: [], brokenElsewhere: 0 });
    expect(report.body.streamsChecked).toBeGreaterThan(2);
    const refused = await get(ORG.secondarySchool, `/v1/audit/integrity?${covenant}`);
    expect(refused.status).toBe(403);
    // The role is right (privacy officer); the organisation is not the covenant's chair.
    expect(refused.body.type).toBe(
      "https://casustafel.example/problems/organisation-not-permitted",
    );
  });
});

describe("audit refusals", () => {
  let demo: DemoCase;
  beforeAll(async () => {
    demo = await startWithDemoCase("sqlite");
  }, 60_000);
  afterAll(() => demo?.service.close());

  it("roles other than privacy-officer get 403 on every audit resource", async () => {
    for (const role of ["professional", "chair", "admin", "analyst"] as const) {
      const token = await demo.service.token(ORG.samenwerkingsverband, [role]);
      for (const path of [
        `/v1/audit/disclosures?${covenant}`,
        `/v1/audit/access?${covenant}`,
        `/v1/audit/cases/${demo.ids.caseId}/visibility`,
        `/v1/audit/integrity?${covenant}`,
      ]) {
        expect((await demo.service.call(token, "GET", path)).status, `${role} ${path}`).toBe(403);
      }
    }
  });

  it("an unknown covenant, or one the officer's organisation is not in, is 404", async () => {
    const token = await demo.service.token(ORG.samenwerkingsverband, ["privacy-officer"]);
    const unknown = await demo.service.call(
      token,
      "GET",
      `/v1/audit/disclosures?covenant=${randomUUID()}`,
    );
    expect(unknown.status).toBe(404);
    const stranger = await demo.service.token(`other-${randomUUID()}`, ["privacy-officer"]);
    expect((await demo.service.call(stranger, "GET", `/v1/audit/access?${covenant}`)).status).toBe(
      404,
    );
  });

  it("the covenant is required and must be a UUID (400)", async () => {
    const token = await demo.service.token(ORG.samenwerkingsverband, ["privacy-officer"]);
    expect((await demo.service.call(token, "GET", "/v1/audit/disclosures")).status).toBe(400);
    expect((await demo.service.call(token, "GET", "/v1/audit/disclosures?covenant=x")).status).toBe(
      400,
    );
  });
});
