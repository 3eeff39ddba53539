import { RulesBroken } from "../domainError.js";
import { type BrokenRule, violationOf } from "../ruleCodes.js";
import { CONSENT_RULE_TEXTS, type ConsentRule } from "./consentRuleTexts.js";
import { SHARE_RULE_TEXTS } from "./shareRuleTexts.js";

/** Every rule a share must satisfy (DESIGN.md §3), in the order they are checked and listed. */
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

/** A share broke one or more rules; nothing is recorded. Each names its offending id, kind or category. */
export class ShareRefused extends RulesBroken {
  declare readonly rule: ShareRule;
  constructor(broken: readonly BrokenRule<ShareRule>[]) {
    super(
      "share_refused",
      broken.map((b) => violationOf(SHARE_RULE_TEXTS, b)),
    );
    this.name = "ShareRefused";
  }
}

/** A consent record broke one or more rules; nothing is recorded. */
export class ConsentRefused extends RulesBroken {
  declare readonly rule: ConsentRule;
  constructor(broken: readonly BrokenRule<ConsentRule>[]) {
    super(
      "consent_refused",
      broken.map((b) => violationOf(CONSENT_RULE_TEXTS, b)),
    );
    this.name = "ConsentRefused";
  }
}

export {
  Conflict,
  DomainError,
  InvalidCommand,
  NotFound,
  NotPermitted,
  OrganisationNotPermitted,
} from "../domainError.js";
export { CONSENT_RULES, type ConsentRule } from "./consentRuleTexts.js";
