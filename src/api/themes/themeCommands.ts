import { loadCovenant } from "../../commands/covenants.js";
import type { IdempotentWrite } from "../../commands/idempotentWrite.js";
import { handleThemeCommand, readTheme } from "../../commands/themes.js";
import { type Actor, DomainError, NotFound, type ThemeCommand } from "../../domain/index.js";
import { themeAudience } from "../../privacy/policy/themeVisibility.js";
import { WrongExpectedRevisionError } from "../../store/errors.js";
import type { ExpectedRevisionFromHeader } from "../http/concurrency/etag.js";
import type { ResourceDeps } from "../resources.js";

type ThemeRequest = {
  caller: Actor;
  expectedRevision: ExpectedRevisionFromHeader | undefined;
  idempotency?: IdempotentWrite;
};

type Fields<C, Dropped extends string> = C extends unknown ? Omit<C, Dropped> : never;
export type ThemeCommandFields = Fields<ThemeCommand, "actor" | "now" | "themeId">;

/** Where a write left the theme's stream: the revision (ETag) and the global position. */
export interface Written {
  revision: number;
  position: bigint | undefined;
}

/** Rule 1 for themes: any refusal on a theme outside the caller's audience answers as an unknown theme. */
async function hidingRefusals<T>(
  deps: ResourceDeps,
  caller: Actor,
  themeId: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const refused = error instanceof DomainError || error instanceof WrongExpectedRevisionError;
    if (!refused) throw error;
    const { state } = await readTheme(deps.commands, themeId);
    const covenant = state.covenantId && (await loadCovenant(deps.commands, state.covenantId));
    if (!covenant || !themeAudience(state, covenant).has(caller.organisationId)) {
      throw new NotFound("theme-exists", themeId);
    }
    throw error;
  }
}

export function runThemeCommand(
  deps: ResourceDeps,
  request: ThemeRequest,
  themeId: string,
  fields: ThemeCommandFields,
): Promise<Written> {
  const { caller, expectedRevision, idempotency } = request;
  const command = { ...fields, themeId, actor: caller, now: deps.now() } as ThemeCommand;
  const run = async () => {
    const handled = await handleThemeCommand(deps.commands, command, {
      expectedRevision,
      idempotency,
    });
    return { revision: handled.revision, position: handled.position ?? undefined };
  };
  // Raising a theme reveals nothing: the id is the server's own.
  return command.type === "RaiseTheme" ? run() : hidingRefusals(deps, caller, themeId, run);
}

/** A theme write's answer: ids, the revision as ETag, the position. */
export function answer<S extends 200 | 201, Extra extends Record<string, string>>(
  status: S,
  themeId: string,
  written: Written,
  extra: Extra,
  location?: string,
) {
  return {
    status,
    body: {
      themeId,
      revision: written.revision,
      position: (written.position ?? 0n).toString(),
      ...extra,
    },
    etag: written.revision,
    position: written.position,
    ...(location === undefined ? {} : { location }),
  };
}
