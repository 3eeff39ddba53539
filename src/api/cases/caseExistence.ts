import { fold } from "../../commands/handleCommand.js";
import { readDecodedStream } from "../../commands/readDecoded.js";
import { type CaseState, caseDecider, caseStreamId } from "../../domain/index.js";
import { caseVisibility } from "../../privacy/policy/caseVisibility.js";
import type { Caller } from "../auth/claims.js";
import type { ResourceDeps } from "../resources.js";

/** A case as its stream tells it now, with the stream revision that is its ETag. */
export interface LoadedCase {
  state: CaseState;
  /** -1 when the stream does not exist. */
  revision: number;
}

/** Reads the case stream, personal fields decoded, and folds it. */
export async function loadCase(
  deps: ResourceDeps["commands"],
  caseId: string,
): Promise<LoadedCase> {
  const events = await readDecodedStream(deps.store, deps.codec, caseStreamId(caseId));
  return { state: fold(caseDecider, events), revision: events.length - 1 };
}

/**
 * Whether the caller's organisation may know the case exists at all: the policy's answer is
 * anything but "none". Everyone else is told 404, as for a case that does not exist.
 */
export function mayKnowCase(state: CaseState, caller: Caller, now: string): boolean {
  return caseVisibility(state, caller, now).kind !== "none";
}
