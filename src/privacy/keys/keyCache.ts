import type { DataKey } from "./keyStore.js";

/** Marks a subject whose key is known to be erased; erasure is permanent, so this is safe to keep. */
export const ERASED_ENTRY = Symbol("erased");

export type CachedKey = DataKey | typeof ERASED_ENTRY;

/**
 * Unwrapped keys in memory, bounded: when full, the oldest entry goes. Insertion order rather
 * than true LRU keeps a hit free of bookkeeping on the decode hot path.
 */
export class KeyCache {
  readonly #entries = new Map<string, CachedKey>();
  constructor(readonly capacity: number) {}

  get(subjectId: string): CachedKey | undefined {
    return this.#entries.get(subjectId);
  }

  set(subjectId: string, entry: CachedKey): void {
    this.#entries.delete(subjectId);
    this.#entries.set(subjectId, entry);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }

  delete(subjectId: string): void {
    this.#entries.delete(subjectId);
  }

  get size(): number {
    return this.#entries.size;
  }
}
