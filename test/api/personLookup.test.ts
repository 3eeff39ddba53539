import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchKeysOf } from "../../src/domain/index.js";
import { DEMO_COVENANT_ID, ORG } from "./support/demoCase.js";
import { BUILT_IN_NAMES } from "./support/hostile.js";
import { type StoreKind, startTestService, type TestService } from "./support/service.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field; the schema test types them
type Body = any;

const BSN = "111222333";
const DAAN = { givenNames: "Daan", surname: "Jansen", dateOfBirth: "2012-03-14" };
const DAANTJE = { givenNames: "Daantje", surname: "Jansen", dateOfBirth: "2012-03-14" };

describe.each<StoreKind>(["sqlite", "postgres"])("looking a young person up on %s", (kind) => {
  let service: TestService;
  let school: { caseId: string; subjectId: string };
  let police: { caseId: string; subjectId: string };
  const call = async (org: string, role: string, method: string, path: string, body?: unknown) => {
    const token = await service.token(org, [role as "chair"]);
    const response = await service.call(token, method, path, body);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Body };
  };
  const lookup = (identity: unknown, org: string = ORG.samenwerkingsverband) =>
    call(org, "privacy-officer", "POST", "/v1/persons/lookup", {
      covenantId: DEMO_COVENANT_ID,
      identity,
    });
  /** A case about the pupil, indexed by its identity as intake records it. */
  const recorded = async (org: string, identity: typeof DAAN & { bsn?: string }) => {
    const opened = await call(org, "professional", "POST", "/v1/cases", {
      covenantId: DEMO_COVENANT_ID,
      subject: {
        name: `${identity.givenNames} ${identity.surname}`,
        dateOfBirth: identity.dateOfBirth,
        school: "Het Rivierencollege",
      },
      contact: { name: "K. Smit", function: "Mentor", reach: "k.smit@school.example" },
      category: "verzuim",
      level: "preventie",
      urgency: "medium",
      description: "Mist de maandagen.",
    });
    const { identity: index } = service.service.system.resources;
    const indexes = index.indexer.indexesOf(DEMO_COVENANT_ID, matchKeysOf(identity));
    await index.index.add(DEMO_COVENANT_ID, opened.body.subjectId, indexes);
    return opened.body as { caseId: string; subjectId: string };
  };

  beforeAll(async () => {
    service = await startTestService(kind, { seedDemo: true });
    school = await recorded(ORG.secondarySchool, { ...DAAN, bsn: BSN });
    police = await recorded(ORG.police, DAANTJE);
    const merged = await call(ORG.samenwerkingsverband, "chair", "POST", "/v1/persons/merges", {
      covenantId: DEMO_COVENANT_ID,
      caseIds: [school.caseId, police.caseId],
      reason: "confirmed-by-partner",
    });
    expect(merged.status).toBe(201);
  }, 60_000);
  afterAll(() => service?.close());

  it("given a merged pupil, when the officer looks up the BSN, then the person comes back with every record and case, and each case read is recorded as inzageverzoek", async () => {
    const found = await lookup({ bsn: "1112.22.333" });
    expect(found.status).toBe(200);
    expect(found.body.persons).toHaveLength(1);
    const [person] = found.body.persons;
    expect(person.strength).toBe("strong");
    expect([...person.subjectIds].sort()).toEqual([school.subjectId, police.subjectId].sort());
    expect([...person.caseIds].sort()).toEqual([school.caseId, police.caseId].sort());

    const log = await call(
      ORG.samenwerkingsverband,
      "privacy-officer",
      "GET",
      `/v1/audit/access?covenant=${DEMO_COVENANT_ID}&case=${police.caseId}`,
    );
    expect(log.body.items.map((read: Body) => read.purpose)).toContain("inzageverzoek");
    expect(service.logs.join("\n")).not.toContain(BSN);
    expect(service.logs.join("\n")).not.toContain("1112.22.333");
  });

  it("by name and date of birth the exact name is strong, a surname only weak; nobody is an empty answer", async () => {
    const exact = await lookup(DAANTJE);
    expect(exact.body.persons.map((person: Body) => person.strength)).toEqual(["strong"]);
    const other = await lookup({ ...DAAN, givenNames: "Sanne" });
    expect(other.body.persons.map((person: Body) => person.strength)).toEqual(["weak"]);
    const nobody = await lookup({ ...DAAN, dateOfBirth: "2012-03-15" });
    expect(nobody.body).toEqual({ persons: [] });
  });

  it("only the covenant's officer may look up; a BSN failing the elfproef is 422, hostile names find nobody", async () => {
    expect((await lookup({ bsn: BSN }, ORG.secondarySchool)).status).toBe(403);
    expect(
      (
        await call(ORG.samenwerkingsverband, "chair", "POST", "/v1/persons/lookup", {
          covenantId: DEMO_COVENANT_ID,
          identity: { bsn: BSN },
        })
      ).status,
    ).toBe(403);
    const wrong = await lookup({ bsn: "111222334" });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).not.toContain("111222334");
    for (const hostile of BUILT_IN_NAMES) {
      const found = await lookup({ ...DAAN, givenNames: hostile, surname: hostile });
      expect(found.status, hostile).toBe(200);
      expect(found.body.persons).toEqual([]);
      expect((await lookup({ bsn: hostile })).status).toBeGreaterThanOrEqual(400);
      const badCovenant = await call(
        ORG.samenwerkingsverband,
        "privacy-officer",
        "POST",
        "/v1/persons/lookup",
        {
          covenantId: hostile,
          identity: { bsn: BSN },
        },
      );
      expect(badCovenant.status).toBe(400);
    }
  });
});
