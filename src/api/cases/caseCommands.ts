import { handleCaseCommand } from "../../commands/cases.js";
import type { IdempotentWrite } from "../../commands/idempotentWrite.js";
import { type Actor, type CaseCommand, type CaseState, DomainError } from "../../domain/index.js";
import { WrongExpectedRevisionError } from "../../store/errors.js";
import { caseVisibilityFor, loadCase, mayKnowCase } from "../caseExistence.js";
import type { ExpectedRevisionFromHeader } from "../http/concurrency/etag.js";
import { HttpProblem } from "../http/problems.js";
import type { ResourceDeps } from "../resources.js";
import { refusalAsUnknown, withUnknownItem } from "./hiddenItems.js";
import { putRefusedShareOnRecord } from "./refusedShares.js";

/** What a case write answers with: the stream revision (ETag) and the global position. */
export interface CaseWritten {
  state: CaseState;
  revision: number;
  position: bigint | undefined;
}

/** The answer for a case the caller may not know of: the same as for a case that does not exist. */
export const caseNotFound = () => new HttpProblem("not_found", "No such case");

/** Fails with 404 unless the case exists and the caller's organisation may know it exists. */
export async function requireKnownCase(
  deps: ResourceDeps,
  caller: Actor,
  caseId: string,
): Promise<CaseState> {
  const { state } = await loadCase(deps.commands, caseId);
  if (!(await mayKnowCase(deps.commands, state, caller, deps.now()))) throw caseNotFound();
  return state;
}

type CommandFields<C> = C extends CaseCommand ? Omit<C, "actor" | "now" | "caseId"> : never;

/** A case command as a route issues it: the caller, the clock and the case id are added here. */
export type CaseCommandFields = CommandFields<CaseCommand>;

/**
 * Runs one case command for the caller. A refusal on a case the caller may not know of
 * becomes 404, never 403 or 409: the answer must not reveal that the case exists. A refusal
 * naming an item of the case the caller may not know of is the answer for an unknown id.
 */
export async function runCaseCommand(
  deps: ResourceDeps,
  request: {
    caller: Actor;
    expectedRevision: ExpectedRevisionFromHeader | undefined;
    /** Keep refusals as they are; only for a case id the server just generated. */
    reveal?: boolean;
    idempotency?: IdempotentWrite;
    /** The request id, kept with a refused share's record. */
    requestId?: string;
  },
  caseId: string,
  fields: CaseCommandFields,
): Promise<CaseWritten> {
  const command = {
    ...fields,
    caseId,
    actor: request.caller,
    now: deps.now(),
  } as CaseCommand;
  const expected = request.expectedRevision;
  try {
    const handled = await handleCaseCommand(deps.commands, command, {
      expectedRevision: expected,
      idempotency: request.idempotency,
    });
    return {
      state: handled.state,
      revision: handled.revision,
      position: handled.position ?? undefined,
    };
  } catch (error) {
    await putRefusedShareOnRecord(deps, command, error, request.requestId);
    // A stale If-Match on a hidden case would answer 412 and so confirm that the case exists.
    const refused = error instanceof DomainError || error instanceof WrongExpectedRevisionError;
    if (!refused || request.reveal) throw error;
    const { state } = await loadCase(deps.commands, caseId);
    const visibility = await caseVisibilityFor(deps.commands, state, request.caller, deps.now());
    if (visibility.kind === "none") throw caseNotFound();
    // Likewise an item of the case the caller may not know of: answered as an unknown id.
    const asUnknown = error instanceof DomainError && withUnknownItem(command, visibility);
    if (asUnknown) throw await refusalAsUnknown(deps, asUnknown, state);
    throw error;
  }
}
