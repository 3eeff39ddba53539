import { compareInstants } from "../../domain/dates.js";
import type { Actor, Urgency } from "../../domain/index.js";
import type { CaseViewModel } from "../caseView/caseView.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";

export type CaseListEntry =
  | {
      access: "case";
      caseId: string;
      status: "open" | "closed";
      signalCategory: string | null;
      chairOrganisationId: string;
      /** The earliest meeting not yet held that is scheduled at or after now. */
      nextMeeting: string | null;
      openAgreements: number;
      overdueAgreements: number;
      /** The young person as the case records them (decrypted; "[erased]" after erasure). */
      subject: { name: string; dateOfBirth: string } | null;
      /** When the first signal was raised. */
      openedAt: string | null;
      /** The highest urgency of the case's signals. */
      urgency: Urgency | null;
      latestSignalCategory: string | null;
      regieOrganisationId: string | null;
      /** Participants in the order they came to the table, for the school the case is at. */
      participantIds: string[];
      /** Open agreements owned by the viewer's organisation. */
      ownOpenAgreements: number;
    }
  | {
      access: "invitation";
      caseId: string;
      signalCategory: string | null;
      chairOrganisationId: string;
    };

/** "Which cases can this organisation see?" — rows answered through the policy, invitations first. */
export interface CaseListModel extends ReadModel {
  readonly name: "caseList";
  query(viewer: Actor, now: string): CaseListEntry[];
}

const URGENCIES: readonly Urgency[] = ["low", "medium", "high"];
const highestUrgency = (urgencies: Urgency[]): Urgency | null =>
  urgencies.reduce<Urgency | null>(
    (highest, urgency) =>
      highest === null || URGENCIES.indexOf(urgency) > URGENCIES.indexOf(highest)
        ? urgency
        : highest,
    null,
  );

/** Events that relate an organisation to a case; whether it still sees it is the policy's call. */
const relatedOrganisations = (event: DecodedEvent): unknown[] => {
  switch (event.type) {
    case "CaseOpened":
      return [event.data.chairOrganisationId, event.data.openedBy];
    case "PartnerInvited":
    case "PartnerJoined":
      return [event.data.organisationId];
    default:
      return [];
  }
};

/**
 * Holds only which organisations ever related to which cases; the rows come from the case
 * view through the policy, so this list can never show more than the case itself would.
 */
export function createCaseList(caseView: CaseViewModel): CaseListModel {
  const casesOf = new Map<string, Set<string>>();
  return {
    name: "caseList",
    apply(event) {
      const caseId = event.data.caseId;
      if (!event.streamId.startsWith("case-") || typeof caseId !== "string") return;
      for (const organisationId of relatedOrganisations(event)) {
        if (typeof organisationId !== "string") continue;
        const cases = casesOf.get(organisationId) ?? new Set<string>();
        cases.add(caseId);
        casesOf.set(organisationId, cases);
      }
    },
    reset: () => casesOf.clear(),
    query(viewer, now) {
      const rows: CaseListEntry[] = [];
      for (const caseId of casesOf.get(viewer.organisationId) ?? []) {
        const seen = caseView.query(caseId, viewer, now);
        if (seen.kind === "invitation") {
          const { signalCategory, chairOrganisationId } = seen.invitation;
          rows.push({ access: "invitation", caseId, signalCategory, chairOrganisationId });
        } else if (seen.kind === "case") {
          const { view } = seen;
          const upcoming = view.meetings
            .filter((m) => m.heldAt === null && compareInstants(m.scheduledFor, now) >= 0)
            .map((m) => m.scheduledFor)
            .sort(compareInstants);
          const open = view.agreements.filter((a) => a.awaitsFollowUp);
          rows.push({
            access: "case",
            caseId,
            status: view.status,
            signalCategory: view.signals[0]?.category ?? null,
            chairOrganisationId: view.chairOrganisationId,
            nextMeeting: upcoming[0] ?? null,
            openAgreements: open.length,
            overdueAgreements: open.filter((a) => a.overdue).length,
            subject: view.subject && {
              name: view.subject.name,
              dateOfBirth: view.subject.dateOfBirth,
            },
            openedAt: view.signals[0]?.raisedAt ?? null,
            urgency: highestUrgency(view.signals.map((signal) => signal.urgency)),
            latestSignalCategory: view.signals.at(-1)?.category ?? null,
            regieOrganisationId: view.regieOrganisationId,
            participantIds: [...view.participants]
              .filter((participant) => participant.status === "joined")
              .sort((a, b) => compareInstants(a.since, b.since))
              .map((participant) => participant.organisationId),
            ownOpenAgreements: open.filter((a) => a.ownerOrganisationId === viewer.organisationId)
              .length,
          });
        }
      }
      return rows.sort(
        (a, b) =>
          Number(a.access === "case") - Number(b.access === "case") ||
          a.caseId.localeCompare(b.caseId),
      );
    },
  };
}
