import type { ExpectedRevision } from "./types.js";

/** The stream was not at the revision the writer expected; nothing was written. */
export class WrongExpectedRevisionError extends Error {
  readonly code = "wrong_expected_revision";
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Current revision, or -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = "WrongExpectedRevisionError";
  }
}

/** An event id in the append is already stored (or repeated in the batch); nothing was written. */
export class DuplicateEventIdError extends Error {
  readonly code = "duplicate_event_id";
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored`);
    this.name = "DuplicateEventIdError";
  }
}

/** The store file or database is already owned by another process. */
export class StoreLockedError extends Error {
  readonly code = "store_locked";
  constructor(message: string) {
    super(message);
    this.name = "StoreLockedError";
  }
}
