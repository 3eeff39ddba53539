import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COVENANT_ID, demoOrganisations as ORG } from "../../src/demo/organisations.js";
import { startTestService, type TestService } from "./support/service.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field; the schema test types them
type Body = any;

describe("trends", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService("sqlite", { seedDemo: true });
  });
  afterAll(() => service?.close());

  /** A young person's case, opened by a school member; `school` is the free text typed about them. */
  async function openCase(school: string, category: string, by: string = ORG.secondarySchool) {
    const token = await service.token(by, ["professional"]);
    const response = await service.call(token, "POST", "/v1/cases", {
      covenantId: DEMO_COVENANT_ID,
      subject: { name: `Leerling ${randomUUID()}`, dateOfBirth: "2011-01-01", school },
      contact: { name: "Mentor", function: "Mentor", reach: "mentor@school.example" },
      category,
      level: "preventie",
      urgency: "medium",
      description: "Zorg",
    });
    expect(response.status).toBe(201);
    return response.headers.get("position")!;
  }

  const trends = async (
    role: "chair" | "analyst" | "professional",
    org: string = ORG.samenwerkingsverband,
    position?: string,
  ) => {
    const token = await service.token(org, [role]);
    const headers: Record<string, string> = position ? { "min-position": position } : {};
    const response = await service.call(
      token,
      "GET",
      `/v1/trends?covenant=${DEMO_COVENANT_ID}`,
      undefined,
      headers,
    );
    return { status: response.status, body: (await response.json()) as Body };
  };

  it("young people per member school: five or more are counted, a smaller cell is left out entirely", async () => {
    let position = "";
    for (let i = 0; i < 5; i++) position = await openCase("Rivierencollege, klas 2b", "drugs");
    position = await openCase("De Wilgenhoek", "pesten", ORG.primarySchool);
    const chair = await trends("chair", ORG.samenwerkingsverband, position);
    expect(chair.status).toBe(200);
    expect(chair.body.minimumCount).toBe(5);
    const month = new Date().toISOString().slice(0, 7);
    expect(chair.body.cells).toEqual([
      {
        category: "drugs",
        school: ORG.secondarySchool,
        schoolName: "Het Rivierencollege (vo)",
        month,
        count: 5,
      },
    ]);
    // Neither the free text typed about the young people nor the small cell's school shows.
    const answer = JSON.stringify(chair.body);
    for (const hidden of ["klas 2b", "Wilgenhoek", ORG.primarySchool, "suppressed"])
      expect(answer).not.toContain(hidden);
    const analyst = await trends("analyst", ORG.ggd);
    expect(analyst.status).toBe(200);
    expect(analyst.body.cells).toEqual(chair.body.cells);
  });

  it("a professional gets 403; an organisation outside the covenant gets 404", async () => {
    expect((await trends("professional")).status).toBe(403);
    expect((await trends("chair", `other-${randomUUID()}`)).status).toBe(404);
  });
});
