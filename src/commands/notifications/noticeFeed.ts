import type { Notice } from "../../privacy/policy/notifications.js";

/** A notice as a connected organisation receives it: ids and kinds, and where it stands in the log. */
export interface LiveNotice {
  position: bigint;
  type: Notice["type"];
  caseId: string | null;
  itemId: string;
}

type Listener = (notice: LiveNotice) => void;

/** Live notices, per organisation, for the clients of GET /v1/worklist/events in this process. */
export class NoticeFeed {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #ends = new Set<() => void>();

  /**
   * Calls `listener` with every notice for the organisation from now on, and `end` when the
   * feed closes (the service shuts down); returns the unsubscribe.
   */
  subscribe(organisationId: string, listener: Listener, end: () => void): () => void {
    const listeners = this.#listeners.get(organisationId) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(organisationId, listeners);
    this.#ends.add(end);
    return () => {
      this.#ends.delete(end);
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(organisationId);
    };
  }

  /** Ends every open stream, so a shutdown need not wait for clients to hang up. */
  close(): void {
    for (const end of [...this.#ends]) end();
  }

  publish(notice: Notice, position: bigint): void {
    const live: LiveNotice = {
      position,
      type: notice.type,
      caseId: notice.caseId,
      itemId: notice.itemId,
    };
    for (const organisationId of notice.organisations) {
      for (const listener of this.#listeners.get(organisationId) ?? []) listener(live);
    }
  }
}
