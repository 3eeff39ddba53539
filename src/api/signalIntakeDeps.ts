import type { IntakeDeps } from "../commands/intake/intake.js";
import { HttpProblem } from "./http/problems.js";
import type { ResourceDeps } from "./resources.js";

/** How long intake waits for the read models to show a matched young person's cases. */
const CASES_WAIT_MS = 2_000;

/** Intake's view of the read models: a subject's cases, once they reached the store's head. */
export function intakeDeps(deps: ResourceDeps): IntakeDeps {
  const { subjectIndex, caseView } = deps.readModels;
  return {
    commands: deps.commands,
    identityIndex: deps.identity.index,
    indexer: deps.identity.indexer,
    identityLock: deps.identity.lock,
    async catchUp() {
      const head = await deps.store.headPosition();
      if (!(await deps.waitForPosition(head, CASES_WAIT_MS))) {
        throw new HttpProblem("not_yet_consistent", "The service is catching up; retry shortly");
      }
    },
    casesOf(subjectId, covenantId) {
      return subjectIndex.casesOf(subjectId, covenantId).map((caseId) => ({
        caseId,
        open: caseView.stateOf(caseId)?.status === "open",
      }));
    },
  };
}
