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
import { loadCovenant } from "./covenants.js";
import {
  type CommandDeps,
  type Handled,
  type HandleOptions,
  handleCommand,
} from "./handleCommand.js";

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
      if (!covenantId) throw new NotFound("case-exists", command.caseId);
      return { covenant: await loadCovenant(deps, covenantId), catalogue };
    },
    command,
    options,
    () => deps.caseSnapshot?.(command.caseId),
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
