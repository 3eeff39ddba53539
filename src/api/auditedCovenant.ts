import { loadCovenant } from "../commands/covenants.js";
import { type Actor, type CovenantState, entryOf } from "../domain/index.js";
import { isCovenantPrivacyOfficer, privacyOfficerScope } from "../privacy/policy/audit.js";
import { HttpProblem } from "./http/problems.js";
import type { ResourceDeps } from "./resources.js";

/**
 * The covenant an audit question is about. It exists for organisations that are or were
 * members (a withdrawn member stays accountable for what it did); for anyone else it is 404.
 */
export async function auditedCovenant(
  deps: ResourceDeps,
  caller: Actor,
  covenantId: string,
): Promise<CovenantState> {
  // The store's folded covenant, brought up to its stream's end: not the stream read whole per question.
  const state = await loadCovenant(deps.commands, covenantId);
  if (state.status !== "established" || !entryOf(state.members, caller.organisationId)) {
    throw new HttpProblem("not_found", "No such covenant");
  }
  return state;
}

/**
 * The covenant an audit question is about, answered for everything recorded so far, once the
 * audit policy's `may` admits the caller's organisation; 403 with `refusal` otherwise (the
 * route has already checked the role).
 */
export async function currentAuditedCovenant(
  deps: ResourceDeps,
  caller: Actor,
  covenantId: string,
  may: (caller: Actor, covenant: CovenantState) => boolean,
  refusal: string,
): Promise<CovenantState> {
  await awaitCurrent(deps);
  const covenant = await auditedCovenant(deps, caller, covenantId);
  if (!may(caller, covenant)) throw new HttpProblem("organisation_not_permitted", refusal);
  return covenant;
}

/** How long an audit read waits for the read models to reach the store's head. */
const CURRENT_WAIT_MS = 2_000;

/**
 * An audit answers for everything recorded so far: it waits until the read models hold the
 * store's head (503 if they do not get there in time) rather than leave out the latest reads.
 */
export async function awaitCurrent(deps: ResourceDeps): Promise<void> {
  const head = await deps.store.headPosition();
  if (await deps.waitForPosition(head, CURRENT_WAIT_MS)) return;
  throw new HttpProblem(
    "not_yet_consistent",
    "The audit registers are catching up; retry shortly",
    {},
    { "Retry-After": "1" },
  );
}

/**
 * Rule 5: the covenant as a privacy officer of it may audit it, and the officer's scope: the
 * covenant's officer the whole covenant, a member's officer its own organisation.
 */
export async function privacyOfficerCovenant(
  deps: ResourceDeps,
  caller: Actor,
  covenantId: string,
) {
  const covenant = await currentAuditedCovenant(
    deps,
    caller,
    covenantId,
    (viewer, audited) => privacyOfficerScope(viewer, audited) !== null,
    "Only a privacy officer of the covenant",
  );
  const scope = isCovenantPrivacyOfficer(caller, covenant) ? "covenant" : "organisation";
  return { covenant, scope } as const;
}
