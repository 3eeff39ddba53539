import { RulesBroken } from "../domainError.js";
import { type BrokenRule, violationOf } from "../ruleCodes.js";
import { CONSENT_RULE_TEXTS, type ConsentRule } from "./consentRuleTexts.js";
import { SHARE_RULE_TEXTS, type ShareRule } from "./shareRuleTexts.js";

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
export { SHARE_RULES, type ShareRule } from "./shareRuleTexts.js";
