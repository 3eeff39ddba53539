import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentMediaType } from "../../src/api/http/documentResponse.js";
import { problemSchema } from "../../src/api/http/problemSchema.js";
import type { Route } from "../../src/api/http/routeDefinition.js";
import { allRoutes } from "../../src/api/routeTable.js";
import { DEMO_COVENANT_ID, type DemoCase, ORG, startWithDemoCase } from "./support/demoCase.js";

// Every response body of the covenant, catalogue, audit, subject and trends resources is
// checked against the schema its route documents (and so publishes in /openapi.json),
// independently of the runner's own check.

const MINE = new Set(["covenants", "catalogue", "audit", "subjects", "trends", "persons"]);

interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
}

const patternOf = (route: Route) =>
  new RegExp(`^${route.path.replace(/\{[A-Za-z]+\}/g, "[^/]+")}$`);

describe("response bodies match their documented schemas", () => {
  let demo: DemoCase;
  let routes: Route[];
  const exchanges: Exchange[] = [];

  async function call(
    org: string | null,
    role: string,
    method: string,
    path: string,
    body?: unknown,
  ) {
    const headers: Record<string, string> =
      body === undefined ? {} : { "content-type": "application/json" };
    if (org)
      headers.authorization = `Bearer ${await demo.service.token(org, [role as "admin"], `${role}-${org}`)}`;
    const response = await fetch(`${demo.service.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    exchanges.push({
      method: method.toLowerCase(),
      path: path.split("?")[0]!,
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      body:
        text === "" || !/json/.test(response.headers.get("content-type") ?? "")
          ? undefined
          : JSON.parse(text),
    });
    return response.status;
  }

  beforeAll(async () => {
    demo = await startWithDemoCase("sqlite");
    routes = allRoutes(demo.service.service.system.resources).filter((r) =>
      r.tags.some((t) => MINE.has(t)),
    );
    const chair = `swv-${randomUUID()}`;
    const officer = { name: "FG", email: "fg@example.org" };
    await call(chair, "admin", "POST", "/v1/covenants", {
      name: "Convenant",
      chair: { name: "SWV", partnerKind: "samenwerkingsverband", privacyOfficer: officer },
    });
    const established = exchanges.at(-1)!.body as { covenantId: string };
    const covenantId = established.covenantId;
    const base = `/v1/covenants/${covenantId}`;
    await call(chair, "admin", "POST", `${base}/members`, {
      organisationId: "school-1",
      name: "School",
      partnerKind: "school-vo",
      privacyOfficer: officer,
    });
    await call(chair, "admin", "POST", `${base}/purposes`, {
      purposeId: "veiligheid",
      description: "Veiligheid",
    });
    await call(chair, "admin", "PUT", `${base}/retention/veiligheid`, { yearsAfterClosure: 2 });
    await call(chair, "admin", "PUT", `${base}/case-list-names`, { shownAs: "initials" });
    await call(chair, "admin", "POST", `${base}/sharing-rules`, {
      ruleId: "r1",
      sharerKind: "school-vo",
      dataCategories: ["verzuim"],
      recipientKinds: ["leerplicht"],
      legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
    });
    await call(chair, "professional", "GET", base);
    await call(chair, "admin", "DELETE", `${base}/sharing-rules/r1`);
    await call(chair, "admin", "DELETE", `${base}/members/school-1`);
    await call(chair, "admin", "GET", `/v1/covenants/${randomUUID()}`);
    await call(chair, "professional", "POST", "/v1/covenants", { name: "X" });
    for (const list of [
      "legal-bases",
      "data-categories",
      "signal-categories",
      "partner-kinds",
      "levels",
    ]) {
      await call(null, "", "GET", `/v1/catalogue/${list}`);
    }
    const covenant = `covenant=${DEMO_COVENANT_ID}`;
    const po = ORG.samenwerkingsverband;
    await call(ORG.leerplicht, "professional", "GET", `/v1/cases/${demo.ids.caseId}`);
    await call(po, "privacy-officer", "GET", `/v1/audit/disclosures?${covenant}`);
    await call(ORG.secondarySchool, "privacy-officer", "GET", `/v1/audit/disclosures?${covenant}`);
    await call(po, "privacy-officer", "GET", `/v1/audit/access?${covenant}`);
    await call(po, "privacy-officer", "GET", `/v1/audit/cases?${covenant}&limit=1`);
    await call(
      po,
      "privacy-officer",
      "GET",
      `/v1/audit/cases/${demo.ids.caseId}/visibility?organisation=${ORG.leerplicht}`,
    );
    await call(
      po,
      "privacy-officer",
      "GET",
      `/v1/audit/cases/${demo.ids.caseId}/visibility/changes?organisation=${ORG.leerplicht}`,
    );
    await call(po, "privacy-officer", "GET", `/v1/audit/integrity?${covenant}`);
    await call(po, "chair", "GET", `/v1/trends?${covenant}`);
    await call(po, "chair", "GET", `/v1/trends/themes?${covenant}`);
    await call(po, "chair", "GET", `/v1/covenants/${DEMO_COVENANT_ID}/possible-matches`);
    await call(
      po,
      "privacy-officer",
      "GET",
      `/v1/subjects/${demo.ids.subjectId}/report?${covenant}`,
    );
    await call(
      po,
      "privacy-officer",
      "GET",
      `/v1/subjects/${demo.ids.subjectId}/erasure-preview?${covenant}`,
    );
    await call(
      po,
      "privacy-officer",
      "GET",
      `/v1/subjects/${demo.ids.subjectId}/report.pdf?${covenant}`,
    );
    await mergedAndUndone(po);
    await call(po, "privacy-officer", "POST", `/v1/subjects/${demo.ids.subjectId}/erasure`, {
      covenantId: DEMO_COVENANT_ID,
      reason: "data-subject-request",
    });
    await call(
      po,
      "privacy-officer",
      "GET",
      `/v1/subjects/${demo.ids.subjectId}/report?${covenant}`,
    );
    await call(po, "professional", "GET", `/v1/audit/access?${covenant}`);
    await call(po, "privacy-officer", "GET", "/v1/audit/access?covenant=nope");
  }, 60_000);
  afterAll(() => demo?.service.close());

  /** A second record of the demo's pupil: merged, listed, undone, and looked up. */
  async function mergedAndUndone(po: string) {
    const token = await demo.service.token(ORG.police, ["professional"]);
    const opened = await demo.service.call(token, "POST", "/v1/cases", {
      covenantId: DEMO_COVENANT_ID,
      subject: { name: "Sem de V.", dateOfBirth: "2010-05-14", school: "Het Rivierencollege" },
      contact: { name: "Brigadier R. Bakker", function: "Wijkagent", reach: "0900-8844" },
      category: "drugs",
      level: "preventie",
      urgency: "high",
      description: "Gezien bij het station.",
    });
    const { caseId } = (await opened.json()) as { caseId: string };
    await call(po, "chair", "POST", "/v1/persons/merges", {
      covenantId: DEMO_COVENANT_ID,
      caseIds: [demo.ids.caseId, caseId],
      reason: "confirmed-by-partner",
    });
    const { mergeId } = exchanges.at(-1)!.body as { mergeId: string };
    await call(po, "privacy-officer", "GET", `/v1/audit/merges?covenant=${DEMO_COVENANT_ID}`);
    await call(po, "chair", "POST", `/v1/persons/merges/${mergeId}/undo`, {
      covenantId: DEMO_COVENANT_ID,
      reason: "merged-in-error",
    });
    await call(po, "privacy-officer", "POST", "/v1/persons/lookup", {
      covenantId: DEMO_COVENANT_ID,
      identity: { bsn: "111222333" },
    });
  }

  it("every route of these resources answered at least once with success", () => {
    for (const route of routes) {
      const pattern = patternOf(route);
      const answered = exchanges.some(
        (e) => e.method === route.method && pattern.test(e.path) && e.status < 300,
      );
      expect(answered, `${route.method.toUpperCase()} ${route.path}`).toBe(true);
    }
  });

  it("every success body parses with the route's schema; every failure is a problem document", () => {
    // The one case read (to have a read in the access log) belongs to the case resources' own test.
    for (const exchange of exchanges.filter((e) => !e.path.startsWith("/v1/cases"))) {
      const route = routes.find(
        (r) => r.method === exchange.method && patternOf(r).test(exchange.path),
      );
      expect(route, `${exchange.method} ${exchange.path}`).toBeDefined();
      const where = `${exchange.method.toUpperCase()} ${route!.path} ${exchange.status}`;
      if (exchange.status >= 400) {
        expect(exchange.contentType, where).toContain("application/problem+json");
        expect(problemSchema.safeParse(exchange.body).success, where).toBe(true);
        continue;
      }
      const schema = route!.responses[exchange.status];
      expect(schema, `${where} is documented`).toBeDefined();
      if (schema === null) {
        expect(exchange.body, where).toBeUndefined();
        continue;
      }
      const document = documentMediaType(schema!);
      if (document) {
        expect(exchange.contentType, where).toContain(document);
        continue;
      }
      const parsed = schema!.safeParse(exchange.body);
      expect(parsed.success, `${where}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect(
      exchanges
        .filter((e) => e.status >= 400)
        .map((e) => e.status)
        .sort(),
    ).toEqual([400, 403, 403, 404]);
  });

  it("the OpenAPI document lists every one of these routes with its responses", async () => {
    const document = (await (await fetch(`${demo.service.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      for (const status of Object.keys(route.responses))
        expect(operation!.responses).toHaveProperty(status);
    }
  });
});
