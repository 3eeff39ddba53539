import { isConsentActive } from "../../domain/case/consent.js";
import { compareInstants } from "../../domain/dates.js";
import {
  type CaseState,
  entryOf,
  type Meeting,
  type Membership,
  type Participant,
  type Share,
  type Signal,
} from "../../domain/index.js";

/** Rule 1: the case exists for the chair organisation and for joined participants only. */
export const hasCase = (state: CaseState, organisationId: string): boolean =>
  state.chairOrganisationId === organisationId ||
  entryOf(state.participants, organisationId)?.status === "joined";

/** A signal as shown: its description is null for an organisation that may not read it. */
export type SignalView = Omit<Signal, "description"> & { description: string | null };

/**
 * Rule 2: every signal's category, level, urgency, raiser and time are for everyone who has
 * the case; its description only for the organisation that raised it and the chair, which
 * decides whom to invite. Anyone else learns it only through a share.
 */
export function visibleSignal(state: CaseState, signal: Signal, organisationId: string) {
  const reads = signal.raisedBy === organisationId || state.chairOrganisationId === organisationId;
  return { ...signal, description: reads ? signal.description : null };
}

/** A meeting as shown: minutes and decisions are null for an organisation that may not read them. */
export type MeetingView = Omit<Meeting, "minutes" | "decisions" | "joinsBefore"> & {
  minutes: string | null;
  decisions: string[] | null;
};

export type ShareView = Omit<Share, "revokedAt" | "joinsBefore">;

/**
 * Rules 3 and 4: a recipient or an attendee keeps what reached it only while it has been a
 * participant without interruption since (decided by the order of the case's events), and a
 * member of the covenant since (by time: a readmission after it). Leaving the case, or being
 * withdrawn from the covenant, ends it for good: coming back does not bring it back.
 */
const heldSince = (
  participant: Participant | undefined,
  item: { joinsBefore: number },
  recordedAt: string,
  membership: NonNullable<Membership>,
) =>
  participant?.status === "joined" &&
  participant.joinNumber <= item.joinsBefore &&
  (membership.resumedAt === null || compareInstants(recordedAt, membership.resumedAt) >= 0);

/**
 * Rule 4: minutes (and the decisions recorded with them) are for the chair organisation, which
 * chairs every meeting and agenda item of its case, and for organisations that attended that
 * meeting or item and held on since; everyone else sees that it was held, and when.
 */
export function readsMinutes(
  state: CaseState,
  held: { attendees: readonly { organisationId: string }[]; heldAt: string; joinsBefore: number },
  organisationId: string,
  membership: NonNullable<Membership>,
): boolean {
  if (state.chairOrganisationId === organisationId) return true;
  const attended = held.attendees.some((a) => a.organisationId === organisationId);
  return (
    attended &&
    heldSince(entryOf(state.participants, organisationId), held, held.heldAt, membership)
  );
}

export function visibleMeeting(
  state: CaseState,
  meeting: Meeting,
  organisationId: string,
  membership: NonNullable<Membership>,
): MeetingView {
  const { joinsBefore: _joins, ...shown } = meeting;
  const readsMinutesNow =
    meeting.minutes !== null &&
    meeting.heldAt !== null &&
    readsMinutes(state, { ...meeting, heldAt: meeting.heldAt }, organisationId, membership);
  return {
    ...shown,
    attendees: [...meeting.attendees],
    minutes: readsMinutesNow ? meeting.minutes : null,
    decisions: readsMinutesNow ? listOf(meeting.decisions) : null,
  };
}

/** Decisions are encrypted as one field: after erasure they read as the single text "[erased]". */
export const listOf = (decisions: unknown): string[] =>
  Array.isArray(decisions) ? [...decisions] : typeof decisions === "string" ? [decisions] : [];

/**
 * A share is in force until it is revoked, it expires (an expiry at or before `now` hides it)
 * or a consent it rests on is withdrawn or expires (AVG art. 7(3)).
 */
function inForce(state: CaseState, share: Share, now: string): boolean {
  if (share.revokedAt !== null) return false;
  if (share.expiresAt !== null && compareInstants(share.expiresAt, now) <= 0) return false;
  return share.consentIds.every((consentId) => {
    const consent = entryOf(state.consents, consentId);
    return consent !== undefined && isConsentActive(consent, now);
  });
}

/**
 * Rule 3: a share (its content and its existence) is visible to the sharer and to the
 * recipients named when it was made, while it is in force and the recipient holds on to it
 * (see heldSince). Ending it hides it from the sharer too: what was disclosed stays provable
 * in the disclosure register, as metadata. A correction has already replaced the content for
 * exactly the original recipients (the decider fixes them), so every organisation that sees
 * the share sees the corrected text.
 */
export function visibleShares(
  state: CaseState,
  organisationId: string,
  membership: NonNullable<Membership>,
  now: string,
): ShareView[] {
  const shown: ShareView[] = [];
  for (const share of Object.values(state.shares)) {
    if (!inForce(state, share, now)) continue;
    const sharer = share.sharedBy === organisationId;
    const recipient =
      share.recipients.includes(organisationId) &&
      heldSince(entryOf(state.participants, organisationId), share, share.sharedAt, membership);
    if (!sharer && !recipient) continue;
    const { revokedAt: _revoked, joinsBefore: _joins, ...visible } = share;
    shown.push({ ...visible, recipients: [...visible.recipients] });
  }
  return shown;
}
