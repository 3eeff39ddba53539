import { type CaseState, entryOf, type Meeting, type Share } from "../../domain/index.js";

/** Rule 1: the case exists for the chair organisation and for joined participants only. */
export const hasCase = (state: CaseState, organisationId: string): boolean =>
  state.chairOrganisationId === organisationId ||
  entryOf(state.participants, organisationId)?.status === "joined";

/** A meeting as shown: minutes and decisions are null for an organisation that may not read them. */
export type MeetingView = Omit<Meeting, "minutes" | "decisions"> & {
  minutes: string | null;
  decisions: string[] | null;
};

export type ShareView = Omit<Share, "revokedAt">;

/**
 * Rule 4: minutes (and the decisions recorded with them) are for organisations that attended
 * that meeting and still have the case; everyone else sees that the meeting was held, and when.
 */
export function visibleMeeting(
  state: CaseState,
  meeting: Meeting,
  organisationId: string,
): MeetingView {
  const attended = meeting.attendees.some((a) => a.organisationId === organisationId);
  const readsMinutes = attended && hasCase(state, organisationId) && meeting.minutes !== null;
  return {
    ...meeting,
    attendees: [...meeting.attendees],
    minutes: readsMinutes ? meeting.minutes : null,
    decisions: readsMinutes ? listOf(meeting.decisions) : null,
  };
}

/** Decisions are encrypted as one field: after erasure they read as the single text "[erased]". */
const listOf = (decisions: unknown): string[] =>
  Array.isArray(decisions) ? [...decisions] : typeof decisions === "string" ? [decisions] : [];

/** True while the share has not expired: an expiry at or before `now` hides it. */
const inForce = (share: Share, now: string) =>
  share.expiresAt === null || Date.parse(share.expiresAt) > Date.parse(now);

/**
 * Rule 3: a share (its content and its existence) is visible to the sharer and to the
 * recipients named when it was made, while it is not revoked, not expired and the recipient
 * is still a joined participant. Revocation and expiry hide it from the sharer too: what
 * was disclosed stays provable in the disclosure register, as metadata. A correction has
 * already replaced the content for exactly the original recipients (the decider fixes
 * them), so every organisation that sees the share sees the corrected text.
 */
export function visibleShares(state: CaseState, organisationId: string, now: string): ShareView[] {
  const shown: ShareView[] = [];
  for (const share of Object.values(state.shares)) {
    if (share.revokedAt !== null || !inForce(share, now)) continue;
    const sharer = share.sharedBy === organisationId;
    const recipient =
      share.recipients.includes(organisationId) &&
      entryOf(state.participants, organisationId)?.status === "joined";
    if (!sharer && !recipient) continue;
    const { revokedAt: _revoked, ...visible } = share;
    shown.push({ ...visible, recipients: [...visible.recipients] });
  }
  return shown;
}
