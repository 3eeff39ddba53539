import { handleCovenantCommand, readCovenant } from "../../commands/covenants.js";
import type { IdempotentWrite } from "../../commands/idempotentWrite.js";
import type { Actor } from "../../domain/index.js";
import {
  activeMember,
  type CovenantCommand,
  type CovenantState,
  DomainError,
  NotFound,
} from "../../domain/index.js";
import { WrongExpectedRevisionError } from "../../store/errors.js";
import type { ExpectedRevisionFromHeader } from "../http/concurrency/etag.js";
import { HttpProblem } from "../http/problems.js";
import type { ResourceDeps } from "../resources.js";

export interface CovenantWritten {
  state: CovenantState;
  revision: number;
  position: bigint | undefined;
}

type CommandFields<C> = C extends CovenantCommand ? Omit<C, "actor" | "now" | "covenantId"> : never;

/**
 * Runs one covenant command as the caller; the domain decides whether the caller may. To a
 * non-member every refusal (a stale If-Match too) reads as for an unknown covenant (rule 1).
 */
export async function runCovenantCommand(
  deps: ResourceDeps,
  request: {
    caller: Actor;
    expectedRevision: ExpectedRevisionFromHeader | undefined;
    idempotency?: IdempotentWrite;
  },
  covenantId: string,
  fields: CommandFields<CovenantCommand>,
): Promise<CovenantWritten> {
  const { caller, expectedRevision, idempotency } = request;
  const command = {
    ...fields,
    covenantId,
    actor: caller,
    now: deps.now(),
  } as CovenantCommand;
  const handled = await handleCovenantCommand(deps.commands, command, {
    expectedRevision,
    idempotency,
  }).catch(async (error: unknown) => {
    const refused = error instanceof DomainError || error instanceof WrongExpectedRevisionError;
    if (refused && command.type !== "EstablishCovenant") {
      const { state } = await readCovenant(deps.commands, covenantId);
      if (!knowsCovenant(state, caller)) throw new NotFound("covenant-exists", covenantId);
    }
    throw error;
  });
  return {
    state: handled.state,
    revision: handled.revision,
    position: handled.position ?? undefined,
  };
}

/** A covenant write's answer: the presented body, the new revision as ETag, its position. */
export function answerWrite<S extends number, B>(
  status: S,
  written: CovenantWritten,
  body: B,
  location?: string,
) {
  return {
    status,
    body,
    etag: written.revision,
    position: written.position,
    ...(location === undefined ? {} : { location }),
  };
}

/** A covenant exists for its current members only (rule 1). */
const knowsCovenant = (state: CovenantState, caller: Actor) =>
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
