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

const LISTS = ["rules", "violations", "brokenRules", "errors"] as const;

/**
 * Every rule a 422 names: today's single `rule`, or a list of codes or
 * `{ rule, explanation, remedy }` objects as the refusal grows to name each broken rule.
 * Takes the body as it came, so it depends on no generated type.
 */
export function brokenRules(problem: unknown): BrokenRule[] {
  const body = (typeof problem === "object" && problem !== null ? problem : {}) as Record<
    string,
    unknown
  >;
  const listed = LISTS.map((key) => body[key])
    .filter(Array.isArray)
    .map((list) => list.map(ruleOf).filter((rule) => rule !== undefined))
    .find((rules) => rules.length > 0);
  const rules = listed ?? [ruleOf(body)].filter((rule) => rule !== undefined);
  const first = new Map<string, BrokenRule>();
  for (const rule of rules) if (!first.has(rule.rule)) first.set(rule.rule, rule);
  return [...first.values()];
}
