import type { CovenantState } from "../../domain/index.js";
import type { Caller } from "../auth/claims.js";
import { readCovenant } from "../covenants/covenantCommands.js";
import { HttpProblem } from "../problems.js";
import type { ResourceDeps } from "../resources.js";

/**
 * The covenant an audit question is about. It exists for organisations that are or were
 * members (a withdrawn member stays accountable for what it did); for anyone else it is 404.
 */
export async function auditedCovenant(
  deps: ResourceDeps,
  caller: Caller,
  covenantId: string,
): Promise<CovenantState> {
  const { state } = await readCovenant(deps, covenantId);
  if (state.status !== "established" || !state.members[caller.organisationId]) {
    throw new HttpProblem("not_found", "No such covenant");
  }
  return state;
}
