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
