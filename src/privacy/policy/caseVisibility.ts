import {
  type Actor,
  type Agreement,
  awaitsFollowUp,
  type CaseState,
  type Consent,
  entryOf,
  isCompletedLate,
  isOverdue,
  type Membership,
  type Participant,
  type Role,
  type Subject,
} from "../../domain/index.js";
import {
  hasCase,
  type MeetingView,
  type ShareView,
  type SignalView,
  visibleMeeting,
  visibleShares,
  visibleSignal,
} from "./caseParts.js";

/** One item shown, as the access record (rule 8) and visibilityAt name it: id and categories, no content. */
export interface ShownItem {
  /** "case:<id>", "subject", "participant:<org>", "signal:<id>", "signal-description:<signalId>", "meeting:<id>", "minutes:<meetingId>", "agreement:<id>", "consent:<id>", "share:<id>", "invitation:<caseId>". */
  id: string;
  kind:
    | "case"
    | "subject"
    | "participant"
    | "signal"
    | "signal-description"
    | "meeting"
    | "minutes"
    | "agreement"
    | "consent"
    | "share"
    | "invitation";
  /** Signal category, or a share's data categories; empty for other kinds. */
  categories: string[];
}

export interface InvitationView {
  caseId: string;
  signalCategory: string | null;
  chairOrganisationId: string;
  message: string;
}

export type ParticipantView = Pick<Participant, "organisationId" | "status" | "since"> & {
  /** Named contact of a joined participant; null for every other status. */
  contact: Participant["contact"];
};

export interface CaseView {
  caseId: string;
  status: "open" | "closed";
  covenantId: string | null;
  chairOrganisationId: string;
  regieOrganisationId: string | null;
  outcome: CaseState["outcome"];
  closedAt: string | null;
  retentionUntil: string | null;
  subject: Subject | null;
  participants: ParticipantView[];
  signals: SignalView[];
  meetings: MeetingView[];
  agreements: AgreementView[];
  consents: Consent[];
  shares: ShareView[];
}

/** Rule 2: every agreement, with its progress notes, is for everyone who has the case. */
export type AgreementView = Agreement & {
  overdue: boolean;
  completedLate: boolean;
  /** False once done or cancelled, or when the young person was erased: lists of open agreements skip it. */
  awaitsFollowUp: boolean;
};

/** The one visibility decision of DESIGN.md §3 rules 1–4; "none" is answered as 404, never 403. */
export type CaseVisibility =
  | { kind: "none" }
  | { kind: "invitation"; invitation: InvitationView; items: ShownItem[] }
  | { kind: "case"; view: CaseView; items: ShownItem[] };

/**
 * Case content is for the roles that work on cases. Privacy officers, admins and analysts
 * see metadata through their own read models (rule 5, 7), never content through this one.
 */
const WORKS_ON_CASES: readonly Role[] = ["professional", "chair"];

const item = (id: string, kind: ShownItem["kind"], categories: string[] = []): ShownItem => ({
  id,
  kind,
  categories,
});

/**
 * What `viewer` may see of the case at `now` (ISO-8601), and the items that makes visible.
 * `membership` is the viewer organisation's in the case's covenant (membershipOf): the read
 * models and the write corridor supply it, so this stays a pure function.
 */
export function caseVisibility(
  state: CaseState,
  viewer: Actor,
  now: string,
  membership: Membership,
): CaseVisibility {
  const { caseId, chairOrganisationId } = state;
  if (state.status === "none" || caseId === null || chairOrganisationId === null)
    return { kind: "none" };
  if (!viewer.roles.some((role) => WORKS_ON_CASES.includes(role))) return { kind: "none" };
  // Rule 1: an organisation withdrawn from the covenant loses all of its cases at once.
  if (membership === null) return { kind: "none" };
  const organisationId = viewer.organisationId;
  if (!hasCase(state, organisationId)) {
    const participant = entryOf(state.participants, organisationId);
    if (participant?.status !== "invited") return { kind: "none" };
    const invitation: InvitationView = {
      caseId,
      signalCategory: state.signals[0]?.category ?? null,
      chairOrganisationId,
      message: participant.invitationMessage ?? "",
    };
    return { kind: "invitation", invitation, items: [item(`invitation:${caseId}`, "invitation")] };
  }
  return caseContent(state, caseId, chairOrganisationId, organisationId, membership, now);
}

function caseContent(
  state: CaseState,
  caseId: string,
  chairOrganisationId: string,
  organisationId: string,
  membership: NonNullable<Membership>,
  now: string,
): CaseVisibility {
  const participants = Object.values(state.participants).map(
    ({ organisationId: id, status, since, contact }): ParticipantView => ({
      organisationId: id,
      status,
      since,
      contact: status === "joined" ? contact : null,
    }),
  );
  const signals = state.signals.map((s) => visibleSignal(state, s, organisationId));
  const meetings = Object.values(state.meetings).map((m) =>
    visibleMeeting(state, m, organisationId, membership),
  );
  const shares = visibleShares(state, organisationId, membership, now);
  const agreements = Object.values(state.agreements).map(
    (a): AgreementView => ({
      ...a,
      overdue: awaitsFollowUp(a, state) && isOverdue(a, now),
      completedLate: isCompletedLate(a),
      awaitsFollowUp: awaitsFollowUp(a, state),
    }),
  );
  const consents = Object.values(state.consents);
  const view: CaseView = {
    caseId,
    status: state.status === "closed" ? "closed" : "open",
    covenantId: state.covenantId,
    chairOrganisationId,
    regieOrganisationId: state.regieOrganisationId,
    outcome: state.outcome,
    closedAt: state.closedAt,
    retentionUntil: state.retentionUntil,
    subject: state.subject,
    participants,
    signals,
    meetings,
    agreements,
    consents,
    shares,
  };
  const items: ShownItem[] = [
    item(`case:${caseId}`, "case"),
    item("subject", "subject", ["identiteit"]),
    ...participants.map((p) => item(`participant:${p.organisationId}`, "participant")),
    ...signals.map((s) => item(`signal:${s.signalId}`, "signal", [s.category])),
    ...signals
      .filter((s) => s.description !== null)
      .map((s) => item(`signal-description:${s.signalId}`, "signal-description", [s.category])),
    ...meetings.map((m) => item(`meeting:${m.meetingId}`, "meeting")),
    ...meetings
      .filter((m) => m.minutes !== null)
      .map((m) => item(`minutes:${m.meetingId}`, "minutes")),
    ...agreements.map((a) => item(`agreement:${a.agreementId}`, "agreement")),
    ...consents.map((c) => item(`consent:${c.consentId}`, "consent")),
    ...shares.map((s) => item(`share:${s.shareId}`, "share", [...s.dataCategories])),
  ];
  return { kind: "case", view, items };
}
