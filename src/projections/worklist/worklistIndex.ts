import type { DecodedEvent, ReadModel } from "../readModel.js";

export interface ReceivedShare {
  caseId: string;
  shareId: string;
  sharedAt: string;
}
export interface OwnedAgreement {
  caseId: string;
  agreementId: string;
  dueDate: string;
}

/**
 * "Where might something wait for this organisation?" — candidates by organisation, so a
 * worklist looks at its own few cases and never scans them all. Ids and dates only: whether
 * the organisation may still see an item is the policy's call, at the time of asking.
 */
export interface WorklistIndex extends ReadModel {
  readonly name: "worklistIndex";
  /** Cases with an invitation to the organisation still pending, with when it was invited. */
  invitationsOf(organisationId: string): ReadonlyMap<string, string>;
  /** Shares naming the organisation as recipient, made after `since` (all when null), oldest first. */
  sharesReceivedBy(organisationId: string, since: string | null): ReceivedShare[];
  /** Open agreements the organisation owns that fall due on or before `dueBy` (YYYY-MM-DD). */
  agreementsOwnedBy(organisationId: string, dueBy: string): OwnedAgreement[];
  /** The covenants whose chair the organisation is. */
  covenantsChairedBy(organisationId: string): readonly string[];
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

const pending = new Set(["PartnerJoined", "InvitationDeclined", "PartnerLeft", "PartnerRemoved"]);
const settled = new Set(["AgreementCompleted", "AgreementCancelled"]);

export function createWorklistIndex(): WorklistIndex {
  const invitations = new Map<string, Map<string, string>>();
  const shares = new Map<string, (ReceivedShare & { at: number })[]>();
  const agreements = new Map<string, Map<string, OwnedAgreement>>();
  const ownerOf = new Map<string, string>();
  const chaired = new Map<string, string[]>();
  const inner = <V>(outer: Map<string, Map<string, V>>, key: string) => {
    const map = outer.get(key) ?? new Map<string, V>();
    outer.set(key, map);
    return map;
  };

  function applyCase(event: DecodedEvent, caseId: string): void {
    const d = event.data;
    const organisationId = text(d.organisationId);
    if (event.type === "PartnerInvited" && organisationId) {
      inner(invitations, organisationId).set(caseId, text(d.invitedAt) ?? event.recordedAt);
    } else if (pending.has(event.type) && organisationId) {
      invitations.get(organisationId)?.delete(caseId);
    } else if (event.type === "InformationShared") {
      const shareId = text(d.shareId);
      const sharedAt = text(d.sharedAt);
      if (!shareId || !sharedAt || !Array.isArray(d.recipients)) return;
      for (const recipient of d.recipients) {
        if (typeof recipient !== "string") continue;
        const list = shares.get(recipient) ?? [];
        list.push({ caseId, shareId, sharedAt, at: Date.parse(sharedAt) });
        shares.set(recipient, list);
      }
    } else applyAgreement(event, caseId);
  }

  function applyAgreement(event: DecodedEvent, caseId: string): void {
    const d = event.data;
    const agreementId = text(d.agreementId);
    if (!agreementId) return;
    const key = `${caseId}/${agreementId}`;
    const owner = event.type === "AgreementMade" ? text(d.ownerOrganisationId) : ownerOf.get(key);
    const dueDate = text(d.dueDate);
    if (!owner) return;
    if (event.type === "AgreementMade" && dueDate) {
      ownerOf.set(key, owner);
      inner(agreements, owner).set(key, { caseId, agreementId, dueDate });
    } else if (event.type === "AgreementDueDateChanged" && dueDate) {
      const held = agreements.get(owner)?.get(key);
      if (held) held.dueDate = dueDate;
    } else if (settled.has(event.type)) {
      agreements.get(owner)?.delete(key);
    }
  }

  return {
    name: "worklistIndex",
    apply(event) {
      const d = event.data;
      if (event.type === "CovenantEstablished") {
        const chair = (d.chair as { organisationId?: unknown } | null)?.organisationId;
        const covenantId = text(d.covenantId);
        if (typeof chair === "string" && covenantId)
          chaired.set(chair, [...(chaired.get(chair) ?? []), covenantId]);
      } else if (event.streamId.startsWith("case-") && typeof d.caseId === "string") {
        applyCase(event, d.caseId);
      }
    },
    reset() {
      for (const map of [invitations, shares, agreements, ownerOf, chaired]) map.clear();
    },
    invitationsOf: (organisationId) => invitations.get(organisationId) ?? new Map(),
    sharesReceivedBy(organisationId, since) {
      const after = since === null ? Number.NEGATIVE_INFINITY : Date.parse(since);
      return (shares.get(organisationId) ?? [])
        .filter((share) => share.at > after)
        .map(({ caseId, shareId, sharedAt }) => ({ caseId, shareId, sharedAt }));
    },
    agreementsOwnedBy(organisationId, dueBy) {
      const owned = agreements.get(organisationId)?.values() ?? [];
      return [...owned].filter((a) => a.dueDate <= dueBy).map((a) => ({ ...a }));
    },
    covenantsChairedBy: (organisationId) => chaired.get(organisationId) ?? [],
  };
}
