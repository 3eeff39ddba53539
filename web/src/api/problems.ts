import type { Schemas } from "./client";

export type Problem = Schemas["Problem"];

/** One broken rule as the service names it; the console supplies the plain-language text. */
export interface BrokenRule {
  rule: string;
  /** The service's own words, shown when the console has no text for this rule. */
  explanation?: string;
  remedy?: string;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

function ruleOf(entry: unknown): BrokenRule | undefined {
  if (typeof entry === "string") return { rule: entry };
  if (typeof entry !== "object" || entry === null) return undefined;
  const item = entry as Record<string, unknown>;
  const rule = text(item.rule) ?? text(item.code);
  if (!rule) return undefined;
  return {
    rule,
    explanation: text(item.explanation) ?? text(item.detail),
    remedy: text(item.remedy),
  };
}

/**
 * Every rule a 422 names: today's single `rule`, or a list (`rules`, `violations`) of codes
 * or `{ rule, explanation, remedy }` objects as the refusal grows to name each broken rule.
 */
export function brokenRules(problem: Problem): BrokenRule[] {
  const body = problem as Problem & Record<string, unknown>;
  const listed = [body.rules, body.violations].find(Array.isArray) as unknown[] | undefined;
  const rules = (listed ?? [body]).map(ruleOf).filter((rule) => rule !== undefined);
  return [...new Map(rules.map((rule) => [rule.rule, rule])).values()];
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "type" in value;
}
