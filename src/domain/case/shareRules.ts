import type { Catalogue } from "../catalogue/catalogue.js";
import type { LegalBasis } from "../catalogue/legalBasis.js";
import { activeMember, type CovenantState, sharingRuleAllows } from "../covenant/state.js";
import { addDays, compareInstants, dateOf, isCalendarDate } from "../dates.js";
import { entryOf } from "../entries.js";
import type { BrokenRule } from "../ruleCodes.js";
import type { ShareInformation } from "./commands.js";
import { consentsForShare } from "./consent.js";
import type { CaseContext } from "./context.js";
import { SHARE_RULES, ShareRefused, type ShareRule } from "./errors.js";
import { isJoined } from "./guards.js";
import { isSubstantiveNecessity } from "./necessity.js";
import type { Refuse } from "./shareRuleTexts.js";
import type { CaseState } from "./state.js";

/** What a lawful share adds to the event: its effective expiry and the consents it relies on. */
export type LawfulShare = { expiresAt: string | null; consentIds: string[] };

/**
 * Partner kinds of sharer and recipients: null or left out where the organisation is no
 * (longer) a member, so a rule that depends on a kind is not reported twice.
 */
type Kinds = { sharerKind: string | null; recipientKinds: string[] };

function kindsOf(command: ShareInformation, covenant: CovenantState, refuse: Refuse): Kinds {
  const sharerId = command.actor.organisationId;
  const sharer = activeMember(covenant, sharerId);
  if (!sharer) refuse("sharer-covenant-member", sharerId);
  const recipientKinds: string[] = [];
  // The sharer named as its own recipient is refused as recipients-named, not checked again as one.
  for (const organisationId of new Set(command.recipients)) {
    if (organisationId === sharerId) continue;
    const recipient = activeMember(covenant, organisationId);
    if (recipient) recipientKinds.push(recipient.partnerKind);
    else refuse("recipient-covenant-member", organisationId);
  }
  return { sharerKind: sharer?.partnerKind ?? null, recipientKinds };
}

function checkParticipants(command: ShareInformation, state: CaseState, refuse: Refuse): void {
  const sharer = command.actor.organisationId;
  if (!isJoined(state, sharer)) refuse("sharer-participant", sharer);
  const { recipients } = command;
  if (recipients.length === 0) refuse("recipients-named");
  for (const [at, recipient] of recipients.entries()) {
    if (recipients.indexOf(recipient) !== at || recipient === sharer) {
      refuse("recipients-named", recipient);
    } else if (!isJoined(state, recipient)) refuse("recipient-participant", recipient);
  }
}

/** The catalogue entries of the share's categories; unknown ones are refused on their own. */
const knownCategories = (command: ShareInformation, catalogue: Catalogue) =>
  command.dataCategories.flatMap((id) => catalogue.dataCategories.filter((c) => c.id === id));

function checkCategories(command: ShareInformation, catalogue: Catalogue, refuse: Refuse): void {
  if (command.dataCategories.length === 0) refuse("data-categories-named");
  for (const id of command.dataCategories) {
    if (!catalogue.dataCategories.some((c) => c.id === id)) refuse("data-category-known", id);
  }
}

/** The basis must exist, be in force on the share date and fit every kind and category. */
function checkBasis(
  command: ShareInformation,
  context: CaseContext,
  kinds: Kinds,
  refuse: Refuse,
): LegalBasis | undefined {
  const basis = context.catalogue.legalBases.find((b) => b.id === command.legalBasisId);
  if (!basis) {
    refuse("basis-exists", command.legalBasisId);
    return undefined;
  }
  const on = dateOf(command.now);
  if (on < basis.validFrom || (basis.validUntil !== null && on > basis.validUntil)) {
    refuse("basis-valid-on-date", basis.id);
  }
  if (kinds.sharerKind !== null && !basis.sharerKinds.includes(kinds.sharerKind))
    refuse("basis-sharer-kind", kinds.sharerKind);
  for (const kind of new Set(kinds.recipientKinds)) {
    if (!basis.recipientKinds.includes(kind)) refuse("basis-recipient-kind", kind);
  }
  for (const category of knownCategories(command, context.catalogue)) {
    if (!basis.dataCategories.includes(category.id)) refuse("basis-data-category", category.id);
    if (category.special === "art9" && basis.requirements.art9Exception === null)
      refuse("special-category-art9", category.id);
    if (category.special === "art10" && basis.requirements.art10Basis === null)
      refuse("criminal-data-art10", category.id);
  }
  return basis;
}

