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
}
