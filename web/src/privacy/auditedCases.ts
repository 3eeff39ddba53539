import { cursorIn } from "../audit/paging";
import { useSignedIn } from "../auth/session";
import { useReference } from "../data/reference";
import { type Loaded, useLoad } from "../data/useLoad";

/** A case the privacy officer may audit, with the young person it is about (none for a phenomenon): ids only. */
export interface AuditedCase {
  caseId: string;
  subjectId: string | null;
}

/**
 * The cases the privacy officer can pick from: every case of the covenant in the officer's
 * scope, page after page, as ids (the service's `/v1/audit/cases`; no register is read for it).
 */
export function useAuditedCases(): Loaded<AuditedCase[]> {
  const { api } = useSignedIn();
  const { covenantId } = useReference();
  const [loaded] = useLoad(async () => {
    const cases: AuditedCase[] = [];
    let cursor: string | undefined;
    for (;;) {
      const query = { covenant: covenantId ?? "", limit: 1000, cursor };
      const page = await api.GET("/v1/audit/cases", { params: { query } });
      if (!page.data) return { data: undefined, response: page.response };
      cases.push(...page.data.items);
      if (page.data.next === null) return { data: cases, response: page.response };
      cursor = cursorIn(page.data.next);
    }
  }, [api, covenantId]);
  return loaded;
}
