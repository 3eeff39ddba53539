import { z } from "zod";
import { loadCovenant } from "../../../commands/covenants.js";
import type { Actor } from "../../../domain/index.js";
import type { CaseView } from "../../../privacy/policy/caseVisibility.js";
import { HttpProblem } from "../../http/problems.js";
import type { ResourceDeps } from "../../resources.js";
import type { DocumentSources } from "./documentViews.js";

export const sessionParams = z.object({ sessionId: z.uuid() });

const sessionNotFound = () => new HttpProblem("not_found", "No such session");

/**
 * The session as the caller may see it (rule 1 for sessions: 404 for a session it may not
 * know of, exactly as for an unknown id), with its covenant and the caller's view of each case
 * on the agenda, all decided by the policy at one moment.
 */
export async function sessionSources(
  deps: ResourceDeps,
  caller: Actor,
  sessionId: string,
): Promise<DocumentSources> {
  const visible = deps.readModels.sessions.query(sessionId, caller);
  if (visible.kind === "none") throw sessionNotFound();
  const { view } = visible;
  if (view.startsAt === null || view.covenantId === null) throw sessionNotFound();
  const now = deps.now();
  const cases = new Map<string, CaseView>();
  for (const { caseId } of view.agenda) {
    const seen = deps.readModels.caseView.query(caseId, caller, now);
    if (seen.kind === "case") cases.set(caseId, seen.view);
  }
  return {
    session: { ...view, sessionId, startsAt: view.startsAt },
    covenant: await loadCovenant(deps.commands, view.covenantId),
    cases,
    readerOrganisationId: caller.organisationId,
    now,
  };
}
