import { entryOf } from "../entries.js";
import { evolveAgreements } from "./agreementHistory.js";
import type { CaseEvent } from "./events.js";
import { evolveItems } from "./itemState.js";
import type { CaseState, Consent, Participant, ParticipantStatus } from "./state.js";

// Recorded events are facts: evolve never throws, it ignores references it cannot resolve.

const withParticipant = (
  state: CaseState,
  organisationId: string,
  status: ParticipantStatus,
  since: string,
  change: Partial<Participant> = {},
): CaseState => {
  const current: Participant = entryOf(state.participants, organisationId) ?? {
    organisationId,
    status,
    contact: null,
    invitationMessage: null,
    since,
    joinNumber: 0,
  };
  const joins = status === "joined" ? state.joins + 1 : state.joins;
  const joinNumber = status === "joined" ? joins : current.joinNumber;
  const participants = {
    ...state.participants,
    [organisationId]: { ...current, ...change, status, since, joinNumber },
  };
  // Regie belongs to a participant; it lapses when that organisation leaves or is removed.
  const regieLapses = state.regieOrganisationId === organisationId && status !== "joined";
  return {
    ...state,
    participants,
    joins,
    regieOrganisationId: regieLapses ? null : state.regieOrganisationId,
  };
};

const updateItem = <Item>(
  items: Record<string, Item>,
  id: string,
  change: Partial<Item>,
): Record<string, Item> => {
  const item = entryOf(items, id);
  return item ? { ...items, [id]: { ...item, ...change } } : items;
};

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case "CaseOpened": {
      const d = event.data;
      const opened: CaseState = {
        ...state,
        status: "open",
        caseId: d.caseId,
        subjectId: d.subjectId,
        covenantId: d.covenantId,
        chairOrganisationId: d.chairOrganisationId,
        subject: d.subject,
      };
      return withParticipant(opened, d.openedBy, "joined", d.openedAt, { contact: d.contact });
    }
    case "SignalRaised": {
      const { caseId: _c, subjectId: _s, ...signal } = event.data;
      return { ...state, signals: [...state.signals, signal] };
    }
    case "PartnerInvited":
      return withParticipant(state, event.data.organisationId, "invited", event.data.invitedAt, {
        invitationMessage: event.data.message,
      });
    case "PartnerJoined":
      return withParticipant(state, event.data.organisationId, "joined", event.data.joinedAt, {
        contact: event.data.contact,
      });
    case "InvitationDeclined":
      return withParticipant(state, event.data.organisationId, "declined", event.data.declinedAt);
    case "PartnerLeft":
      return withParticipant(state, event.data.organisationId, "left", event.data.leftAt);
    case "PartnerRemoved":
      return withParticipant(state, event.data.organisationId, "removed", event.data.removedAt);
    case "RegieAssigned":
      return { ...state, regieOrganisationId: event.data.organisationId };
    case "InformationShared": {
      const { caseId: _c, subjectId: _s, weightyPublicInterest: _w, ...share } = event.data;
      const shares = {
        ...state.shares,
        [share.shareId]: { ...share, revokedAt: null, correctedAt: null, joinsBefore: state.joins },
      };
      return { ...state, shares };
    }
    case "ShareRevoked":
      return {
        ...state,
        shares: updateItem(state.shares, event.data.shareId, { revokedAt: event.data.revokedAt }),
      };
    case "ShareCorrected":
      return {
        ...state,
        shares: updateItem(state.shares, event.data.shareId, {
          content: event.data.content,
          correctedAt: event.data.correctedAt,
        }),
      };
    case "ConsentRecorded": {
      const { caseId: _c, subjectId: _s, recordedAt: _r, ...consent } = event.data;
      // Records made before issue 12 named only the giver's age band: upcast on read.
      const recorded: Consent = {
        ...consent,
        giver: consent.giver ?? { role: consent.givenBy, name: null, parentalAuthority: null },
        method: consent.method ?? null,
        evidenceReference: consent.evidenceReference ?? null,
        recordedByUserId: consent.recordedByUserId ?? null,
        withdrawnAt: null,
      };
      return { ...state, consents: { ...state.consents, [consent.consentId]: recorded } };
    }
    case "ConsentWithdrawn":
      return {
        ...state,
        consents: updateItem(state.consents, event.data.consentId, {
          withdrawnAt: event.data.withdrawnAt,
        }),
      };
    case "MeetingScheduled": {
      const { meetingId, scheduledFor, agenda } = event.data;
      const meeting = {
        meetingId,
        scheduledFor,
        agenda,
        heldAt: null,
        attendees: [],
        minutes: null,
        decisions: [],
        joinsBefore: 0,
      };
      return { ...state, meetings: { ...state.meetings, [meetingId]: meeting } };
    }
    case "MeetingHeld": {
      const { meetingId, heldAt, attendees, minutes, decisions } = event.data;
      return {
        ...state,
        meetings: updateItem(state.meetings, meetingId, {
          heldAt,
          attendees,
          minutes,
          decisions,
          joinsBefore: state.joins,
        }),
      };
    }
    case "AgreementMade":
    case "AgreementDueDateChanged":
    case "AgreementProgressNoted":
    case "AgreementCompleted":
    case "AgreementCancelled":
      return { ...state, agreements: evolveAgreements(state.agreements, event) };
    case "CaseClosed":
      return {
        ...state,
        status: "closed",
        outcome: event.data.outcome,
        closedAt: event.data.closedAt,
        retentionUntil: event.data.retentionUntil,
      };
    case "CaseReopened":
      return { ...state, status: "open", outcome: null, closedAt: null, retentionUntil: null };
    case "RetentionExtended":
      return { ...state, retentionUntil: event.data.retentionUntil };
    case "AgendaItemRecorded":
    case "MinutesCorrectionProposed":
    case "MinutesCorrectionResolved":
    case "MinutesApproved":
    case "MinutesAddendumAdded":
      return { ...state, agendaItems: evolveItems(state.agendaItems, state.joins, event) };
  }
}
