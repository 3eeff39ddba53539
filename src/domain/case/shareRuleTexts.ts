import type { RuleText } from "../ruleCodes.js";

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

/** Notes one broken rule with its offending id, kind or category; checking goes on. */
export type Refuse = (rule: ShareRule, value?: string | null) => void;

const consentOf = (whose: string): RuleText => ({
  explanation: `A share that rests on consent needs active consent of ${whose} that covers every data category, every recipient and the purpose of this share.`,
  remedy: `Record ${whose}'s consent covering this share, or share under another legal basis.`,
});

/** What each share rule of DESIGN §3 means and what would make the share lawful. */
export const SHARE_RULE_TEXTS: Readonly<Record<ShareRule, RuleText>> = {
  "case-open": {
    explanation: "Information is shared only in an open case.",
    remedy: "Ask the chair to reopen the case first.",
  },
  "sharer-participant": {
    explanation: "Only an organisation that has joined the case shares in it.",
    remedy: "Join the case (accept the chair's invitation) before sharing.",
  },
  "recipients-named": {
    explanation: "A share names at least one recipient, each once, and not the sharer itself.",
    remedy: "List each recipient organisation once and leave out your own.",
  },
  "recipient-participant": {
    explanation: "Every recipient must have joined the case.",
    remedy:
      "Leave the organisation out, or ask the chair to invite it and share once it has joined.",
  },
  "sharer-covenant-member": {
    explanation: "The sharing organisation must be a current member of the case's covenant.",
    remedy: "Ask the covenant's admin to admit your organisation.",
  },
  "recipient-covenant-member": {
    explanation: "Every recipient must be a current member of the case's covenant.",
    remedy: "Leave out recipients that are not members of the covenant.",
  },
  "data-categories-named": {
    explanation: "A share names the data categories its information falls under.",
    remedy: "Name at least one data category.",
  },
  "data-category-known": {
    explanation: "Every data category must be one of the catalogue's.",
    remedy: "Use data category ids from /v1/catalogue/data-categories.",
  },
  "covenant-purpose": {
    explanation: "Information is shared only for a purpose the covenant lists.",
    remedy: "Choose one of the covenant's purposes.",
  },
  "basis-exists": {
    explanation: "The legal basis must be one of the catalogue's.",
    remedy: "Use a legal basis id from /v1/catalogue/legal-bases.",
  },
  "basis-valid-on-date": {
    explanation: "The legal basis must be in force on the day of sharing.",
    remedy: "Choose a legal basis that is in force today.",
  },
  "basis-sharer-kind": {
    explanation: "The legal basis must allow an organisation of the sharer's kind to share.",
    remedy: "Choose a legal basis that names your kind of organisation as a sharer.",
  },
  "basis-recipient-kind": {
    explanation: "The legal basis must allow every recipient's kind of organisation to receive.",
    remedy:
      "Choose a basis that covers every recipient's kind, or share with each kind separately.",
  },
  "basis-data-category": {
    explanation: "The legal basis must cover every data category shared.",
    remedy: "Choose a basis that covers these categories, or leave the uncovered categories out.",
  },
  "special-category-art9": {
    explanation: "Health data are shared only under a basis with an AVG art. 9 exception.",
    remedy: "Choose a basis with an art. 9 exception, or leave the health data out.",
  },
  "criminal-data-art10": {
    explanation: "Criminal and police data are shared only under an AVG art. 10 or Wpg basis.",
    remedy: "Choose a basis with an art. 10 or Wpg ground, or leave those data out.",
  },
  "covenant-sharing-rule": {
    explanation:
      "The covenant must have a sharing rule for this sharer kind, data category, recipient kind and legal basis.",
    remedy: "Share within the covenant's sharing rules, or ask its admin to add the rule.",
  },
  "necessity-statement": {
    explanation:
      "A share states, in substance, why the recipients need this information: a stock phrase or a few words do not.",
    remedy: "Explain in your own words why each recipient needs this information for the purpose.",
  },
  "expiry-in-future": {
    explanation: "A requested expiry must lie in the future.",
    remedy: "Give an expiry after now, or none (the basis's default term then applies).",
  },
  "wpg-decision-reference": {
    explanation: "This basis needs the reference of the samenwerkingsverband's decision to share.",
    remedy: "Give the decision reference.",
  },
  "wpg-weighty-public-interest": {
    explanation: "This basis needs the weighty public interest the share serves.",
    remedy: "State the weighty public interest.",
  },
  "wpg-competent-authority": {
    explanation:
      "This basis needs the agreement of the competent authority (mayor or public prosecutor), given on or before the day of sharing.",
    remedy: "Give the authority, its reference and the date it agreed.",
  },
  "consent-age-known": {
    explanation:
      "A share that rests on consent needs the young person's age, to know whose consent counts.",
    remedy: "Share under a basis that does not rest on consent.",
  },
  "consent-subject": consentOf("the young person"),
  "consent-parents": consentOf("the parents"),
};
