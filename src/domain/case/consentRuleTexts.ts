import type { RuleText } from "../ruleCodes.js";

/** Every rule a consent record must satisfy, in the order they are listed. */
export const CONSENT_RULES = [
  "consent-given-by",
  "consent-giver-name",
  "consent-parental-authority",
  "consent-method",
  "consent-evidence",
  "consent-purpose",
  "consent-data-categories",
  "consent-recipients",
  "consent-given-on",
  "consent-expiry",
] as const;

export type ConsentRule = (typeof CONSENT_RULES)[number];

/** What each consent rule means and what would make the record acceptable. */
export const CONSENT_RULE_TEXTS: Readonly<Record<ConsentRule, RuleText>> = {
  "consent-given-by": {
    explanation: "Consent is given by the young person, a parent or a guardian.",
    remedy: "Say who gave it: giver.role subject, parent or guardian.",
  },
  "consent-giver-name": {
    explanation: "A parent's or guardian's consent names the person who gave it.",
    remedy: "Give giver.name.",
  },
  "consent-parental-authority": {
    explanation: "A parent's or guardian's consent states whether they hold parental authority.",
    remedy: "Give giver.parentalAuthority as true or false.",
  },
  "consent-method": {
    explanation: "Consent is recorded with how it was given: on a form or verbally.",
    remedy: "Give method form or verbal.",
  },
  "consent-evidence": {
    explanation: "Consent refers to its evidence, so a privacy officer can rely on it.",
    remedy: "Give evidenceReference: where the form or the note of the conversation is kept.",
  },
  "consent-purpose": {
    explanation: "Consent covers one of the covenant's purposes.",
    remedy: "Name a purpose the covenant lists.",
  },
  "consent-data-categories": {
    explanation: "Consent names the data categories it covers, each from the catalogue.",
    remedy: "Name at least one data category id from /v1/catalogue/data-categories.",
  },
  "consent-recipients": {
    explanation: "Consent names the organisations that may receive the information.",
    remedy: "Name at least one recipient organisation.",
  },
  "consent-given-on": {
    explanation: "Consent is recorded with the calendar date it was given, today or earlier.",
    remedy: "Give the date it was given as YYYY-MM-DD, not in the future.",
  },
  "consent-expiry": {
    explanation: "A consent's expiry must lie in the future.",
    remedy: "Give an expiry after now, or none.",
  },
};
