import { readCovenant } from "../../commands/covenants.js";
import { type Actor, activeMember, type CovenantState } from "../../domain/index.js";
import { HttpProblem } from "../http/problems.js";
import type { ResourceDeps } from "../resources.js";

/** A covenant exists for its current members only (rule 1). */
export const knowsCovenant = (state: CovenantState, caller: Actor) =>
  state.status === "established" && activeMember(state, caller.organisationId) !== undefined;

/** Members (and only members) read their covenant; to anyone else it does not exist. */
export async function requireMemberView(
  deps: ResourceDeps,
  caller: Actor,
  covenantId: string,
): Promise<{ state: CovenantState; revision: number }> {
  const covenant = await readCovenant(deps.commands, covenantId);
  if (!knowsCovenant(covenant.state, caller)) {
    throw new HttpProblem("not_found", "No such covenant");
  }
  return covenant;
}
