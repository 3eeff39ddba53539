import type { Schemas } from "../api/client";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { useLoad } from "../data/useLoad";

export type SubjectReport = Schemas["SubjectAccessReport"];

/** The art. 15 report of one young person; producing it is recorded as a read by the service. */
export function useSubjectReport(subjectId: string) {
  const { api } = useSignedIn();
  const { covenantId } = useReference();
  return useLoad(
    () =>
      api.GET("/v1/subjects/{subjectId}/report", {
        params: { path: { subjectId }, query: { covenant: covenantId ?? "" } },
      }),
    [api, covenantId, subjectId],
  );
}

/** What erasure turns into "[erased]", counted from the report: records and their fields. */
export function erasable(report: SubjectReport) {
  const count = (pick: (section: SubjectReport["cases"][number]) => unknown[]) =>
    report.cases.reduce((sum, section) => sum + pick(section).length, 0);
  return {
    subjects: report.cases.filter((section) => section.subject !== null).length,
    signals: count((section) => section.signals),
    shares: count((section) => section.shares),
    consents: count((section) => section.consents),
    meetings: count((section) => section.meetings),
    agendaItems: count((section) => section.agendaItems),
    agreements: count((section) => section.agreements),
  };
}
