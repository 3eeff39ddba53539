import { InvalidCommand } from "./domainError.js";
import type { InvalidRule } from "./invalidRules.js";

/** Free text a command must carry: a non-blank string, or InvalidCommand naming the rule. */
export function requireText(value: unknown, rule: InvalidRule): string {
  if (typeof value !== "string" || value.trim() === "") throw new InvalidCommand(rule);
  return value;
}
