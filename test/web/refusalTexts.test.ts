import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SHARE_RULES } from "../../src/domain/case/errors.js";
import { brokenRules } from "../../web/src/api/problems.js";
import { ruleTexts } from "../../web/src/share/ruleTexts.js";

// A refused share must read as plain language for every rule the domain can break, in both
// locales, whatever shape the 422 takes while the API grows from one rule to a list.

describe("the console's words for refused shares", () => {
  test("every share rule of the domain has an explanation and a remedy in Dutch and English", () => {
    for (const rule of SHARE_RULES) {
      for (const locale of ["nl", "en"] as const) {
        const text = ruleTexts[rule]?.[locale];
        expect(text?.explanation, `${rule} ${locale}`).toMatch(/\S{3,}/);
        expect(text?.remedy, `${rule} ${locale}`).toMatch(/\S{3,}/);
      }
    }
  });

  test("the console names no rule the domain does not have", () => {
    expect(
      Object.keys(ruleTexts).filter((rule) => !(SHARE_RULES as readonly string[]).includes(rule)),
    ).toEqual([]);
  });
});

describe("reading the rules a 422 names", () => {
  test("today's single rule", () => {
    const problem = { status: 422, code: "share_refused", rule: "case-open", detail: "refused" };
    expect(brokenRules(problem)).toEqual([
      { rule: "case-open", explanation: "refused", remedy: undefined },
    ]);
  });

  test("a list of rules with explanation and remedy keeps each rule once, in order", () => {
    const problem = {
      status: 422,
      rule: "necessity-statement",
      violations: [
        { rule: "necessity-statement", explanation: "why", remedy: "say why" },
        { code: "consent-subject" },
        "consent-parents",
        { rule: "necessity-statement" },
      ],
    };
    expect(brokenRules(problem).map((broken) => broken.rule)).toEqual([
      "necessity-statement",
      "consent-subject",
      "consent-parents",
    ]);
    expect(brokenRules(problem)[0]).toMatchObject({ explanation: "why", remedy: "say why" });
  });

  test("a validation-style errors list without rule codes falls back to the single rule", () => {
    const problem = { rule: "case-open", errors: [{ in: "body", path: "/x", message: "bad" }] };
    expect(brokenRules(problem).map((broken) => broken.rule)).toEqual(["case-open"]);
  });

  test("hostile bodies never throw and never invent a rule", () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        for (const broken of brokenRules(body)) expect(typeof broken.rule).toBe("string");
      }),
    );
    expect(
      brokenRules(JSON.parse('{"__proto__":{"rule":"x"},"rules":[{"constructor":1}]}')),
    ).toEqual([]);
  });
});
