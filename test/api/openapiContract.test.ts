import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ALL_RULES, REFUSAL_RULES } from "../../src/api/http/problemSchema.js";
import { type ProblemKind, problemCatalogue, problemType } from "../../src/api/http/problems.js";
import {
  CONFLICT_RULES,
  CONSENT_RULES,
  DOMAIN_ERROR_CODES,
  INVALID_RULE_TEXTS,
  NOT_FOUND_RULES,
  ORGANISATION_RULES,
  ROLE_RULES,
  SHARE_RULES,
} from "../../src/domain/index.js";
import { startTestService, type TestService } from "./support/service.js";

// The OpenAPI document is the contract a generated client is built from (DESIGN §4): it lists
// every problem type, domain code and rule code as enums, and Redocly's recommended rules find
// no error in it.

let service: TestService;
// biome-ignore lint/suspicious/noExplicitAny: the test walks an arbitrary JSON document
let document: any;
beforeAll(async () => {
  service = await startTestService("sqlite");
  document = await (await fetch(`${service.url}/openapi.json`)).json();
}, 60_000);
afterAll(() => service?.close());

describe("given the service's /openapi.json", () => {
  test("when Redocly lints it with its recommended rules, then it finds no error and no warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: "openapi.json",
      config,
    });
    const found = problems.map(
      (problem) =>
        `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
    );
    expect(found).toEqual([]);
  });

  test("then it names servers and a licence", () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: expect.any(String) })]);
    expect(document.info.license).toEqual(expect.objectContaining({ name: expect.any(String) }));
  });

  test("then every problem type is an enum value a client can switch on", () => {
    const types = (Object.keys(problemCatalogue) as ProblemKind[]).map(problemType);
    expect(document.components.schemas.ProblemType.enum).toEqual(types);
    expect(document.components.schemas.Problem.properties.type.$ref).toBe(
      "#/components/schemas/ProblemType",
    );
  });

  test("then every domain code and every rule code of every refusal is listed", () => {
    const problem = document.components.schemas.Problem.properties;
    expect(problem.code.enum).toEqual([...DOMAIN_ERROR_CODES]);
    const rules = new Set<string>(document.components.schemas.RuleCode.enum);
    for (const rule of [
      ...SHARE_RULES,
      ...CONSENT_RULES,
      ...Object.keys(INVALID_RULE_TEXTS),
      ...ROLE_RULES,
      ...ORGANISATION_RULES,
      ...NOT_FOUND_RULES,
      ...CONFLICT_RULES,
    ]) {
      expect(rules, rule).toContain(rule);
    }
    expect([...rules].sort()).toEqual([...ALL_RULES].sort());
    expect(document.components.schemas.RefusalRule.enum).toEqual(REFUSAL_RULES);
  });

  test("then a 422 documents its violations, each with rule, value, explanation and remedy", () => {
    const violation = document.components.schemas.Violation;
    expect(violation.required).toEqual(["rule", "value", "explanation", "remedy"]);
    const share = document.paths["/v1/cases/{caseId}/shares"].post.responses["422"];
    const examples = Object.keys(share.content["application/problem+json"].examples);
    expect(examples).toContain("share_refused");
  });
});
