interface Entry {
  at: number;
  /** Which scheduling of the id this is: a later one makes the earlier entry stale. */
  turn: number;
  id: string;
}

/**
 * Ids by the time they fall due, earliest first (then in the order they were scheduled): a
 * binary heap, so asking what is due costs the answer, not a scan of everything waiting.
 * Rescheduling or removing an id leaves its old entry behind, skipped once it surfaces.
 */
export class DueQueue {
  readonly #heap: Entry[] = [];
  readonly #turns = new Map<string, number>();
  #turn = 0;

  get size(): number {
    return this.#turns.size;
  }

  /** Puts `id` in the queue for `at` (ms since the epoch), in place of its earlier time. */
  schedule(id: string, at: number): void {
    const turn = ++this.#turn;
    this.#turns.set(id, turn);
    this.#push({ at: Number.isNaN(at) ? Number.POSITIVE_INFINITY : at, turn, id });
  }

  remove(id: string): void {
    this.#turns.delete(id);
  }

  clear(): void {
    this.#heap.length = 0;
    this.#turns.clear();
  }

  /** Up to `limit` ids due at `now`, earliest first, leaving out those `skip` names. */
  due(now: number, limit: number, skip: (id: string) => boolean = () => false): string[] {
    const found: string[] = [];
    const lifted: Entry[] = [];
    while (found.length < limit && this.#heap.length > 0 && this.#heap[0]!.at <= now) {
      const entry = this.#pop();
      if (this.#turns.get(entry.id) !== entry.turn) continue;
      lifted.push(entry);
      if (!skip(entry.id)) found.push(entry.id);
    }
    for (const entry of lifted) this.#push(entry);
    return found;
  }

  #push(entry: Entry): void {
    const heap = this.#heap;
    heap.push(entry);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(heap[at]!, heap[parent]!)) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  #pop(): Entry {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let first = at;
        if (left < heap.length && before(heap[left]!, heap[first]!)) first = left;
        if (right < heap.length && before(heap[right]!, heap[first]!)) first = right;
        if (first === at) break;
        [heap[at], heap[first]] = [heap[first]!, heap[at]!];
        at = first;
      }
    }
    return top;
  }
}

const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.turn < b.turn);
