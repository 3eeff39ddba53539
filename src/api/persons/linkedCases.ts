import type { Actor } from "../../domain/index.js";
import { subjectStreamId } from "../../domain/index.js";
import { isCovenantPrivacyOfficer } from "../../privacy/policy/audit.js";
import { readWholeStream } from "../../store/wholeStream.js";
import { auditedCovenant } from "../auditedCovenant.js";
import { caseVisibilityFor, loadCase } from "../caseExistence.js";
import { HttpProblem } from "../http/problems.js";
import type { ResourceDeps } from "../resources.js";

/** A case of the covenant the caller may see whole, with its subject record. */
export type LinkedCase = { caseId: string; subject: string; erased: boolean };

const noSuchCase = () => new HttpProblem("not_found", "No such case in this covenant");

/**
 * The cases a merge or undo addresses. Each must be of the covenant and visible to the
 * caller in full: the covenant's privacy officer sees the covenant's cases, a chair the cases
 * the policy shows it. Anything else is 404, as for a case that does not exist (rule 1).
 */
export async function linkedCases(
  deps: ResourceDeps,
  caller: Actor,
  covenantId: string,
  caseIds: readonly string[],
): Promise<LinkedCase[]> {
  const covenant = await auditedCovenant(deps, caller, covenantId);
  const officer = isCovenantPrivacyOfficer(caller, covenant);
  return Promise.all(
    caseIds.map(async (caseId) => {
      const { state } = await loadCase(deps.commands, caseId);
      if (state.covenantId !== covenantId || state.subjectId === null) throw noSuchCase();
      const visible =
        officer ||
        (await caseVisibilityFor(deps.commands, state, caller, deps.now())).kind === "case";
      if (!visible) throw noSuchCase();
      const history = await readWholeStream(deps.store, subjectStreamId(state.subjectId));
      const erased = history.some((event) => event.type === "SubjectErased");
      return { caseId, subject: state.subjectId, erased };
    }),
  );
}
