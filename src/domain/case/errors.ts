import { DomainError } from "../domainError.js";

/** Every rule a share must satisfy (DESIGN.md §3), in the order they are checked. */
export const SHARE_RULES = [
  "case-open",
  "sharer-participant",
  "recipients-named",
  "recipient-participant",
  "sharer-covenant-member",
  "recipient-covenant-member",
  "data-categories-named",
  "data-category-known",
  "covenant-purpose",
  "basis-exists",
  "basis-valid-on-date",
  "basis-sharer-kind",
  "basis-recipient-kind",
  "basis-data-category",
  "special-category-art9",
  "criminal-data-art10",
  "covenant-sharing-rule",
  "necessity-statement",
  "expiry-in-future",
  "wpg-decision-reference",
  "wpg-weighty-public-interest",
  "wpg-competent-authority",
  "consent-age-known",
  "consent-subject",
  "consent-parents",
] as const;

export type ShareRule = (typeof SHARE_RULES)[number];

/** A share broke a rule; nothing is recorded. `value` is the offending id, kind or category. */
export class ShareRefused extends DomainError {
  declare readonly rule: ShareRule;
  constructor(rule: ShareRule, value: string | null = null) {
    super("share_refused", rule, value);
    this.name = "ShareRefused";
  }
}

export { Conflict, DomainError, InvalidCommand, NotFound, NotPermitted } from "../domainError.js";
