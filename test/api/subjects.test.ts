import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COVENANT_ID, type DemoCase, ORG, startWithDemoCase } from "./support/demoCase.js";
import type { StoreKind } from "./support/service.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field; the schema test types them
type Body = any;

describe.each<StoreKind>(["sqlite", "postgres"])("subject report and erasure on %s", (kind) => {
  let demo: DemoCase;
  const call = async (
    org: string,
    role: "privacy-officer" | "professional",
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const token = await demo.service.token(org, [role], `${role}-${org}`);
    const response = await demo.service.call(token, method, path, body);
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as Body,
      headers: response.headers,
    };
  };
  const reportPath = () => `/v1/subjects/${demo.ids.subjectId}/report?covenant=${DEMO_COVENANT_ID}`;
  beforeAll(async () => {
    demo = await startWithDemoCase(kind);
  }, 60_000);
  afterAll(() => demo?.service.close());

  it("the covenant's officer gets the art. 15 report: data, sources, actual recipients, bases, reads", async () => {
    expect(
      (await call(ORG.leerplicht, "professional", "GET", `/v1/cases/${demo.ids.caseId}`)).status,
    ).toBe(200);
    const { status, body } = await call(
      ORG.samenwerkingsverband,
      "privacy-officer",
      "GET",
      reportPath(),
    );
    expect(status).toBe(200);
    expect(body.subjectId).toBe(demo.ids.subjectId);
    expect(body.erasure).toBeNull();
    const [section] = body.cases;
    expect(section.caseId).toBe(demo.ids.caseId);
    expect(section.subject.name).toBe("Sem de Vries");
    const police = section.shares.find((s: Body) => s.shareId === demo.ids.policeShareId);
    expect(police).toMatchObject({
      source: { organisationId: ORG.police },
      recipients: [{ organisationId: ORG.leerplicht, name: "Leerplicht en RMC Rivierenland" }],
      legalBasis: { legalBasisId: "wpg-20", citation: "Wet politiegegevens art. 20" },
      purpose: { purposeId: "voorkomen-jeugdcriminaliteit" },
    });
    expect(body.reads.length).toBeGreaterThan(0);
    expect(body.reads[0]).toMatchObject({
      organisation: { organisationId: ORG.leerplicht },
      purpose: "casusoverleg",
    });
    expect(body.reads[0]).not.toHaveProperty("userId");
    expect(body.reads[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("reads are reported per day, organisation, purpose and case: five more reads add five to a count, not five lines", async () => {
    type Day = { organisation: { organisationId: string }; purpose: string; reads: number };
    const byLeerplicht = (reads: Day[]) =>
      reads.filter(
        (day) =>
          day.organisation.organisationId === ORG.leerplicht && day.purpose === "casusoverleg",
      );
    const before = (await call(ORG.samenwerkingsverband, "privacy-officer", "GET", reportPath()))
      .body.reads as Day[];
    for (let n = 0; n < 5; n++) {
      const read = await call(
        ORG.leerplicht,
        "professional",
        "GET",
        `/v1/cases/${demo.ids.caseId}`,
      );
      expect(read.status).toBe(200);
    }
    const after = (await call(ORG.samenwerkingsverband, "privacy-officer", "GET", reportPath()))
      .body.reads as Day[];
    const total = (reads: Day[]) => byLeerplicht(reads).reduce((sum, day) => sum + day.reads, 0);
    expect(total(after) - total(before)).toBe(5);
    // Only a read on a new day (midnight in Amsterdam) adds a line.
    expect(byLeerplicht(after).length - byLeerplicht(before).length).toBeLessThanOrEqual(1);
  });

  it("producing the report is itself recorded as a read with the purpose inzageverzoek", async () => {
    await call(ORG.samenwerkingsverband, "privacy-officer", "GET", reportPath());
    const log = await call(
      ORG.samenwerkingsverband,
      "privacy-officer",
      "GET",
      `/v1/audit/access?covenant=${DEMO_COVENANT_ID}&case=${demo.ids.caseId}`,
    );
    expect(log.body.items.some((read: Body) => read.purpose === "inzageverzoek")).toBe(true);
  });

  it("a member's officer and a professional may not produce it (403); an unknown subject is 404", async () => {
    expect((await call(ORG.secondarySchool, "privacy-officer", "GET", reportPath())).status).toBe(
      403,
    );
    expect((await call(ORG.samenwerkingsverband, "professional", "GET", reportPath())).status).toBe(
      403,
    );
    const unknown = `/v1/subjects/${randomUUID()}/report?covenant=${DEMO_COVENANT_ID}`;
    expect((await call(ORG.samenwerkingsverband, "privacy-officer", "GET", unknown)).status).toBe(
      404,
    );
  });

  it("erasure needs a reason, only the covenant's officer may erase, and then every view reads [erased]", async () => {
    const path = `/v1/subjects/${demo.ids.subjectId}/erasure`;
    const noReason = await call(ORG.samenwerkingsverband, "privacy-officer", "POST", path, {
      covenantId: DEMO_COVENANT_ID,
    });
    expect(noReason.status).toBe(400);
    const body = { covenantId: DEMO_COVENANT_ID, reason: "data-subject-request" };
    expect((await call(ORG.secondarySchool, "privacy-officer", "POST", path, body)).status).toBe(
      403,
    );
    expect((await call(ORG.secondarySchool, "professional", "POST", path, body)).status).toBe(403);

    const erased = await call(ORG.samenwerkingsverband, "privacy-officer", "POST", path, body);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      subjectId: demo.ids.subjectId,
      caseIds: [demo.ids.caseId],
      reason: "data-subject-request",
    });
    const position = erased.headers.get("position")!;
    expect(Number(position)).toBeGreaterThan(0);

    const token = await demo.service.token(ORG.leerplicht, ["professional"]);
    const view = await demo.service.call(token, "GET", `/v1/cases/${demo.ids.caseId}`, undefined, {
      "min-position": position,
    });
    const caseBody = (await view.json()) as Body;
    expect(caseBody.subject.name).toBe("[erased]");
    expect(JSON.stringify(caseBody)).not.toContain("Sem de Vries");

    const report = await call(ORG.samenwerkingsverband, "privacy-officer", "GET", reportPath());
    expect(report.body.erasure).toMatchObject({ reason: "data-subject-request" });
    expect(JSON.stringify(report.body)).not.toContain("Sem de Vries");
    const register = await call(
      ORG.samenwerkingsverband,
      "privacy-officer",
      "GET",
      `/v1/audit/disclosures?covenant=${DEMO_COVENANT_ID}`,
    );
    expect(register.body.items.map((d: Body) => d.legalBasisId).sort()).toEqual([
      "leerplichtwet-21-verzuimmelding",
      "wpg-20",
    ]);

    const again = await call(ORG.samenwerkingsverband, "privacy-officer", "POST", path, body);
    expect(again.status).toBe(409);
  });
});
