import { INVALID_RULE_TEXTS, type InvalidRule } from "./invalidRules.js";
import {
  type ConflictRule,
  type NotFoundRule,
  type OrganisationRule,
  type RoleRule,
  type Violation,
  violationOf,
} from "./ruleCodes.js";

/**
 * A command broke a rule. `code` is stable (the API maps it to a problem type), `rule` names
 * the rule and `value` is the offending non-personal value (an id, a kind, a category).
 * Messages never carry personal data.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly rule: string,
    readonly value: string | null = null,
  ) {
    super(value === null ? `${code}: ${rule}` : `${code}: ${rule} (${value})`);
    this.name = "DomainError";
  }
}

/** The stable code of each kind of refusal; the API maps each to one problem type. */
export const DOMAIN_ERROR_CODES = [
  "not_permitted",
  "organisation_not_permitted",
  "not_found",
  "conflict",
  "invalid",
  "share_refused",
  "consent_refused",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** The actor's role may not issue this command. */
export class NotPermitted extends DomainError {
  constructor(rule: RoleRule, value: string | null = null) {
    super("not_permitted", rule, value);
    this.name = "NotPermitted";
  }
}

/** The actor's organisation may not issue this command on an object it may know of. */
export class OrganisationNotPermitted extends DomainError {
  constructor(rule: OrganisationRule, value: string | null = null) {
    super("organisation_not_permitted", rule, value);
    this.name = "OrganisationNotPermitted";
  }
}

/** The case, covenant or item the command refers to does not exist. */
export class NotFound extends DomainError {
  constructor(rule: NotFoundRule, value: string | null = null) {
    super("not_found", rule, value);
    this.name = "NotFound";
  }
}

/** The command does not fit the current state (already joined, case closed, ...). */
export class Conflict extends DomainError {
  constructor(rule: ConflictRule, value: string | null = null) {
    super("conflict", rule, value);
    this.name = "Conflict";
  }
}

/** Rules refused the command; every broken rule is listed, the first also as `rule`. */
export class RulesBroken extends DomainError {
  constructor(
    code: "invalid" | "share_refused" | "consent_refused",
    readonly violations: readonly Violation[],
  ) {
    const [first] = violations;
    if (!first) throw new Error("a refusal names at least one rule");
    super(code, first.rule, first.value);
    const more = violations.length - 1;
    if (more > 0) this.message += ` and ${more} more: ${violations.map((v) => v.rule).join(", ")}`;
  }
}

/** The command itself is incomplete or malformed in a way only the domain can tell. */
export class InvalidCommand extends RulesBroken {
  constructor(rule: InvalidRule, value: string | null = null) {
    super("invalid", [violationOf(INVALID_RULE_TEXTS, { rule, value })]);
    this.name = "InvalidCommand";
  }
}
