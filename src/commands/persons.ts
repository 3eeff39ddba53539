import {
  type PersonCommand,
  type PersonEvent,
  type PersonState,
  personDecider,
  personStreamId,
} from "../domain/index.js";
import { loadCovenant } from "./covenants.js";
import {
  type CommandDeps,
  type Handled,
  type HandleOptions,
  handleCommand,
} from "./handleCommand.js";

/** Merges and undoes merges on the covenant's persons stream, deciding against its covenant. */
export function handlePersonCommand(
  deps: CommandDeps,
  command: PersonCommand,
  options?: HandleOptions,
): Promise<Handled<PersonEvent, PersonState>> {
  return handleCommand({
    deps,
    streamId: personStreamId(command.covenantId),
    decider: personDecider,
    loadContext: async () => ({ covenant: await loadCovenant(deps, command.covenantId) }),
    command,
    options,
  });
}
