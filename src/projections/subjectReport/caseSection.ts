import {
  type CaseState,
  type Consent,
  type CovenantState,
  catalogue,
  entryOf,
  findLegalBasis,
  type Share,
  type Subject,
} from "../../domain/index.js";
import type { RecordedEvent } from "../../store/types.js";
import { type AgendaItemSection, type ListedItem, presentAgendaItems } from "./agendaSection.js";
import type { NamedOrganisation } from "./namedOrganisation.js";

export type { NamedOrganisation };

/** The basis as the subject should read it: its citation and what it means. */
export const describedBasis = (legalBasisId: string) => {
  const basis = findLegalBasis(catalogue, legalBasisId);
  return {
    legalBasisId,
    citation: basis?.citation ?? null,
    description: basis?.description.nl ?? null,
  };
};

/** What the report tells about one case: the data held, where each piece came from, who received it and why. */
export interface CaseSection {
  caseId: string;
  status: CaseState["status"];
  /** The source of the case: the organisation that raised the first signal. */
  openedBy: NamedOrganisation;
  openedAt: string | null;
  closedAt: string | null;
  retentionUntil: string | null;
  subject: Subject | null;
  /** Every organisation that took part: participants see the subject's identity (rule 2). */
  participants: (NamedOrganisation & { status: string; since: string })[];
  signals: {
    signalId: string;
    source: NamedOrganisation;
    category: string;
    description: string;
    raisedAt: string;
  }[];
  /** Each share as held, its parties named and its basis and purpose described. */
  shares: (Omit<Share, "recipients"> & {
    source: NamedOrganisation;
    /** The actual recipients (C-154/21), fixed when the share was made. */
    recipients: NamedOrganisation[];
    legalBasis: ReturnType<typeof describedBasis>;
    purpose: { purposeId: string; description: string | null };
  })[];
  consents: {
    consentId: string;
    givenBy: string;
    giver: Consent["giver"];
    method: Consent["method"];
    evidenceReference: string | null;
    /** The organisation that obtained it. */
    recordedBy: NamedOrganisation;
    dataCategories: string[];
    recipients: NamedOrganisation[];
    purposeId: string;
    givenOn: string;
    expiresAt: string | null;
    withdrawnAt: string | null;
  }[];
  meetings: { meetingId: string; heldAt: string; minutes: string; decisions: string[] }[];
  /** The case's items on session agendas: the question, who attended, minutes, corrections, addenda. */
  agendaItems: AgendaItemSection[];
  agreements: {
    agreementId: string;
    what: string;
    owner: NamedOrganisation;
    dueDate: string;
    status: string;
  }[];
  /** The ids of everything above, as ShownItem ids, for the read record of the report itself. */
  itemIds: string[];
}

// An erased array field (decisions) decodes as the single string "[erased]".
const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [String(value)];

/** Presents one case for the report, field by field, so nothing is passed on unseen. */
export function presentCase(
  history: readonly RecordedEvent[],
  state: CaseState,
  covenant: CovenantState,
  listed: readonly ListedItem[] = [],
): CaseSection {
  const named = (organisationId: string): NamedOrganisation => ({
    organisationId,
    name: entryOf(covenant.members, organisationId)?.name ?? null,
  });
  const opened = history.find((event) => event.type === "CaseOpened")?.data;
  const signals = state.signals.map((signal) => ({
    signalId: signal.signalId,
    source: named(signal.raisedBy),
    category: signal.category,
    description: signal.description,
    raisedAt: signal.raisedAt,
  }));
  // The share as held: the subject report's presenter picks what the subject reads of it.
  const shares = Object.values(state.shares).map((share) => ({
    ...share,
    source: named(share.sharedBy),
    recipients: share.recipients.map(named),
    legalBasis: describedBasis(share.legalBasisId),
    purpose: {
      purposeId: share.purposeId,
      description: entryOf(covenant.purposes, share.purposeId)?.description ?? null,
    },
  }));
  const consents = Object.values(state.consents).map((consent) => ({
    consentId: consent.consentId,
    givenBy: consent.givenBy,
    giver: { ...consent.giver },
    method: consent.method,
    evidenceReference: consent.evidenceReference,
    recordedBy: named(consent.recordedBy),
    dataCategories: [...consent.scope.dataCategories],
    recipients: consent.scope.recipientOrganisationIds.map(named),
    purposeId: consent.scope.purposeId,
    givenOn: consent.givenOn,
    expiresAt: consent.expiresAt,
    withdrawnAt: consent.withdrawnAt,
  }));
  const meetings = Object.values(state.meetings).flatMap((meeting) =>
    meeting.heldAt === null
      ? []
      : [
          {
            meetingId: meeting.meetingId,
            heldAt: meeting.heldAt,
            minutes: String(meeting.minutes),
            decisions: asList(meeting.decisions),
          },
        ],
  );
  const agendaItems = presentAgendaItems(listed, history, state, named);
  const agreements = Object.values(state.agreements).map((agreement) => ({
    agreementId: agreement.agreementId,
    what: agreement.what,
    owner: named(agreement.ownerOrganisationId),
    dueDate: agreement.dueDate,
    status: agreement.status,
  }));
  const participants = Object.values(state.participants).map((participant) => ({
    ...named(participant.organisationId),
    status: participant.status,
    since: participant.since,
  }));
  const caseId = state.caseId ?? String(opened?.caseId);
  return {
    caseId,
    status: state.status,
    openedBy: named(String(opened?.openedBy)),
    openedAt: typeof opened?.openedAt === "string" ? opened.openedAt : null,
    closedAt: state.closedAt,
    retentionUntil: state.retentionUntil,
    subject: state.subject ? { ...state.subject } : null,
    participants,
    signals,
    shares,
    consents,
    meetings,
    agendaItems,
    agreements,
    // Named as the policy names what a case read shows, so the access log speaks one vocabulary.
    itemIds: [
      `case:${caseId}`,
      "subject",
      ...participants.map((item) => `participant:${item.organisationId}`),
      ...signals.map((item) => `signal:${item.signalId}`),
      ...shares.map((item) => `share:${item.shareId}`),
      ...consents.map((item) => `consent:${item.consentId}`),
      ...meetings.flatMap((item) => [`meeting:${item.meetingId}`, `minutes:${item.meetingId}`]),
      ...agendaItems.flatMap((item) =>
        item.minutes === null
          ? [`session-item:${item.itemId}`]
          : [`session-item:${item.itemId}`, `minutes:${item.itemId}`],
      ),
      ...agreements.map((item) => `agreement:${item.agreementId}`),
    ],
  };
}
