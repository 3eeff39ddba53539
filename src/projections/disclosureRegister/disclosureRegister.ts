import {
  type Actor,
  type CaseEvent,
  type CompetentAuthorityAgreement,
  catalogue,
  ERASED,
  findLegalBasis,
  NotPermitted,
  type SubjectErased,
} from "../../domain/index.js";
import {
  type AuditedCovenant,
  type AuditFilter,
  disclosureInScope,
  privacyOfficerScope,
  withinPeriod,
} from "../../privacy/policy/audit.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";
import { FIRST_PAGE, type Page, type PageRequest } from "../shelved/paging.js";

/** One share as the privacy officer sees it: who gave which categories to whom, why, when. Never content. */
export interface Disclosure {
  shareId: string;
  caseId: string;
  subjectId: string;
  covenantId: string;
  sharedBy: string;
  /** The user who made the share, from the event's metadata. */
  sharedByUserId: string | null;
  recipients: string[];
  dataCategories: string[];
  legalBasisId: string;
  /** The catalogue's citation of the basis; null when the catalogue no longer has it. */
  legalBasisCitation: string | null;
  purposeId: string;
  /** The sharer's necessity statement, decrypted; "[erased]" after erasure. */
  necessity: string;
  /** Wpg art. 19/20 justification, decrypted like the necessity statement. */
  weightyPublicInterest: string | null;
  decisionReference: string | null;
  competentAuthorityAgreement: CompetentAuthorityAgreement | null;
  consentIds: string[];
  sharedAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When the sharer corrected the content; what it said is not the officer's to see. */
  corrections: { correctedAt: string }[];
  /** The consent records the share relied on, as metadata: never the giver's name or the evidence itself. */
  consents: ConsentMetadata[];
}

/** What a privacy officer relies on in a consent record: who (by role), with what authority, how, by whom. */
export interface ConsentMetadata {
  consentId: string;
  giverRole: "subject" | "parent" | "guardian";
  parentalAuthority: boolean | null;
  method: "form" | "verbal" | null;
  /** Whether the record points to its evidence; where is personal and not the officer's to read. */
  evidenceReferenced: boolean;
  recordedBy: string;
  recordedByUserId: string | null;
  givenOn: string;
  expiresAt: string | null;
  withdrawnAt: string | null;
}

export interface DisclosureRegister extends ReadModel {
  /**
   * Rule 5: a page of the disclosures in the viewer's scope, filtered, in the order the shares
   * were made; throws NotPermitted for anyone but a privacy officer of the covenant.
   */
  disclosures(
    viewer: Actor,
    covenant: AuditedCovenant,
    filter?: AuditFilter,
    page?: PageRequest,
  ): Page<Disclosure>;
}

/** A disclosure where the store put its share: pages are cut, and cursors point, by position. */
type Entry = { position: bigint; disclosure: Disclosure };

