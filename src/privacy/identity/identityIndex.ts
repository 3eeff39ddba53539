import type { MatchKind } from "../../domain/index.js";
import type { BlindIndex } from "./blindIndex.js";

/** A subject found in the identity index, and by which kind of key. */
export interface IndexHit {
  readonly subjectId: string;
  readonly kind: MatchKind;
}

/**
 * The blind indexes of the subjects of each covenant (rule 9), kept in the key store's
 * database: erasing a subject's key (KeyVault.erase) deletes its entries in the same
 * transaction, so an erased young person can no longer be found.
 */
export interface IdentityIndex {
  /** The subjects of this covenant with an entry equal to one of these; one hit per subject and kind. */
  find(covenantId: string, indexes: readonly BlindIndex[]): Promise<IndexHit[]>;
  /** Adds these entries of the subject (a young person new to the covenant); SubjectErasedError once its key is erased. */
  add(covenantId: string, subjectId: string, indexes: readonly BlindIndex[]): Promise<void>;
  /** Makes these the subject's only entries in the covenant; SubjectErasedError once its key is erased. */
  replace(covenantId: string, subjectId: string, indexes: readonly BlindIndex[]): Promise<void>;
  /** Deletes every entry of these subjects, in every covenant; not an erasure, which rewrites storage (KeyVault.erase). */
  remove(subjectIds: readonly string[]): Promise<void>;
}
