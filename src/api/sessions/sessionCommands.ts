import type { IdempotentWrite } from "../../commands/idempotentWrite.js";
import {
  handleAgendaItemCommand,
  handleSessionCommand,
  readSession,
} from "../../commands/sessions.js";
import {
  type Actor,
  type AgendaItemCommand,
  DomainError,
  NotFound,
  type SessionCommand,
} from "../../domain/index.js";
import { sessionVisibility } from "../../privacy/policy/sessionVisibility.js";
import { WrongExpectedRevisionError } from "../../store/errors.js";
import type { ExpectedRevisionFromHeader } from "../http/concurrency/etag.js";
import type { ResourceDeps } from "../resources.js";

type SessionRequest = {
  caller: Actor;
  expectedRevision: ExpectedRevisionFromHeader | undefined;
  idempotency?: IdempotentWrite;
};

/** Where a write left its stream: the revision (ETag) and the global position. */
export interface Written {
  revision: number;
  position: bigint | undefined;
}

type Fields<C, Dropped extends string> = C extends unknown ? Omit<C, Dropped> : never;
export type SessionCommandFields = Fields<SessionCommand, "actor" | "now" | "sessionId">;
export type ItemCommandFields = Fields<AgendaItemCommand, "actor" | "now" | "caseId">;

/**
 * Rule 1 for session writes: a refusal on a session the caller may not see, or on an agenda
 * item of a case it may not know of, is answered as for an unknown session or item.
 */
async function hidingRefusals<T>(
  deps: ResourceDeps,
  caller: Actor,
  sessionId: string,
  itemId: string | null,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const refused = error instanceof DomainError || error instanceof WrongExpectedRevisionError;
    if (!refused) throw error;
    const { state } = await readSession(deps.commands, sessionId);
    const { caseView } = deps.readModels;
    const visible = sessionVisibility({ state, legacy: false }, caller, caseView);
    if (visible.kind === "none") throw new NotFound("session-exists", sessionId);
    const knowsItem = visible.view.agenda.some((item) => item.itemId === itemId);
    if (itemId !== null && !knowsItem) throw new NotFound("agenda-item-exists", itemId);
    throw error;
  }
}

export function runSessionCommand(
  deps: ResourceDeps,
  request: SessionRequest,
  sessionId: string,
  fields: SessionCommandFields,
): Promise<Written> {
  const { caller, expectedRevision, idempotency } = request;
  const command = { ...fields, sessionId, actor: caller, now: deps.now() } as SessionCommand;
  const run = async () => {
    const handled = await handleSessionCommand(deps.commands, command, {
      expectedRevision,
      idempotency,
    });
    return { revision: handled.revision, position: handled.position ?? undefined };
  };
  // Planning a session reveals nothing: the id is the server's own.
  return command.type === "PlanSession"
    ? run()
    : hidingRefusals(deps, caller, sessionId, null, run);
}

export function runItemCommand(
  deps: ResourceDeps,
  request: SessionRequest,
  sessionId: string,
  fields: ItemCommandFields,
): Promise<Written> {
  const { caller, expectedRevision, idempotency } = request;
  const command = { ...fields, actor: caller, now: deps.now() };
  return hidingRefusals(deps, caller, sessionId, fields.itemId, async () => {
    const handled = await handleAgendaItemCommand(deps.commands, sessionId, command, {
      expectedRevision,
      idempotency,
    });
    return { revision: handled.revision, position: handled.position ?? undefined };
  });
}

/** A session write's answer: ids, the revision as ETag, the position. */
export function answer<S extends 200 | 201, Extra extends Record<string, string>>(
  status: S,
  sessionId: string,
  written: Written,
  extra: Extra,
  location?: string,
) {
  return {
    status,
    body: {
      sessionId,
      revision: written.revision,
      position: (written.position ?? 0n).toString(),
      ...extra,
    },
    etag: written.revision,
    position: written.position,
    ...(location === undefined ? {} : { location }),
  };
}
