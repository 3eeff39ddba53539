import type { RecordedEvent } from "../store/types.js";

/** A stored event whose personal fields the codec has decrypted ("[erased]" once the key is gone). */
export type DecodedEvent = RecordedEvent;

/**
 * A read model answers one question. The projector feeds it every event in global order,
 * decoded; `apply` never throws on a recorded event, and `reset` empties it for a rebuild.
 */
export interface ReadModel {
  /** Stable name, used for rebuilds and metrics. */
  readonly name: string;
  /** Folds one decoded event into the model. */
  apply(event: DecodedEvent): void;
  /** Forgets everything, so a rebuild can start from zero. */
  reset(): void;
  /**
   * Erasure hook, for every model that keeps decoded personal fields: drop all it holds
   * about this case. On SubjectErased the projector deletes the key, calls this for each
   * of the subject's cases, then re-applies the case stream (now decoded as "[erased]")
   * to the models that have the hook, so no plaintext outlives the key.
   */
  forgetCase?(caseId: string): void;
  /**
   * Set for a model kept in tables beside the events (src/projections/shelved); only these see
   * read records (streams `access-*`), which a model in memory never does. The projector
   * feeds it only the events after its checkpoint, commits its rows with the checkpoint after
   * every page and live event, and rebuilds it blue-green. Unset: the model lives in memory
   * and is rebuilt from START at every start.
   */
  readonly shelved?: Shelved;
}

/** What the projector asks of a model kept in tables beside the events (src/projections/shelved). */
export interface Shelved {
  /** The last event whose rows are committed: before it, the model needs no read record again. */
  readonly checkpoint: bigint;
  /** True when the live copy was built by another version: the projector rebuilds it after start. */
  readonly stale: boolean;
  /** Commits the rows applied so far with the checkpoint `through`, in one transaction. */
  flush(through: bigint): Promise<void>;
  /** A new, empty copy beside the live one, to be fed from START. */
  rebuildCopy(): Promise<ReadModel>;
  /** Indexes the copy rebuildCopy made, once its bulk load is done. */
  indexCopy(): Promise<void>;
  /** Answers from `built` from now on, once it has caught up, and drops the old copy. */
  adopt(built: ReadModel): Promise<void>;
}
