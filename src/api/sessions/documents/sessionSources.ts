import { loadCovenant } from "../../../commands/covenants.js";
import { type Actor, NotFound } from "../../../domain/index.js";
import type { CaseView } from "../../../privacy/policy/caseVisibility.js";
import type { ResourceDeps } from "../../resources.js";
import type { DocumentSources } from "./sessionDocuments.js";

// The same refusal as GET /v1/sessions/{sessionId}, so a document reveals no more than a read.
const sessionNotFound = (sessionId: string) => new NotFound("session-exists", sessionId);

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
  if (visible.kind === "none") throw sessionNotFound(sessionId);
  const { view } = visible;
  if (view.startsAt === null || view.covenantId === null) throw sessionNotFound(sessionId);
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
