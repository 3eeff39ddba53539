import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StoreKind, startTestService, type TestService } from "./support/service.js";

const chairOrg = () => `swv-${randomUUID()}`;
const officer = { name: "FG", email: "fg@example.org" };

interface CovenantBody {
  covenantId: string;
  members: { organisationId: string; status: string }[];
  sharingRules: unknown[];
}
const covenantOf = async (response: Response) => (await response.json()) as CovenantBody;

async function establish(service: TestService, chair: string) {
  const admin = await service.token(chair, ["admin"]);
  const response = await service.call(admin, "POST", "/v1/covenants", {
    name: "Veiligheid in en om de school",
    chair: { name: "SWV", partnerKind: "samenwerkingsverband", privacyOfficer: officer },
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { covenantId: string };
  return { admin, covenantId: body.covenantId, response };
}

describe.each<StoreKind>(["sqlite", "postgres"])("covenant resources on %s", (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  }, 60_000);
  afterAll(() => service?.close());

  it("an admin of the chair builds a covenant: members, purposes, retention, rules", async () => {
    const chair = chairOrg();
    const { admin, covenantId, response } = await establish(service, chair);
    expect(response.headers.get("etag")).toBe('"0"');
    expect(response.headers.get("location")).toBe(`/v1/covenants/${covenantId}`);
    expect(Number(response.headers.get("position"))).toBeGreaterThan(0);
    const base = `/v1/covenants/${covenantId}`;

    const school = `school-${randomUUID()}`;
    const admitted = await service.call(admin, "POST", `${base}/members`, {
      organisationId: school,
      name: "Het Rivierencollege",
      partnerKind: "school-vo",
      privacyOfficer: officer,
    });
    expect(admitted.status).toBe(201);
    expect(admitted.headers.get("etag")).toBe('"1"');
    expect(await admitted.json()).toEqual({
      organisationId: school,
      name: "Het Rivierencollege",
      partnerKind: "school-vo",
      status: "member",
      privacyOfficer: officer,
    });

    const purpose = await service.call(admin, "POST", `${base}/purposes`, {
      purposeId: "veiligheid",
      description: "Veiligheid in en om de school",
    });
    expect(purpose.status).toBe(201);
    const retention = await service.call(admin, "PUT", `${base}/retention/veiligheid`, {
      yearsAfterClosure: 2,
    });
    expect(retention.status).toBe(200);
    expect(await retention.json()).toMatchObject({ retentionYearsAfterClosure: 2 });

    const rule = await service.call(admin, "POST", `${base}/sharing-rules`, {
      ruleId: "school-leerplicht",
      sharerKind: "school-vo",
      dataCategories: ["verzuim"],
      recipientKinds: ["leerplicht"],
      legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
    });
    expect(rule.status).toBe(201);
    expect(rule.headers.get("location")).toBe(`${base}/sharing-rules/school-leerplicht`);

    const read = await service.call(admin, "GET", base);
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe('"4"');
    const covenant = await covenantOf(read);
    expect(covenant).toMatchObject({
      covenantId,
      chairOrganisationId: chair,
      purposes: [
        {
          purposeId: "veiligheid",
          description: "Veiligheid in en om de school",
          retentionYearsAfterClosure: 2,
        },
      ],
      sharingRules: [
        { ruleId: "school-leerplicht", legalBasisIds: ["leerplichtwet-21-verzuimmelding"] },
      ],
    });
    expect(covenant.members.map((m) => m.organisationId)).toEqual([chair, school]);

    const removed = await service.call(admin, "DELETE", `${base}/sharing-rules/school-leerplicht`);
    expect(removed.status).toBe(204);
    expect(removed.headers.get("etag")).toBe('"5"');
    const withdrawn = await service.call(admin, "DELETE", `${base}/members/${school}`);
    expect(withdrawn.status).toBe(204);
    const after = await covenantOf(await service.call(admin, "GET", base));
    expect(after.sharingRules).toEqual([]);
    expect(after.members[1]?.status).toBe("withdrawn");
  });

  it("a member reads the covenant; a stranger and an unknown id get 404", async () => {
    const chair = chairOrg();
    const { admin, covenantId } = await establish(service, chair);
    const police = `politie-${randomUUID()}`;
    await service.call(admin, "POST", `/v1/covenants/${covenantId}/members`, {
      organisationId: police,
      name: "Politie",
      partnerKind: "politie",
      privacyOfficer: officer,
    });
    const member = await service.token(police, ["professional"]);
    expect((await service.call(member, "GET", `/v1/covenants/${covenantId}`)).status).toBe(200);
    const stranger = await service.token(`other-${randomUUID()}`, ["admin"]);
    const hidden = await service.call(stranger, "GET", `/v1/covenants/${covenantId}`);
    expect(hidden.status).toBe(404);
    const unknown = await service.call(admin, "GET", `/v1/covenants/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("covenant resources: refusals", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService("sqlite");
  });
  afterAll(() => service?.close());

  it("a professional may not establish a covenant (403)", async () => {
    const professional = await service.token(chairOrg(), ["professional"]);
    const response = await service.call(professional, "POST", "/v1/covenants", {
      name: "X",
      chair: { name: "SWV", partnerKind: "samenwerkingsverband", privacyOfficer: officer },
    });
    expect(response.status).toBe(403);
  });

  it("an admin of a member that is not the chair may not admit members (403)", async () => {
    const { admin, covenantId } = await establish(service, chairOrg());
    const school = `school-${randomUUID()}`;
    await service.call(admin, "POST", `/v1/covenants/${covenantId}/members`, {
      organisationId: school,
      name: "School",
      partnerKind: "school-vo",
      privacyOfficer: officer,
    });
    const schoolAdmin = await service.token(school, ["admin"]);
    const response = await service.call(
      schoolAdmin,
      "POST",
      `/v1/covenants/${covenantId}/purposes`,
      {
        purposeId: "eigen-doel",
        description: "Niet van de voorzitter",
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      type: "https://casustafel.example/problems/organisation-not-permitted",
      code: "organisation_not_permitted",
      rule: "chair-admin-only",
    });
  });

  it("writes to an unknown covenant are 404", async () => {
    const admin = await service.token(chairOrg(), ["admin"]);
    const response = await service.call(admin, "POST", `/v1/covenants/${randomUUID()}/purposes`, {
      purposeId: "doel",
      description: "Doel",
    });
    expect(response.status).toBe(404);
  });

  it("an unknown partner kind or legal basis is refused by name (422)", async () => {
    const { admin, covenantId } = await establish(service, chairOrg());
    const response = await service.call(
      admin,
      "POST",
      `/v1/covenants/${covenantId}/sharing-rules`,
      {
        sharerKind: "politie",
        dataCategories: ["politiegegevens"],
        recipientKinds: ["leerplicht"],
        legalBasisIds: ["wpg-99"],
      },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ rule: "legal-basis" });
  });

  it("If-Match with a stale revision is 412 and writes nothing", async () => {
    const { admin, covenantId } = await establish(service, chairOrg());
    const stale = await service.call(
      admin,
      "POST",
      `/v1/covenants/${covenantId}/purposes`,
      { purposeId: "doel", description: "Doel" },
      { "if-match": '"7"' },
    );
    expect(stale.status).toBe(412);
    const fresh = await service.call(
      admin,
      "POST",
      `/v1/covenants/${covenantId}/purposes`,
      { purposeId: "doel", description: "Doel" },
      { "if-match": '"0"' },
    );
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get("etag")).toBe('"1"');
  });

  it("If-Match: * admits a write to an existing covenant and refuses one that would create it", async () => {
    const { admin, covenantId } = await establish(service, chairOrg());
    const existing = await service.call(
      admin,
      "POST",
      `/v1/covenants/${covenantId}/purposes`,
      { purposeId: "doel", description: "Doel" },
      { "if-match": "*" },
    );
    expect(existing.status).toBe(201);
    const created = await service.call(
      admin,
      "POST",
      "/v1/covenants",
      {
        name: "Convenant",
        chair: { name: "SWV", partnerKind: "samenwerkingsverband", privacyOfficer: officer },
      },
      { "if-match": "*" },
    );
    expect(created.status).toBe(412);
  });

  it("a repeated Idempotency-Key replays the first covenant and establishes no second one", async () => {
    const chair = chairOrg();
    const admin = await service.token(chair, ["admin"]);
    const body = {
      name: "Convenant",
      chair: { name: "SWV", partnerKind: "samenwerkingsverband", privacyOfficer: officer },
    };
    const key = { "idempotency-key": `establish-${randomUUID()}` };
    const first = await service.call(admin, "POST", "/v1/covenants", body, key);
    const second = await service.call(admin, "POST", "/v1/covenants", body, key);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await covenantOf(second)).covenantId).toBe((await covenantOf(first)).covenantId);
  });
});
