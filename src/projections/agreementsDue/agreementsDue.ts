import type { Actor } from "../../domain/index.js";
import type { CaseViewModel } from "../caseView/caseView.js";
import type { ReadModel } from "../readModel.js";

export interface AgreementDue {
  caseId: string;
  agreementId: string;
  what: string;
  ownerOrganisationId: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  overdue: boolean;
}

export type AgreementFilter = "open" | "overdue";

/**
 * "Which open agreements is this organisation on the hook for?" — the agreements it owns,
 * and for a chair every agreement of the cases it chairs, overdue first, then by due date.
 */
export interface AgreementsDueModel extends ReadModel {
  readonly name: "agreementsDue";
  query(viewer: Actor, now: string, filter?: AgreementFilter): AgreementDue[];
}

/** Keeps which organisations own or chair agreements in which cases; the rows come through the policy. */
export function createAgreementsDue(caseView: CaseViewModel): AgreementsDueModel {
  const casesOf = new Map<string, Set<string>>();
  const note = (organisationId: unknown, caseId: string) => {
    if (typeof organisationId !== "string") return;
    const cases = casesOf.get(organisationId) ?? new Set<string>();
    cases.add(caseId);
    casesOf.set(organisationId, cases);
  };
  return {
    name: "agreementsDue",
    apply(event) {
      const caseId = event.data.caseId;
      if (!event.streamId.startsWith("case-") || typeof caseId !== "string") return;
      if (event.type === "CaseOpened") note(event.data.chairOrganisationId, caseId);
      if (event.type === "AgreementMade") note(event.data.ownerOrganisationId, caseId);
    },
    reset: () => casesOf.clear(),
    query(viewer, now, filter = "open") {
      const { organisationId } = viewer;
      const due: AgreementDue[] = [];
      for (const caseId of casesOf.get(organisationId) ?? []) {
        const seen = caseView.query(caseId, viewer, now);
        if (seen.kind !== "case") continue;
        const chairs = seen.view.chairOrganisationId === organisationId;
        for (const agreement of seen.view.agreements) {
          if (!agreement.awaitsFollowUp) continue;
          if (!chairs && agreement.ownerOrganisationId !== organisationId) continue;
          if (filter === "overdue" && !agreement.overdue) continue;
          const { agreementId, what, ownerOrganisationId, dueDate, overdue } = agreement;
          due.push({ caseId, agreementId, what, ownerOrganisationId, dueDate, overdue });
        }
      }
      return due.sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          a.dueDate.localeCompare(b.dueDate) ||
          a.caseId.localeCompare(b.caseId) ||
          a.agreementId.localeCompare(b.agreementId),
      );
    },
  };
}
