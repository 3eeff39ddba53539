import { readCase } from "../commands/cases.js";
import { loadCovenant } from "../commands/covenants.js";
import type { Snapshot } from "../commands/handleCommand.js";
import { type Actor, type CaseState, membershipOf } from "../domain/index.js";
import { type CaseVisibility, caseVisibility } from "../privacy/policy/caseVisibility.js";
import type { ResourceDeps } from "./resources.js";

/** The case as its stream tells it now, with the stream revision that is its ETag. */
export function loadCase(
  deps: ResourceDeps["commands"],
  caseId: string,
): Promise<Snapshot<CaseState>> {
  return readCase(deps, caseId);
}

/** The policy's answer for the caller, with its membership of the case's covenant as it stands now. */
export async function caseVisibilityFor(
  deps: ResourceDeps["commands"],
  state: CaseState,
  caller: Actor,
  now: string,
): Promise<CaseVisibility> {
  if (state.covenantId === null) return { kind: "none" };
  const covenant = await loadCovenant(deps, state.covenantId);
  const membership = membershipOf(covenant, caller.organisationId);
  return caseVisibility(state, caller, now, membership);
}

/**
 * Whether the caller's organisation may know the case exists at all: the policy's answer is
 * anything but "none". Everyone else is told 404, as for a case that does not exist.
 */
export async function mayKnowCase(
  deps: ResourceDeps["commands"],
  state: CaseState,
  caller: Actor,
  now: string,
): Promise<boolean> {
  return (await caseVisibilityFor(deps, state, caller, now)).kind !== "none";
}
