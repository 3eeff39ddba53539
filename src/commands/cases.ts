import {
  type CaseCommand,
  type CaseContext,
  type CaseEvent,
  type CaseState,
  caseDecider,
  caseStreamId,
  catalogue,
  NotFound,
  subjectDecider,
  subjectStreamId,
} from "../domain/index.js";
import { loadCovenant } from "./covenants.js";
import {
  type CommandDeps,
  type Handled,
  type HandleOptions,
  handleCommand,
  readState,
  type Snapshot,
} from "./handleCommand.js";

/**
 * What a case command is decided against: the case's covenant as it stands now, the
 * catalogue, and whether the case's young person was erased.
 */
export async function caseContext(
  deps: CommandDeps,
  state: CaseState,
  command: CaseCommand,
): Promise<CaseContext> {
  const covenantId =
    state.covenantId ?? (command.type === "RaiseSignal" ? command.covenantId : null);
  if (!covenantId) throw new NotFound("case-exists", command.caseId);
  const subjectId = state.subjectId;
  const [covenant, subject] = await Promise.all([
    loadCovenant(deps, covenantId),
    subjectId ? readState(deps, subjectStreamId(subjectId), subjectDecider) : undefined,
  ]);
  return { covenant, catalogue, subjectErased: subject?.state.erased ?? false };
}

/**
 * The case now, for a command or a refusal: the projector's fold when the service has one,
 * plus only the events appended since, so no command reads a whole case (issue 15).
 */
export async function readCase(deps: CommandDeps, caseId: string): Promise<Snapshot<CaseState>> {
  return readState(deps, caseStreamId(caseId), caseDecider, await deps.caseSnapshot?.(caseId));
}

/** Runs a case command against the case stream and the covenant the case belongs to. */
export function handleCaseCommand(
  deps: CommandDeps,
  command: CaseCommand,
  options?: HandleOptions,
): Promise<Handled<CaseEvent, CaseState>> {
  return handleCommand({
    deps,
    streamId: caseStreamId(command.caseId),
    decider: caseDecider,
    loadContext: (state) => caseContext(deps, state, command),
    command,
    options,
    snapshot: () => deps.caseSnapshot?.(command.caseId),
  });
}
