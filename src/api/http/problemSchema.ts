import type { Response } from "express";
import { z } from "zod";
import {
  CONFLICT_RULES,
  CONSENT_RULES,
  DOMAIN_ERROR_CODES,
  INVALID_RULE_TEXTS,
  NOT_FOUND_RULES,
  ORGANISATION_RULES,
  ROLE_RULES,
  SHARE_RULES,
} from "../../domain/index.js";
import { type HttpProblem, type ProblemKind, problemCatalogue, problemType } from "./problems.js";

// The problem body as OpenAPI documents it: every type, code and rule as an enum, so a
// generated client can switch on them.

/** Rules a 422 lists: share rules, consent rules and the rules a command breaks on its own. */
export const REFUSAL_RULES = [
  ...SHARE_RULES,
  ...CONSENT_RULES,
  ...(Object.keys(INVALID_RULE_TEXTS) as (keyof typeof INVALID_RULE_TEXTS)[]),
];

/** Every rule code a problem can name, refusals and permissions and conflicts alike. */
export const ALL_RULES = [
  ...new Set<string>([
    ...REFUSAL_RULES,
    ...ROLE_RULES,
    ...ORGANISATION_RULES,
    ...NOT_FOUND_RULES,
    ...CONFLICT_RULES,
  ]),
];

const problemTypes = (Object.keys(problemCatalogue) as ProblemKind[]).map(problemType);

const violation = z
  .object({
    rule: z.enum(REFUSAL_RULES).meta({ id: "RefusalRule" }),
    value: z
      .string()
      .nullable()
      .describe("The offending id, kind, category or date; never personal data"),
    explanation: z.string().describe("What the rule requires, in plain English"),
    remedy: z.string().describe("What would make the request acceptable"),
  })
  .meta({ id: "Violation" });

export const problemSchema = z
  .object({
    type: z
      .enum(problemTypes as [string, ...string[]])
      .meta({ id: "ProblemType", description: "Stable: clients branch on these URIs" }),
    title: z.string().describe("The same for every problem of this type"),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z
      .enum(DOMAIN_ERROR_CODES)
      .optional()
      .describe("Stable code of the domain refusal, when one caused this"),
    rule: z
      .enum(ALL_RULES as [string, ...string[]])
      .meta({ id: "RuleCode" })
      .optional()
      .describe("The (first) rule that refused the request; never on 404"),
    violations: z
      .array(violation)
      .optional()
      .describe("On 422: every rule broken, each explained, in the order the rules are checked"),
    errors: z
      .array(
        z.object({
          in: z.enum(["body", "query", "params", "header"]),
          path: z.string(),
          message: z.string(),
        }),
      )
      .optional()
      .describe("Validation failures, one per field"),
  })
  .meta({ id: "Problem" });

export type ProblemBody = z.infer<typeof problemSchema>;

export function problemBody(problem: HttpProblem): ProblemBody {
  const { title } = problemCatalogue[problem.kind];
  return {
    type: problemType(problem.kind),
    title,
    status: problem.status,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    ...problem.extensions,
  };
}

export function sendProblem(res: Response, problem: HttpProblem): void {
  for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
  res
    .status(problem.status)
    .type("application/problem+json")
    .send(JSON.stringify(problemBody(problem)));
}
