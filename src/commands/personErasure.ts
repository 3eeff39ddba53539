import {
  type Actor,
  DomainError,
  type ErasureReason,
  type SubjectErased,
  type SubjectEvent,
  type SubjectState,
} from "../domain/index.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import type { CommandDeps, Handled, HandleOptions } from "./handleCommand.js";
import { handleSubjectCommand } from "./subjects.js";

/** One subject record of the young person, with its cases in the covenant. */
export type PersonRecord = { subjectId: string; caseIds: string[] };

export interface PersonErasure {
  actor: Actor;
  now: string;
  covenantId: string;
  /** The record the request named; erased last, under the request's Idempotency-Key. */
  named: PersonRecord;
  /** The young person's other records (merges not undone). */
  others: PersonRecord[];
  reason: Exclude<ErasureReason, "retention">;
}

const alreadyErased = (error: unknown) =>
  error instanceof DomainError && error.rule === "already-erased";

/**
 * Erases every record of a young person (rule 9), each on its own subject stream with its
 * own key deleted. The other records go first and an earlier erasure of one is no fault, so
 * a request retried after a crash half-way finishes the person and then answers as the first.
 */
export async function erasePerson(
  deps: CommandDeps & { keyStore: KeyStore },
  erasure: PersonErasure,
  options: HandleOptions = {},
): Promise<{
  named: Handled<SubjectEvent, SubjectState>;
  erased: SubjectErased["data"][];
  /** Where the last erasure landed, for read-your-writes; null when nothing was written. */
  position: bigint | null;
}> {
  const erased: SubjectErased["data"][] = [];
  let position: bigint | null = null;
  const command = (record: PersonRecord) => ({
    type: "EraseSubject" as const,
    actor: erasure.actor,
    now: erasure.now,
    subjectId: record.subjectId,
    caseIds: record.caseIds,
    reason: erasure.reason,
  });
  for (const record of erasure.others) {
    try {
      const handled = await handleSubjectCommand(deps, command(record), erasure.covenantId, {
        correlationId: options.correlationId,
      });
      erased.push(...handled.events.map((event) => event.data));
      position = handled.position ?? position;
    } catch (error) {
      if (!alreadyErased(error)) throw error;
    }
  }
  const named = await handleSubjectCommand(
    deps,
    command(erasure.named),
    erasure.covenantId,
    options,
  );
  erased.unshift(...named.events.map((event) => event.data));
  return { named, erased, position: named.position ?? position };
}
