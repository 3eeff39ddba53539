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

export type DomainErrorCode =
  | "not_permitted"
  | "not_found"
  | "conflict"
  | "invalid"
  | "share_refused";

/** The actor's role or organisation may not issue this command. */
export class NotPermitted extends DomainError {
  constructor(rule: string, value: string | null = null) {
    super("not_permitted", rule, value);
    this.name = "NotPermitted";
  }
}

/** The case, covenant or item the command refers to does not exist. */
export class NotFound extends DomainError {
  constructor(rule: string, value: string | null = null) {
    super("not_found", rule, value);
    this.name = "NotFound";
  }
}

/** The command does not fit the current state (already joined, case closed, ...). */
export class Conflict extends DomainError {
  constructor(rule: string, value: string | null = null) {
    super("conflict", rule, value);
    this.name = "Conflict";
  }
}

/** The command itself is incomplete or malformed in a way only the domain can tell. */
export class InvalidCommand extends DomainError {
  constructor(rule: string, value: string | null = null) {
    super("invalid", rule, value);
    this.name = "InvalidCommand";
  }
}
