import { readState, type Snapshot } from "../../commands/handleCommand.js";
import { type CaseState, caseDecider, caseStreamId } from "../../domain/index.js";
import { caseVisibility } from "../../privacy/policy/caseVisibility.js";
import type { Caller } from "../auth/claims.js";
import type { ResourceDeps } from "../resources.js";

/** The case as its stream tells it now, with the stream revision that is its ETag. */
export function loadCase(
  deps: ResourceDeps["commands"],
  caseId: string,
): Promise<Snapshot<CaseState>> {
  return readState(deps, caseStreamId(caseId), caseDecider);
}

/**
 * Whether the caller's organisation may know the case exists at all: the policy's answer is
 * anything but "none". Everyone else is told 404, as for a case that does not exist.
 */
export function mayKnowCase(state: CaseState, caller: Caller, now: string): boolean {
  return caseVisibility(state, caller, now).kind !== "none";
}
