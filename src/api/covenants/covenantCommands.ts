import { handleCovenantCommand, readCovenant } from "../../commands/covenants.js";
import type { IdempotentWrite } from "../../commands/idempotentWrite.js";
import {
  type Actor,
  type CovenantCommand,
  type CovenantState,
  DomainError,
  NotFound,
} from "../../domain/index.js";
import { WrongExpectedRevisionError } from "../../store/errors.js";
import type { ExpectedRevisionFromHeader } from "../http/concurrency/etag.js";
import type { ResourceDeps } from "../resources.js";
import { knowsCovenant } from "./memberView.js";

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