/** The index of the first entry after `position`; entries are in position order. */
function firstAfter(entries: readonly Entry[], position: bigint): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (entries[middle]!.position <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

const keyOf = (caseId: string, shareId: string) => `${caseId}/${shareId}`;

/** The disclosure register: every share in the store as metadata, in the order shares were made. */
export function createDisclosureRegister(): DisclosureRegister {
  const register = new Map<string, Entry>();
  const inOrder: Entry[] = [];
  const covenantOfCase = new Map<string, string>();
  const consents = new Map<string, ConsentMetadata>();

  function applyCaseEvent(
    event: CaseEvent,
    { metadata, position }: Pick<DecodedEvent, "metadata" | "position">,
  ): void {
    switch (event.type) {
      case "CaseOpened":
        covenantOfCase.set(event.data.caseId, event.data.covenantId);
        return;
      case "InformationShared": {
        const { data } = event;
        const covenantId = covenantOfCase.get(data.caseId);
        if (covenantId === undefined) return;
        const disclosure: Disclosure = {
          shareId: data.shareId,
          caseId: data.caseId,
          subjectId: data.subjectId,
          covenantId,
          sharedBy: data.sharedBy,
          sharedByUserId: metadata.actor?.userId ?? null,
          recipients: [...data.recipients],
          dataCategories: [...data.dataCategories],
          legalBasisId: data.legalBasisId,
          legalBasisCitation: findLegalBasis(catalogue, data.legalBasisId)?.citation ?? null,
          purposeId: data.purposeId,
          necessity: data.necessity,
          weightyPublicInterest: data.weightyPublicInterest,
          decisionReference: data.decisionReference,
          competentAuthorityAgreement: data.competentAuthorityAgreement,
          consentIds: [...data.consentIds],
          sharedAt: data.sharedAt,
          expiresAt: data.expiresAt,
          revokedAt: null,
          corrections: [],
          consents: [],
        };
        const key = keyOf(data.caseId, data.shareId);
        const known = register.get(key);
        if (known) known.disclosure = disclosure;
        else {
          const entry = { position, disclosure };
          register.set(key, entry);
          inOrder.push(entry);
        }
        return;
      }
      case "ConsentRecorded": {
        const { data } = event;
        consents.set(keyOf(data.caseId, data.consentId), {
          consentId: data.consentId,
          giverRole: data.giver?.role ?? data.givenBy,
          parentalAuthority: data.giver?.parentalAuthority ?? null,
          method: data.method ?? null,
          evidenceReferenced: typeof data.evidenceReference === "string",
          recordedBy: data.recordedBy,
          recordedByUserId: data.recordedByUserId ?? null,
          givenOn: data.givenOn,
          expiresAt: data.expiresAt,
          withdrawnAt: null,
        });
        return;
      }
      case "ConsentWithdrawn": {
        const consent = consents.get(keyOf(event.data.caseId, event.data.consentId));
        if (consent) consent.withdrawnAt = event.data.withdrawnAt;
        return;
      }
      case "ShareRevoked": {
        const entry = register.get(keyOf(event.data.caseId, event.data.shareId));
        if (entry) entry.disclosure.revokedAt = event.data.revokedAt;
        return;
      }
      case "ShareCorrected": {
        const entry = register.get(keyOf(event.data.caseId, event.data.shareId));
        entry?.disclosure.corrections.push({ correctedAt: event.data.correctedAt });
        return;
      }
    }
  }

  // The key is gone: live state must read as a rebuild would, "[erased]" in every personal
  // field. Done here rather than by forgetCase, so the register keeps the order shares were made.
  function erase({ data }: SubjectErased): void {
    for (const { disclosure } of inOrder) {
      if (disclosure.subjectId !== data.subjectId) continue;
      disclosure.necessity = ERASED;
      if (disclosure.weightyPublicInterest !== null) disclosure.weightyPublicInterest = ERASED;
    }
  }

  return {
    name: "disclosureRegister",
    apply(event) {
      if (event.type === "SubjectErased") erase(event as unknown as SubjectErased);
      else if (event.streamId.startsWith("case-")) {
        applyCaseEvent({ type: event.type, data: event.data } as CaseEvent, event);
      }
    },
    reset() {
      register.clear();
      inOrder.length = 0;
      covenantOfCase.clear();
      consents.clear();
    },
    disclosures(viewer, covenant, filter = {}, page = FIRST_PAGE) {
      const scope = privacyOfficerScope(viewer, covenant);
      if (scope === null) throw new NotPermitted("privacy-officer", viewer.organisationId);
      const shown: Entry[] = [];
      const from = page.after ? firstAfter(inOrder, page.after.position) : 0;
      for (let i = from; i < inOrder.length && shown.length <= page.limit; i++) {
        const { disclosure } = inOrder[i]!;
        if (!disclosureInScope(scope, disclosure)) continue;
        if (filter.caseId !== undefined && disclosure.caseId !== filter.caseId) continue;
        if (filter.organisationId !== undefined && !touches(disclosure, filter.organisationId))
          continue;
        if (withinPeriod(disclosure.sharedAt, filter)) shown.push(inOrder[i]!);
      }
      // One more than the page was looked for: it says whether there is a next page.
      const last = shown.length > page.limit ? shown[page.limit - 1] : undefined;
      const items = shown.slice(0, page.limit).map(({ disclosure }) => {
        const reliedOn = disclosure.consentIds.flatMap((consentId) => {
          const consent = consents.get(keyOf(disclosure.caseId, consentId));
          return consent ? [{ ...consent }] : [];
        });
        return { ...copyOf(disclosure), consents: reliedOn };
      });
      return { items, next: last ? { position: last.position, n: 0 } : null };
    },
  };
}

const touches = (disclosure: Disclosure, organisationId: string) =>
  disclosure.sharedBy === organisationId || disclosure.recipients.includes(organisationId);

// Callers get copies: a presenter must never be able to change the model's state.
const copyOf = (disclosure: Disclosure): Disclosure => ({
  ...disclosure,
  recipients: [...disclosure.recipients],
  dataCategories: [...disclosure.dataCategories],
  consentIds: [...disclosure.consentIds],
  competentAuthorityAgreement: disclosure.competentAuthorityAgreement
    ? { ...disclosure.competentAuthorityAgreement }
    : null,
  corrections: disclosure.corrections.map((correction) => ({ ...correction })),
});
