import { type CovenantState, entryOf } from "../../../domain/index.js";
import type { CaseView } from "../../../privacy/policy/caseVisibility.js";
import type { SessionView } from "../../../privacy/policy/sessionVisibility.js";
import type {
  AgendaDocument,
  AgreementEntry,
  MinutesDocument,
  MinutesEntry,
  SessionHeader,
  SessionPlace,
} from "./documentView.js";

/** What a session document is made from: the policy's views of the session and its cases. */
export interface DocumentSources {
  session: SessionView & { sessionId: string; startsAt: string };
  covenant: CovenantState;
  /** The reader's view of each case on the agenda it may see, by case id. */
  cases: ReadonlyMap<string, CaseView>;
  readerOrganisationId: string;
  now: string;
}

/** A document, and per case the items it shows, for the access record (rule 8). */
export type Shown<Document> = { document: Document; seen: Map<string, string[]> };

const nameOf = (covenant: CovenantState, organisationId: string): string =>
  entryOf(covenant.members, organisationId)?.name ?? organisationId;

function placeOf(session: SessionView): SessionPlace | null {
  if (session.location !== null) return { kind: "location", address: session.location };
  if (session.videoLink !== null) return { kind: "video", link: session.videoLink };
  return null;
}

export function sessionHeader({ session, covenant }: DocumentSources): SessionHeader {
  return {
    sessionId: session.sessionId,
    tableName: covenant.name ?? "",
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    place: placeOf(session),
    chairOrganisation: nameOf(covenant, session.chairOrganisationId ?? ""),
    plannedOrganisations: session.plannedOrganisationIds.map((id) => nameOf(covenant, id)),
    status: session.status === "none" ? "planned" : session.status,
  };
}

/** The agenda items whose case the reader sees, in order, each with its case view. */
function itemsWithCase(sources: DocumentSources) {
  return sources.session.agenda.flatMap((item) => {
    const view = sources.cases.get(item.caseId);
    return view ? [{ item, view }] : [];
  });
}

const note = (seen: Map<string, string[]>, caseId: string, ids: string[]) =>
  seen.set(caseId, [...(seen.get(caseId) ?? []), ...ids]);

export function agendaDocument(sources: DocumentSources): Shown<AgendaDocument> {
  const seen = new Map<string, string[]>();
  const items = itemsWithCase(sources).map(({ item, view }, index) => {
    note(seen, item.caseId, ["subject", `session-item:${item.itemId}`]);
    return { position: index + 1, subject: view.subject?.name ?? "", question: item.question };
  });
  return { document: { ...documentBase(sources), items }, seen };
}

export function minutesDocument(sources: DocumentSources): Shown<MinutesDocument> {
  const seen = new Map<string, string[]>();
  const items = itemsWithCase(sources).map(({ item, view }, index): MinutesEntry => {
    const position = index + 1;
    if (item.heldAt === null) return { position, outcome: "not-discussed" };
    // Rule 4 per item: the policy gave minutes only to organisations that attended it.
    const { minutes } = item;
    if (minutes === null) return { position, outcome: "not-attended" };
    const agreements = view.agreements.filter((agreement) => agreement.meetingId === item.itemId);
    note(seen, item.caseId, [
      "subject",
      `session-item:${item.itemId}`,
      `minutes:${item.itemId}`,
      ...agreements.map((agreement) => `agreement:${agreement.agreementId}`),
    ]);
    return {
      position,
      outcome: "attended",
      subject: view.subject?.name ?? "",
      question: item.question,
      minutes: {
        text: minutes.minutes,
        approved: minutes.status === "approved",
        addenda: minutes.addenda.map((addendum) => addendum.text),
      },
      decisions: minutes.decisions,
      agreements: agreements.map((agreement) => agreementEntry(sources.covenant, agreement)),
    };
  });
  return { document: { ...documentBase(sources), items }, seen };
}

function agreementEntry(
  covenant: CovenantState,
  agreement: CaseView["agreements"][number],
): AgreementEntry {
  return {
    what: agreement.what,
    ownerOrganisation: nameOf(covenant, agreement.ownerOrganisationId),
    ownerName: agreement.owner?.name ?? null,
    dueDate: agreement.dueDate,
  };
}

function documentBase(sources: DocumentSources) {
  return {
    header: sessionHeader(sources),
    readerOrganisation: nameOf(sources.covenant, sources.readerOrganisationId),
    producedAt: sources.now,
  };
}
