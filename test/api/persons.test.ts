import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COVENANT_ID, ORG } from "./support/demoCase.js";
import { BUILT_IN_NAMES } from "./support/hostile.js";
import { type StoreKind, startTestService, type TestService } from "./support/service.js";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field; the schema test types them
type Body = any;
type Role = "chair" | "privacy-officer" | "professional";

const DOB = "2012-03-14";
const contact = { name: "Mentor Kees Smit", function: "Mentor", reach: "k.smit@school.example" };

describe.each<StoreKind>(["sqlite", "postgres"])("one young person across cases on %s", (kind) => {
  let service: TestService;
  const call = async (org: string, role: Role, method: string, path: string, body?: unknown) => {
    const response = await service.call(await service.token(org, [role]), method, path, body);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Body };
  };
  const chair = (method: string, path: string, body?: unknown) =>
    call(ORG.samenwerkingsverband, "chair", method, path, body);
  const officer = (method: string, path: string, body?: unknown) =>
    call(ORG.samenwerkingsverband, "privacy-officer", method, path, body);
  /** A signal that opens a case; the names differ beyond a strong match, so each opens its own record. */
  const openCase = async (org: string, name: string, description: string) => {
    const opened = await call(org, "professional", "POST", "/v1/cases", {
      covenantId: DEMO_COVENANT_ID,
      subject: { name, dateOfBirth: DOB, school: "Het Rivierencollege" },
      contact,
      category: "verzuim",
      level: "preventie",
      urgency: "medium",
      description,
    });
    expect(opened.status).toBe(201);
    return opened.body as { caseId: string; subjectId: string };
  };
  const merge = (caseIds: unknown, by = chair) =>
    by("POST", "/v1/persons/merges", {
      covenantId: DEMO_COVENANT_ID,
      caseIds,
      reason: "same-name-and-birth-date",
    });
  const report = (subjectId: string) =>
    officer("GET", `/v1/subjects/${subjectId}/report?covenant=${DEMO_COVENANT_ID}`);

  beforeAll(async () => {
    service = await startTestService(kind, { seedDemo: true });
  }, 60_000);
  afterAll(() => service?.close());

  it("given two cases about one pupil, when the chair merges them, then the register, the report and erasure cover both", async () => {
    const school = await openCase(
      ORG.secondarySchool,
      "Daan Jansen",
      "Mist sinds maart de maandagen.",
    );
    const police = await openCase(ORG.police, "Daantje Jansen", "Aangetroffen bij het station.");

    const merged = await merge([school.caseId, police.caseId]);
    expect(merged.status).toBe(201);
    expect(merged.body.linked).toEqual([
      { subjectId: school.subjectId, caseId: school.caseId },
      { subjectId: police.subjectId, caseId: police.caseId },
    ]);
    expect(merged.body).toMatchObject({ reason: "same-name-and-birth-date", undone: null });

    const register = await officer("GET", `/v1/audit/merges?covenant=${DEMO_COVENANT_ID}`);
    expect(register.status).toBe(200);
    expect(register.body.items.map((item: Body) => item.mergeId)).toContain(merged.body.mergeId);

    const both = await report(police.subjectId);
    expect(both.status).toBe(200);
    expect(both.body.subjectIds).toEqual([police.subjectId, school.subjectId]);
    expect(both.body.cases.map((section: Body) => section.caseId).sort()).toEqual(
      [school.caseId, police.caseId].sort(),
    );

    const erased = await officer("POST", `/v1/subjects/${school.subjectId}/erasure`, {
      covenantId: DEMO_COVENANT_ID,
      reason: "data-subject-request",
    });
    expect(erased.status).toBe(200);
    expect(erased.body.subjectIds).toEqual([school.subjectId, police.subjectId]);
    const after = JSON.stringify((await report(police.subjectId)).body);
    for (const text of ["Daan", "Mist sinds maart", "Aangetroffen bij het station"]) {
      expect(after).not.toContain(text);
    }
    expect(after).toContain("[erased]");
  });

  it("given a merge, when the chair undoes it with a reason, then each record reports only its own case, and the register shows both steps", async () => {
    const first = await openCase(ORG.secondarySchool, "Lotte de Boer", "Slaapt in de les.");
    const second = await openCase(ORG.wijkteam, "Lotje Boer", "Gezin in schuldhulp.");
    const merged = await merge([first.caseId, second.caseId]);
    expect((await report(first.subjectId)).body.cases).toHaveLength(2);

    const path = `/v1/persons/merges/${merged.body.mergeId}/undo`;
    const undone = await chair("POST", path, {
      covenantId: DEMO_COVENANT_ID,
      reason: "different-young-persons",
    });
    expect(undone.status).toBe(200);
    expect(undone.body.undone).toMatchObject({ reason: "different-young-persons" });
    const own = await report(first.subjectId);
    expect(own.body.subjectIds).toEqual([first.subjectId]);
    expect(own.body.cases.map((section: Body) => section.caseId)).toEqual([first.caseId]);

    const again = await chair("POST", path, {
      covenantId: DEMO_COVENANT_ID,
      reason: "merged-in-error",
    });
    expect(again.status).toBe(409);
    const register = await officer("GET", `/v1/audit/merges?covenant=${DEMO_COVENANT_ID}`);
    const entry = register.body.items.find((item: Body) => item.mergeId === merged.body.mergeId);
    expect(entry.undone).toMatchObject({ reason: "different-young-persons" });
    // Merged again later, the same two records are one person once more
    expect((await merge([first.caseId, second.caseId])).status).toBe(201);
  });

  it("only the chair organisation merges, only cases it may see, never one person twice; hostile ids are 400 or 404", async () => {
    const a = await openCase(ORG.secondarySchool, "Noah Visser", "Komt te laat.");
    const b = await openCase(ORG.police, "Noa Visser", "Winkeldiefstal.");
    const byProfessional = (m: string, p: string, body?: unknown) =>
      call(ORG.samenwerkingsverband, "professional", m, p, body);
    const bySchoolChair = (m: string, p: string, body?: unknown) =>
      call(ORG.secondarySchool, "chair", m, p, body);
    expect((await merge([a.caseId, b.caseId], byProfessional)).status).toBe(403);
    expect((await merge([a.caseId, b.caseId], bySchoolChair)).status).toBe(404);
    expect((await merge([a.caseId, randomUUID()])).status).toBe(404);
    expect((await merge([a.caseId, a.caseId])).body.rule).toBe("same-person");
    expect((await merge([a.caseId, b.caseId], officer)).status).toBe(201);
    const twice = await merge([b.caseId, a.caseId]);
    expect(twice.status).toBe(409);
    expect(twice.body.rule).toBe("same-person");

    for (const hostile of BUILT_IN_NAMES) {
      const badCase = await merge([a.caseId, hostile]);
      expect(badCase.status).toBe(400);
      expect(JSON.stringify(badCase.body)).toContain("caseIds");
      const undo = await chair("POST", `/v1/persons/merges/${encodeURIComponent(hostile)}/undo`, {
        covenantId: DEMO_COVENANT_ID,
        reason: "merged-in-error",
      });
      expect(undo.status).toBe(400);
    }
    const unknownUndo = await chair("POST", `/v1/persons/merges/${randomUUID()}/undo`, {
      covenantId: DEMO_COVENANT_ID,
      reason: "merged-in-error",
    });
    expect(unknownUndo.status).toBe(404);
    const freeText = await chair("POST", "/v1/persons/merges", {
      covenantId: DEMO_COVENANT_ID,
      caseIds: [a.caseId, b.caseId],
      reason: "Noah is dezelfde jongen",
    });
    expect(freeText.status).toBe(400);
    expect(JSON.stringify(freeText.body)).not.toContain("Noah");
  });
});