/** Every (category, recipient kind) pair needs a covenant sharing rule naming this basis. */
function checkSharingRules(
  command: ShareInformation,
  context: CaseContext,
  kinds: Kinds,
  refuse: Refuse,
): void {
  const { sharerKind } = kinds;
  if (sharerKind === null) return;
  for (const { id: category } of knownCategories(command, context.catalogue)) {
    for (const recipientKind of new Set(kinds.recipientKinds)) {
      const allowed = sharingRuleAllows(
        context.covenant,
        sharerKind,
        category,
        recipientKind,
        command.legalBasisId,
      );
      if (!allowed) refuse("covenant-sharing-rule", `${sharerKind}>${category}>${recipientKind}`);
    }
  }
}

function checkPoliceRequirements(
  command: ShareInformation,
  basis: LegalBasis,
  refuse: Refuse,
): void {
  const { requirements } = basis;
  const filled = (value: unknown) => typeof value === "string" && value.trim().length > 0;
  if (requirements.decisionReference && !filled(command.decisionReference)) {
    refuse("wpg-decision-reference", basis.id);
  }
  if (requirements.weightyPublicInterest && !filled(command.weightyPublicInterest)) {
    refuse("wpg-weighty-public-interest", basis.id);
  }
  const agreement = command.competentAuthorityAgreement;
  const agreed =
    agreement &&
    ["burgemeester", "officier-van-justitie"].includes(agreement.authority) &&
    filled(agreement.reference) &&
    isCalendarDate(agreement.agreedOn) &&
    agreement.agreedOn <= dateOf(command.now);
  if (requirements.competentAuthorityAgreement && !agreed) {
    refuse("wpg-competent-authority", basis.id);
  }
}

/** Rule 3 v2: a share expires at the earliest of the requested expiry, the basis's default term and every relied-on consent's expiry. */
export const earliest = (...instants: (string | null)[]): string | null =>
  instants.filter((i): i is string => i !== null).sort(compareInstants)[0] ?? null;

const inRuleOrder = (a: BrokenRule<ShareRule>, b: BrokenRule<ShareRule>) =>
  SHARE_RULES.indexOf(a.rule) - SHARE_RULES.indexOf(b.rule);

/**
 * Every rule of DESIGN.md §3, all of them checked: a refusal lists every broken rule in the
 * order of SHARE_RULES, so the sharer learns at once everything that would make it lawful.
 */
export function checkShare(
  command: ShareInformation,
  state: CaseState,
  context: CaseContext,
): LawfulShare {
  const listed = (value: unknown) => (Array.isArray(value) ? (value as string[]) : []);
  command = {
    ...command,
    recipients: listed(command.recipients),
    dataCategories: listed(command.dataCategories),
  };
  const broken: BrokenRule<ShareRule>[] = [];
  const refuse: Refuse = (rule, value = null) => {
    if (!broken.some((b) => b.rule === rule && b.value === value)) broken.push({ rule, value });
  };
  if (state.status !== "open") refuse("case-open", command.caseId);
  checkParticipants(command, state, refuse);
  const kinds = kindsOf(command, context.covenant, refuse);
  checkCategories(command, context.catalogue, refuse);
  if (!entryOf(context.covenant.purposes, command.purposeId))
    refuse("covenant-purpose", command.purposeId);
  const basis = checkBasis(command, context, kinds, refuse);
  // A sharing rule can only name a basis from the catalogue: an unknown one is refused once.
  if (basis) checkSharingRules(command, context, kinds, refuse);
  if (!isSubstantiveNecessity(command.necessity))
    refuse("necessity-statement", command.legalBasisId);
  const requested = command.expiresAt ?? null;
  if (requested !== null && !(compareInstants(requested, command.now) > 0)) {
    refuse("expiry-in-future", requested);
  }
  if (basis) checkPoliceRequirements(command, basis, refuse);
  const consents = basis?.requirements.consent
    ? consentsForShare(state, command, command.now, refuse)
    : [];
  if (broken.length > 0) throw new ShareRefused(broken.sort(inRuleOrder));
  const byDefault =
    basis?.defaultExpiryDays == null ? null : addDays(command.now, basis.defaultExpiryDays);
  return {
    expiresAt: earliest(requested, byDefault, ...consents.map((c) => c.expiresAt)),
    consentIds: consents.map((c) => c.consentId),
  };
}
