import { fold } from "../../commands/handleCommand.js";
import { readDecodedStream } from "../../commands/readDecoded.js";
import { type CaseState, caseDecider, caseStreamId } from "../../domain/index.js";
import type { Caller } from "../auth/claims.js";
import type { ResourceDeps } from "../resources.js";

/** The case as its stream tells it now, personal fields decoded. */
export async function loadCaseState(
  deps: ResourceDeps["commands"],
  caseId: string,
): Promise<CaseState> {
  return fold(caseDecider, await readDecodedStream(deps.store, deps.codec, caseStreamId(caseId)));
}

/**
 * Rule 1: a case exists for an organisation while it is invited or joined, or chairs the
 * case; for everyone else it does not exist at all.
 */
export function mayKnowCase(state: CaseState, caller: Caller, _now: string): boolean {
  if (state.status === "none") return false;
  if (state.chairOrganisationId === caller.organisationId) return true;
  const status = state.participants[caller.organisationId]?.status;
  return status === "joined" || status === "invited";
}
