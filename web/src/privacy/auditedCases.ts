import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { type Loaded, useLoad } from "../data/useLoad";

/** A case the registers name, with the young person it is about: ids only. */
export interface AuditedCase {
  caseId: string;
  subjectId: string;
}

/**
 * The cases the privacy officer can pick from: every case the disclosure register or the access
 * log names. A case nobody shared in nor read still has the case number to type.
 */
export function useAuditedCases(): Loaded<AuditedCase[]> {
  const { api } = useSignedIn();
  const { covenantId } = useReference();
  const [loaded] = useLoad(async () => {
    const query = { params: { query: { covenant: covenantId ?? "" } } };
    const [disclosures, reads] = await Promise.all([
      api.GET("/v1/audit/disclosures", query),
      api.GET("/v1/audit/access", query),
    ]);
    const named = [...(disclosures.data?.items ?? []), ...(reads.data?.items ?? [])];
    const cases = new Map(named.map((item) => [item.caseId, item.subjectId]));
    const data = disclosures.data && reads.data ? [...cases] : undefined;
    return {
      data: data?.map(([caseId, subjectId]) => ({ caseId, subjectId })),
      response: disclosures.response,
    };
  }, [api, covenantId]);
  return loaded;
}
