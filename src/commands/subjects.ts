import {
  type SubjectCommand,
  type SubjectEvent,
  type SubjectState,
  subjectDecider,
  subjectStreamId,
} from "../domain/index.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import { loadCovenant } from "./covenants.js";
import {
  type CommandDeps,
  type Handled,
  type HandleOptions,
  handleCommand,
} from "./handleCommand.js";

/**
 * Erases a subject: records the PII-free SubjectErased first, then deletes the data key
 * (crypto-shredding) and flushes the key storage, unless `flush: "later"` leaves that to a
 * batch (the retention run flushes once for all its subjects). Deleting is idempotent, so a
 * crash between the two is mended by replaying SubjectErased (the projector deletes the key
 * again when it sees the event), and every retention run flushes.
 */
export async function handleSubjectCommand(
  deps: CommandDeps & { keyStore: KeyStore },
  command: SubjectCommand,
  covenantId: string,
  options?: HandleOptions & { flush?: "now" | "later" },
): Promise<Handled<SubjectEvent, SubjectState>> {
  const handled = await handleCommand({
    deps,
    streamId: subjectStreamId(command.subjectId),
    decider: subjectDecider,
    loadContext: async () => ({ covenant: await loadCovenant(deps, covenantId) }),
    command,
    options,
  });
  if (handled.events.some((event) => event.type === "SubjectErased")) {
    await deps.keyStore.deleteMany([command.subjectId], { flush: options?.flush ?? "now" });
  }
  return handled;
}
