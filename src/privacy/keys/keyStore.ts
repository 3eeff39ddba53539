import type { KeyObject } from "node:crypto";

/** A subject's data key, unwrapped, as the codec uses it. */
export interface DataKey {
  readonly subjectId: string;
  /** Random id of this key; bound into every field's associated data. */
  readonly keyId: string;
  readonly key: KeyObject;
}

/** Keys loaded for a batch: a present entry with `undefined` means erased (or lost) for good. */
export type KeyRing = ReadonlyMap<string, DataKey | undefined>;

/** One data key per subject, created on first use, stored wrapped under the master key. */
export interface KeyStore {
  /** The subject's data key, created and stored on first use; throws SubjectErasedError after erasure. */
  getOrCreate(subjectId: string): Promise<DataKey>;
  /** The subject's data key; undefined when it was erased or never created. */
  get(subjectId: string): Promise<DataKey | undefined>;
  /** Keys for many subjects in one round trip: every requested id is in the ring. */
  getMany(subjectIds: Iterable<string>): Promise<KeyRing>;
  /**
   * Crypto-shreds the subject: deletes its key from storage and memory, keeps a tombstone, and
   * flushes the storage (flushErased). Throws KeyWipeIncompleteError when the flush cannot be done.
   */
  delete(subjectId: string): Promise<void>;
  /** As delete, for many subjects with one storage rewrite; `flush: "later"` leaves the flush to the caller's flushErased. */
  deleteMany(subjectIds: Iterable<string>, options?: { flush?: "now" | "later" }): Promise<void>;
  /** Resolves once no file of the storage can hold any key erased before the call (one flush serves a batch). */
  flushErased(): Promise<void>;
  /** Drops the subject's key from this process's memory (another process erased it). */
  forget(subjectId: string): void;
}

/** A data key as stored: wrapped (AES-256-GCM) under the master key. */
export interface WrappedKey {
  readonly state: "active";
  readonly keyId: string;
  readonly wrapped: Buffer;
}

/** What remains of an erased subject: its id and the fact, no key material. */
export interface ErasedKey {
  readonly state: "erased";
}

export type StoredKey = WrappedKey | ErasedKey;

/** Storage of wrapped keys: the port the SQLite and PostgreSQL adapters implement. */
export interface KeyVault {
  /** Stores the key unless the subject already has one (or a tombstone); returns what it has now. */
  insertIfAbsent(subjectId: string, key: WrappedKey): Promise<StoredKey>;
  /** The stored keys of these subjects; subjects that never had a key are absent from the map. */
  find(subjectIds: readonly string[]): Promise<Map<string, StoredKey>>;
  /** Replaces the subjects' keys by tombstones and rewrites the key table so no wrapped byte remains in it. */
  erase(subjectIds: readonly string[]): Promise<void>;
  /**
   * Removes what the database keeps of erased keys beyond the table (the write-ahead log), so
   * that no file of it can hold one; throws KeyWipeIncompleteError saying why when it cannot.
   */
  flushErased(): Promise<void>;
  /** What keeps this database from completing an erasure, for the operator; empty when nothing. */
  erasureProblems(): Promise<string[]>;
}
