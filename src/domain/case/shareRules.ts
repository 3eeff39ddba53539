import type { Catalogue } from "../catalogue/catalogue.js";
import type { LegalBasis } from "../catalogue/legalBasis.js";
import { activeMember, type CovenantState, sharingRuleAllows } from "../covenant/state.js";
import { addDays, compareInstants, dateOf, isCalendarDate } from "../dates.js";
import { entryOf } from "../entries.js";
import type { ShareInformation } from "./commands.js";
import { consentsForShare } from "./consent.js";
import type { CaseContext } from "./context.js";
import { ShareRefused } from "./errors.js";
import { isJoined } from "./guards.js";
import { isSubstantiveNecessity } from "./necessity.js";
import type { CaseState } from "./state.js";

/** What a lawful share adds to the event: its effective expiry and the consents it relies on. */
export type LawfulShare = { expiresAt: string | null; consentIds: string[] };

/** The partner kind of each organisation, refusing organisations that are no (longer) members. */
function kindsOf(command: ShareInformation, covenant: CovenantState) {
  const sharer = activeMember(covenant, command.actor.organisationId);
  if (!sharer) throw new ShareRefused("sharer-covenant-member", command.actor.organisationId);
  const recipientKinds = command.recipients.map((organisationId) => {
    const recipient = activeMember(covenant, organisationId);
    if (!recipient) throw new ShareRefused("recipient-covenant-member", organisationId);
    return recipient.partnerKind;
  });
  return { sharerKind: sharer.partnerKind, recipientKinds };
}

function checkParticipants(command: ShareInformation, state: CaseState): void {
  const sharer = command.actor.organisationId;
  if (!isJoined(state, sharer)) throw new ShareRefused("sharer-participant", sharer);
  const { recipients } = command;
  if (!Array.isArray(recipients) || recipients.length === 0)
    throw new ShareRefused("recipients-named");
  const duplicate = recipients.find((r, i) => recipients.indexOf(r) !== i || r === sharer);
  if (duplicate !== undefined) throw new ShareRefused("recipients-named", duplicate);
  const outsider = recipients.find((r) => !isJoined(state, r));
  if (outsider !== undefined) throw new ShareRefused("recipient-participant", outsider);
}

function checkCategories(command: ShareInformation, catalogue: Catalogue): void {
  const { dataCategories } = command;
  if (!Array.isArray(dataCategories) || dataCategories.length === 0) {
    throw new ShareRefused("data-categories-named");
  }
  const unknown = dataCategories.find((id) => !catalogue.dataCategories.some((c) => c.id === id));
  if (unknown !== undefined) throw new ShareRefused("data-category-known", unknown);
}

/** The basis must exist, be in force on the share date and fit every kind and category. */
function checkBasis(
  command: ShareInformation,
  context: CaseContext,
  kinds: ReturnType<typeof kindsOf>,
) {
  const basis = context.catalogue.legalBases.find((b) => b.id === command.legalBasisId);
  if (!basis) throw new ShareRefused("basis-exists", command.legalBasisId);
  const on = dateOf(command.now);
  if (on < basis.validFrom || (basis.validUntil !== null && on > basis.validUntil)) {
    throw new ShareRefused("basis-valid-on-date", basis.id);
  }
  if (!basis.sharerKinds.includes(kinds.sharerKind))
    throw new ShareRefused("basis-sharer-kind", kinds.sharerKind);
  const recipientKind = kinds.recipientKinds.find((kind) => !basis.recipientKinds.includes(kind));
  if (recipientKind !== undefined) throw new ShareRefused("basis-recipient-kind", recipientKind);
  const category = command.dataCategories.find((c) => !basis.dataCategories.includes(c));
  if (category !== undefined) throw new ShareRefused("basis-data-category", category);
  for (const id of command.dataCategories) {
    const special = context.catalogue.dataCategories.find((c) => c.id === id)?.special;
    if (special === "art9" && basis.requirements.art9Exception === null) {
      throw new ShareRefused("special-category-art9", id);
    }
    if (special === "art10" && basis.requirements.art10Basis === null) {
      throw new ShareRefused("criminal-data-art10", id);
    }
  }
  return basis;
}

/** Every (category, recipient kind) pair needs a covenant sharing rule naming this basis. */
function checkSharingRules(
  command: ShareInformation,
  covenant: CovenantState,
  kinds: ReturnType<typeof kindsOf>,
) {
  for (const category of command.dataCategories) {
    for (const recipientKind of kinds.recipientKinds) {
      if (
        !sharingRuleAllows(
          covenant,
          kinds.sharerKind,
          category,
          recipientKind,
          command.legalBasisId,
        )
      ) {
        throw new ShareRefused(
          "covenant-sharing-rule",
          `${kinds.sharerKind}>${category}>${recipientKind}`,
        );
      }
    }
  }
}

function checkPoliceRequirements(command: ShareInformation, basis: LegalBasis): void {
  const { requirements } = basis;
  const filled = (value: unknown) => typeof value === "string" && value.trim().length > 0;
  if (requirements.decisionReference && !filled(command.decisionReference)) {
    throw new ShareRefused("wpg-decision-reference", basis.id);
  }
  if (requirements.weightyPublicInterest && !filled(command.weightyPublicInterest)) {
    throw new ShareRefused("wpg-weighty-public-interest", basis.id);
  }
  const agreement = command.competentAuthorityAgreement;
  const agreed =
    agreement &&
    ["burgemeester", "officier-van-justitie"].includes(agreement.authority) &&
    filled(agreement.reference) &&
    isCalendarDate(agreement.agreedOn) &&
    agreement.agreedOn <= dateOf(command.now);
  if (requirements.competentAuthorityAgreement && !agreed) {
    throw new ShareRefused("wpg-competent-authority", basis.id);
  }
}

/** The earliest of: the requested expiry, the basis's default, and any relied-on consent's expiry. */
const earliest = (...instants: (string | null)[]) =>
  instants.filter((i): i is string => i !== null).sort(compareInstants)[0] ?? null;

/** Every rule of DESIGN.md §3, checked in the order of SHARE_RULES; throws ShareRefused on the first break. */
export function checkShare(
  command: ShareInformation,
  state: CaseState,
  context: CaseContext,
): LawfulShare {
  if (state.status !== "open") throw new ShareRefused("case-open", command.caseId);
  checkParticipants(command, state);
  const kinds = kindsOf(command, context.covenant);
  checkCategories(command, context.catalogue);
  if (!entryOf(context.covenant.purposes, command.purposeId))
    throw new ShareRefused("covenant-purpose", command.purposeId);
  const basis = checkBasis(command, context, kinds);
  checkSharingRules(command, context.covenant, kinds);
  if (!isSubstantiveNecessity(command.necessity))
    throw new ShareRefused("necessity-statement", basis.id);
  const requested = command.expiresAt ?? null;
  if (requested !== null && !(compareInstants(requested, command.now) > 0)) {
    throw new ShareRefused("expiry-in-future", requested);
  }
  checkPoliceRequirements(command, basis);
  const consents = basis.requirements.consent ? consentsForShare(state, command, command.now) : [];
  const byDefault =
    basis.defaultExpiryDays === null ? null : addDays(command.now, basis.defaultExpiryDays);
  return {
    expiresAt: earliest(requested ?? byDefault, ...consents.map((c) => c.expiresAt)),
    consentIds: consents.map((c) => c.consentId),
  };
}
