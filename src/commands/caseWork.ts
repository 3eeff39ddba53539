import {
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CovenantCommand,
  type CovenantEvent,
  type CovenantState,
  caseDecider,
  caseStreamId,
  catalogue,
  covenantDecider,
  covenantStreamId,
  NotFound,
} from "../domain/index.js";
import {
  type CommandDeps,
  fold,
  type Handled,
  type HandleOptions,
  handleCommand,
} from "./handleCommand.js";
import { readDecodedStream } from "./readDecoded.js";

/** The covenant as it stands now: every rule check reads it at the time of the command. */
export async function loadCovenant(deps: CommandDeps, covenantId: string): Promise<CovenantState> {
  return fold(
    covenantDecider,
    await readDecodedStream(deps.store, deps.codec, covenantStreamId(covenantId)),
  );
}

/** Runs a case command against the case stream and the covenant the case belongs to. */
export function handleCaseCommand(
  deps: CommandDeps,
  command: CaseCommand,
  options?: HandleOptions,
): Promise<Handled<CaseEvent, CaseState>> {
  return handleCommand(
    deps,
    caseStreamId(command.caseId),
    caseDecider,
    async (state) => {
      const covenantId =
        state.covenantId ?? (command.type === "RaiseSignal" ? command.covenantId : null);
      if (!covenantId) throw new NotFound("case", command.caseId);
      return { covenant: await loadCovenant(deps, covenantId), catalogue };
    },
    command,
    options,
  );
}

/** Runs a covenant command against its stream. */
export function handleCovenantCommand(
  deps: CommandDeps,
  command: CovenantCommand,
  options?: HandleOptions,
): Promise<Handled<CovenantEvent, CovenantState>> {
  return handleCommand(
    deps,
    covenantStreamId(command.covenantId),
    covenantDecider,
    async () => ({ catalogue }),
    command,
    options,
  );
}
