import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { covenantStreamId } from "../../src/domain/index.js";
import { BUILTIN_NAMES, BUILTIN_SLUGS } from "../support/builtinNames.js";
import { ORG } from "./cases/support/caseApi.js";
import {
  caseApiForFile,
  caseWithWijkteam,
  lawfulShare,
  SHARE_CONTENT,
} from "./cases/support/scenario.js";

// Ids named like members of Object.prototype, sent where clients choose ids: every one is
// answered as the unknown id it is, and nothing is written on its account.

const given = caseApiForFile("sqlite");
const officer = { name: "FG", email: "fg@example.org" };

/** A covenant established over HTTP by a fresh chair organisation, with one purpose. */
async function establishedCovenant() {
  const chair = `swv-${randomUUID()}`;
  const admin = await given.api.token(chair, ["admin"]);
  const established = await given.api.call("POST", "/v1/covenants", {
    token: admin,
    body: {
      name: "Veiligheid in en om de school",
      chair: { name: "SWV", partnerKind: "samenwerkingsverband", privacyOfficer: officer },
    },
  });
  expect(established.status).toBe(201);
  const base = `/v1/covenants/${established.body.covenantId}`;
  const purpose = await given.api.call("POST", `${base}/purposes`, {
    token: admin,
    body: { purposeId: "veiligheid", description: "Veiligheid in en om de school" },
  });
  expect(purpose.status).toBe(201);
  const covenantId = established.body.covenantId as string;
  const stored = async () =>
    (await given.api.system.store.readStream(covenantStreamId(covenantId))).length;
  return { admin, base, covenantId, stored };
}

describe("covenant routes, given ids named like built-in properties", () => {
  let covenant: Awaited<ReturnType<typeof establishedCovenant>>;
  beforeAll(async () => {
    covenant = await establishedCovenant();
  });

  test.each(BUILTIN_SLUGS)(
    "when retention is set for purpose %s that was never added, then 404 and nothing is written",
    async (name) => {
      const before = await covenant.stored();
      const response = await given.api.call("PUT", `${covenant.base}/retention/${name}`, {
        token: covenant.admin,
        body: { yearsAfterClosure: 3 },
      });
      expect(response.status).toBe(404);
      expect(response.contentType).toMatch(/application\/problem\+json/);
      expect(await covenant.stored()).toBe(before);
    },
  );

  test.each(BUILTIN_SLUGS)(
    "when sharing rule %s that never existed is removed, then 404 and nothing is written",
    async (name) => {
      const before = await covenant.stored();
      const response = await given.api.call("DELETE", `${covenant.base}/sharing-rules/${name}`, {
        token: covenant.admin,
      });
      expect(response.status).toBe(404);
      expect(await covenant.stored()).toBe(before);
    },
  );

  test.each(BUILTIN_SLUGS)(
    "when purpose %s is added and given a term, then it is an ordinary purpose",
    async (name) => {
      const { admin, base } = await establishedCovenant();
      const added = await given.api.call("POST", `${base}/purposes`, {
        token: admin,
        body: { purposeId: name, description: "Een doel" },
      });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({
        purposeId: name,
        description: "Een doel",
        retentionYearsAfterClosure: null,
      });
      const term = await given.api.call("PUT", `${base}/retention/${name}`, {
        token: admin,
        body: { yearsAfterClosure: 3 },
      });
      expect(term.status).toBe(200);
      expect(term.body).toMatchObject({ purposeId: name, retentionYearsAfterClosure: 3 });
    },
  );

  test.each(BUILTIN_NAMES)(
    "when a token's org is %s, then the covenant's audit registers and trends do not exist for it",
    async (name) => {
      const query = `covenant=${covenant.covenantId}`;
      const asOfficer = await given.api.token(name, ["privacy-officer"]);
      const asAnalyst = await given.api.token(name, ["analyst", "chair"]);
      for (const [token, path] of [
        [asOfficer, `/v1/audit/disclosures?${query}`],
        [asOfficer, `/v1/audit/access?${query}`],
        [asAnalyst, `/v1/trends?${query}`],
        [asAnalyst, `/v1/covenants/${covenant.covenantId}`],
      ] as const) {
        const response = await given.api.call("GET", path, { token });
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    },
  );
});

describe("case routes, given ids named like built-in properties", () => {
  const hostile = BUILTIN_NAMES.filter((name) => /^[A-Za-z0-9._:-]+$/.test(name));

  test("when shares and consents name them as purpose, then each is refused, nothing is written, and the case still closes", async () => {
    const caseId = await caseWithWijkteam(given.api, given.tokens);
    const written = (await given.api.caseEvents(caseId)).length;
    for (const purposeId of hostile) {
      const share = await given.api.call("POST", `/v1/cases/${caseId}/shares`, {
        token: given.tokens.school,
        body: lawfulShare({ purposeId }),
      });
      expect({ purposeId, status: share.status }).toEqual({ purposeId, status: 422 });
      expect(JSON.stringify(share.body)).not.toContain(SHARE_CONTENT);
      const consent = await given.api.call("POST", `/v1/cases/${caseId}/consents`, {
        token: given.tokens.school,
        body: {
          giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
          method: "form",
          evidenceReference: "Toestemmingsformulier 2025-17",
          scope: {
            dataCategories: ["school"],
            recipientOrganisationIds: [ORG.wijkteam],
            purposeId,
          },
          givenOn: "2025-01-02",
        },
      });
      expect(consent.status, purposeId).toBeGreaterThanOrEqual(400);
      expect(consent.status, purposeId).toBeLessThan(500);
    }
    expect((await given.api.caseEvents(caseId)).length).toBe(written);
    const closed = await given.api.call("POST", `/v1/cases/${caseId}/closure`, {
      token: given.tokens.chair,
      body: { outcome: "resolved", reason: "Hulp loopt" },
    });
    expect(closed.status).toBe(201);
  });
});
