import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COVENANT_ID, ORG } from "../support/demoCase.js";
import { BUILT_IN_NAMES } from "../support/hostile.js";
import { type StoreKind, startTestService, type TestService } from "../support/service.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field; the schema test types them
type Body = any;

const DOB = "2011-06-30";
let clock = "2026-03-01T09:00:00.000Z";

describe.each<StoreKind>(["sqlite", "postgres"])("a case list a person can use on %s", (kind) => {
  let service: TestService;
  const ids: Record<string, string> = {};
  const call = async (org: string, role: string, method: string, path: string, body?: unknown) => {
    const token = await service.token(org, [role as "professional"]);
    const response = await service.call(token, method, path, body);
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as Body,
      position: response.headers.get("position") ?? "0",
    };
  };
  const list = (query = "") =>
    call(ORG.secondarySchool, "professional", "GET", `/v1/cases${query}`);
  const open = async (name: string, category: string, urgency: string, at: string) => {
    clock = at;
    const opened = await call(ORG.secondarySchool, "professional", "POST", "/v1/cases", {
      covenantId: DEMO_COVENANT_ID,
      subject: { name, dateOfBirth: DOB, school: "Het Rivierencollege" },
      contact: { name: "K. Smit", function: "Mentor", reach: "k.smit@school.example" },
      category,
      level: "preventie",
      urgency,
      description: "Zorgen over de leerling.",
    });
    return opened.body.caseId as string;
  };

  beforeAll(async () => {
    service = await startTestService(kind, { seedDemo: true, now: () => clock });
    ids.verzuim = await open("Daan van der Berg", "verzuim", "low", "2026-03-02T09:00:00.000Z");
    ids.drugs = await open("Sanne Bakker", "drugs", "high", "2026-03-03T09:00:00.000Z");
    ids.later = await open("Mila de Wit", "verzuim", "medium", "2026-03-04T09:00:00.000Z");
  }, 60_000);
  afterAll(() => service?.close());

  it("given three cases, when the school lists them, then each row names the pupil, age, school, opening, urgency and latest category, and the read of the subject is recorded", async () => {
    const { status, body } = await list();
    expect(status).toBe(200);
    const row = body.cases.find((found: Body) => found.caseId === ids.verzuim);
    expect(row).toMatchObject({
      subject: {
        name: "Daan van der Berg",
        age: 14,
      },
      school: { organisationId: ORG.secondarySchool, name: "Het Rivierencollege (vo)" },
      urgency: "low",
      latestSignalCategory: "verzuim",
      overdueAgreements: 0,
      nextMeeting: null,
    });
    expect(row.openedAt).toBe("2026-03-02T09:00:00.000Z");
    const log = await call(
      ORG.samenwerkingsverband,
      "privacy-officer",
      "GET",
      `/v1/audit/access?covenant=${DEMO_COVENANT_ID}&case=${ids.verzuim}&organisation=${ORG.secondarySchool}`,
    );
    expect(log.body.items.some((read: Body) => read.itemIds.includes("subject"))).toBe(true);
  });

  it("filters by status, category, school and mine, and sorts by urgency or date", async () => {
    const caseIds = async (query: string) =>
      (await list(query)).body.cases.map((row: Body) => row.caseId);
    expect(await caseIds("?sort=urgency")).toEqual([ids.drugs, ids.later, ids.verzuim]);
    expect(await caseIds("?sort=date")).toEqual([ids.later, ids.drugs, ids.verzuim]);
    expect(await caseIds("?category=verzuim")).toEqual([ids.later, ids.verzuim]);
    expect(await caseIds("?status=closed")).toEqual([]);
    expect(await caseIds(`?school=${ORG.secondarySchool}&status=open`)).toHaveLength(3);
    expect(await caseIds("?mine=true")).toEqual([]);
    const regie = await call(
      ORG.samenwerkingsverband,
      "chair",
      "PUT",
      `/v1/cases/${ids.drugs}/regie`,
      {
        organisationId: ORG.secondarySchool,
      },
    );
    expect(regie.status).toBe(200);
    // Read-your-writes: the list waits for the regie's position before answering
    const token = await service.token(ORG.secondarySchool, ["professional"]);
    const mine = await service.call(token, "GET", "/v1/cases?mine=true", undefined, {
      "min-position": regie.position,
    });
    const rows = ((await mine.json()) as Body).cases;
    expect(rows.map((row: Body) => row.caseId)).toEqual([ids.drugs]);
  });

  it("when the covenant chooses initials, then the list shows only initials", async () => {
    const set = await call(
      ORG.samenwerkingsverband,
      "admin",
      "PUT",
      `/v1/covenants/${DEMO_COVENANT_ID}/case-list-names`,
      { shownAs: "initials" },
    );
    expect(set.status).toBe(200);
    const rows = (await list()).body.cases;
    expect(rows.find((row: Body) => row.caseId === ids.verzuim).subject.name).toBe("D.v.d.B.");
    expect(JSON.stringify(rows)).not.toContain("Bakker");
  });

  it("hostile filter values are a 400 naming the parameter; a well-formed unknown school finds nothing", async () => {
    for (const hostile of BUILT_IN_NAMES) {
      for (const parameter of ["status", "category", "mine", "sort"]) {
        const answer = await list(`?${parameter}=${encodeURIComponent(hostile)}`);
        expect(answer.status, `${parameter}=${hostile}`).toBe(400);
        expect(JSON.stringify(answer.body)).toContain(parameter);
      }
      const school = await list(`?school=${encodeURIComponent(hostile)}`);
      expect([200, 400]).toContain(school.status);
      if (school.status === 200) expect(school.body.cases).toEqual([]);
      else expect(JSON.stringify(school.body)).toContain("school");
    }
    expect((await list("?school=a%20b")).status).toBe(400);
    expect((await list("?category=%ZZ")).status).toBe(400);
  });
});
