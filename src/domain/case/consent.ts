import { ageOn, compareInstants, dateOf } from "../dates.js";
import { ERASED } from "../personalFields.js";
import type { ConsentGiver } from "./events.js";
import type { Refuse } from "./shareRuleTexts.js";
import type { CaseState, Consent } from "./state.js";

/**
 * Who must consent, by the young person's age on the share date (Jeugdwet 7.3.4, 7.3.5,
 * 7.3.15): under 12 the parents with authority; 12–15 the young person and the parents;
 * 16 and older the young person alone. A "parent" consent record stands for the parents.
 */
export function requiredConsentGivers(age: number): ConsentGiver[] {
  if (age < 12) return ["parent"];
  if (age < 16) return ["subject", "parent"];
  return ["subject"];
}

type ConsentNeed = { dataCategories: string[]; recipients: string[]; purposeId: string };

/** Active on `now`: given, not withdrawn, not expired. */
export const isConsentActive = (consent: Consent, now: string) =>
  consent.withdrawnAt === null &&
  consent.givenOn <= dateOf(now) &&
  (consent.expiresAt === null || compareInstants(consent.expiresAt, now) > 0);

const covers = (consent: Consent, need: ConsentNeed) =>
  consent.scope.purposeId === need.purposeId &&
  need.dataCategories.every((category) => consent.scope.dataCategories.includes(category)) &&
  need.recipients.every((recipient) => consent.scope.recipientOrganisationIds.includes(recipient));

/**
 * A parent or guardian without parental authority cannot consent for the young person.
 * Records made before issue 12 did not state it; "parent" then stood for the parents with
 * authority, as recorded, so they still count.
 */
const counts = (consent: Consent) => consent.giver.parentalAuthority !== false;

/**
 * The consent records a consent-based share relies on, one per required giver; notes a
 * broken rule when the subject's age is unknown (erased or missing) or a giver's consent is lacking.
 */
export function consentsForShare(
  state: CaseState,
  need: ConsentNeed,
  now: string,
  refuse: Refuse,
): Consent[] {
  const dateOfBirth = state.subject?.dateOfBirth;
  const age = dateOfBirth && dateOfBirth !== ERASED ? ageOn(dateOfBirth, dateOf(now)) : null;
  if (age === null) {
    refuse("consent-age-known");
    return [];
  }
  const found: Consent[] = [];
  for (const giver of requiredConsentGivers(age)) {
    const consent = Object.values(state.consents).find(
      (c) => c.givenBy === giver && counts(c) && isConsentActive(c, now) && covers(c, need),
    );
    if (consent) found.push(consent);
    else refuse(giver === "subject" ? "consent-subject" : "consent-parents", giver);
  }
  return found;
}
