import {
  type AgendaItem,
  type AgendaItemCommand,
  type CaseEvent,
  type CaseState,
  NotFound,
  type SessionCommand,
  type SessionContext,
  type SessionEvent,
  type SessionState,
  sessionDecider,
  sessionStreamId,
} from "../domain/index.js";
import { handleCaseCommand, readCase } from "./cases.js";
import { loadCovenant } from "./covenants.js";
import {
  type CommandDeps,
  type Handled,
  type HandleOptions,
  handleCommand,
  readState,
  type Snapshot,
} from "./handleCommand.js";

/** The session as its stream holds it, with the revision a conditional write names. */
export const readSession = (
  deps: CommandDeps,
  sessionId: string,
): Promise<Snapshot<SessionState>> => readState(deps, sessionStreamId(sessionId), sessionDecider);

async function caseState(deps: CommandDeps, caseId: string): Promise<CaseState> {
  return (await readCase(deps, caseId)).state;
}

/** The session's covenant now, and the state of the agenda's cases and of a case to be added. */
async function sessionContext(
  deps: CommandDeps,
  state: SessionState,
  command: SessionCommand,
): Promise<SessionContext> {
  const covenantId =
    state.covenantId ?? (command.type === "PlanSession" ? command.covenantId : null);
  if (covenantId === null) throw new NotFound("session-exists", command.sessionId);
  const caseIds = new Set(state.agenda.map((item) => item.caseId));
  if (command.type === "AddAgendaItem") caseIds.add(command.caseId);
  const [covenant, ...states] = await Promise.all([
    loadCovenant(deps, covenantId),
    ...[...caseIds].map((caseId) => caseState(deps, caseId)),
  ]);
  const cases = Object.fromEntries([...caseIds].map((caseId, i) => [caseId, states[i]!]));
  return { covenant, cases };
}

/** Runs a session command against the session's stream. */
export function handleSessionCommand(
  deps: CommandDeps,
  command: SessionCommand,
  options?: HandleOptions,
): Promise<Handled<SessionEvent, SessionState>> {
  return handleCommand({
    deps,
    streamId: sessionStreamId(command.sessionId),
    decider: sessionDecider,
    loadContext: (state) => sessionContext(deps, state, command),
    command,
    options,
  });
}

/** An item of a session that is neither cancelled nor (for a new record) already held. */
function agendaItemOf(
  session: SessionState,
  sessionId: string,
  itemId: string,
  recording: boolean,
): AgendaItem {
  if (session.status === "none") throw new NotFound("session-exists", sessionId);
  const item = session.agenda.find((listed) => listed.itemId === itemId);
  if (!item) throw new NotFound("agenda-item-exists", itemId);
  const ended = session.status === "cancelled" || (recording && session.status === "held");
  if (ended) throw new NotFound("agenda-item-exists", itemId);
  return item;
}

type ItemFields = AgendaItemCommand extends infer C
  ? C extends AgendaItemCommand
    ? Omit<C, "caseId">
    : never
  : never;

/**
 * Runs a command on one agenda item: the session names the item's case, and the command is
 * decided against that case and appended to its stream (rule 4 and erasure act there).
 */
export async function handleAgendaItemCommand(
  deps: CommandDeps,
  sessionId: string,
  fields: ItemFields,
  options?: HandleOptions,
): Promise<Handled<CaseEvent, CaseState> & { caseId: string }> {
  const { state: session } = await readSession(deps, sessionId);
  const item = agendaItemOf(session, sessionId, fields.itemId, fields.type === "RecordAgendaItem");
  const recorded = fields.type === "RecordAgendaItem" ? { sessionId } : {};
  const command = { ...fields, ...recorded, caseId: item.caseId } as AgendaItemCommand;
  const handled = await handleCaseCommand(deps, command, options);
  return { ...handled, caseId: item.caseId };
}
