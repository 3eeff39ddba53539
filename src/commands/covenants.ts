import { frozen } from "../domain/frozen.js";
import {
  type CovenantCommand,
  type CovenantEvent,
  type CovenantState,
  catalogue,
  covenantDecider,
  covenantStreamId,
} from "../domain/index.js";
import type { EventStore } from "../store/eventStore.js";
import {
  type CommandDeps,
  fold,
  type Handled,
  type HandleOptions,
  handleCommand,
  type Snapshot,
} from "./handleCommand.js";

type Folded = { state: CovenantState; nextRevision: number };

/**
 * Covenants change rarely and every case command checks one, so each store keeps the folded
 * covenants and reads only the events appended since. Still "as it stands now": the stream is
 * asked for anything newer on every call. Covenant events hold no personal data.
 */
const foldedByStore = new WeakMap<EventStore, Map<string, Folded>>();

/** The covenant as it stands now: every rule check reads it at the time of the command. */
export async function loadCovenant(deps: CommandDeps, covenantId: string): Promise<CovenantState> {
  return (await readCovenant(deps, covenantId)).state;
}

/**
 * The covenant as it stands now, with the revision a conditional write names: the store's
 * folded copy brought up to its stream's end, not the stream read and decoded whole.
 */
export async function readCovenant(
  deps: CommandDeps,
  covenantId: string,
): Promise<Snapshot<CovenantState>> {
  let folded = foldedByStore.get(deps.store);
  if (!folded) {
    folded = new Map();
    foldedByStore.set(deps.store, folded);
  }
  let current = folded.get(covenantId) ?? {
    state: covenantDecider.initialState,
    nextRevision: 0,
  };
  for (;;) {
    const page = await deps.store.readStream(covenantStreamId(covenantId), {
      from: current.nextRevision,
      limit: 1000,
    });
    // A racing reader may have folded further already; never step back.
    const latest = folded.get(covenantId);
    if (latest && latest.nextRevision > current.nextRevision) current = latest;
    const fresh = page.filter((event) => event.revision >= current.nextRevision);
    // Every caller shares the folded covenant: frozen, a change to it throws where it is made
    // instead of changing every later rule check.
    current = {
      state: fresh.length > 0 ? frozen(fold(covenantDecider, fresh, current.state)) : current.state,
      nextRevision: current.nextRevision + fresh.length,
    };
    if (current.state.status !== "none") folded.set(covenantId, current);
    if (page.length < 1000) return { state: current.state, revision: current.nextRevision - 1 };
  }
}

/** Runs a covenant command against its stream. */
export function handleCovenantCommand(
  deps: CommandDeps,
  command: CovenantCommand,
  options?: HandleOptions,
): Promise<Handled<CovenantEvent, CovenantState>> {
  return handleCommand({
    deps,
    streamId: covenantStreamId(command.covenantId),
    decider: covenantDecider,
    loadContext: async () => ({ catalogue }),
    // From the folded covenant: only events since are read and decoded.
    snapshot: () => readCovenant(deps, command.covenantId),
    command,
    options,
  });
}
