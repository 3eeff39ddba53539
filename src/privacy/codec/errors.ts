/** An event's sealed personal fields failed authentication: altered, moved, or under another key. */
export class FieldAuthenticationError extends Error {
  readonly code = "field_authentication_failed";
  constructor(
    readonly streamId: string,
    readonly eventType: string,
    /** The paths of the sealed fields (names, never values). */
    readonly fields: readonly string[],
  ) {
    super(`personal fields of a ${eventType} event in ${streamId} failed authentication`);
    this.name = "FieldAuthenticationError";
  }
}

/** An event with personal fields names no subject, so there is no key to encrypt them with. */
export class MissingSubjectError extends Error {
  readonly code = "missing_subject";
  constructor(readonly eventType: string) {
    super(`a ${eventType} event carries personal fields but no subject id`);
    this.name = "MissingSubjectError";
  }
}

/** decodeWith was given a key ring without the event's subject: load the ring with keysFor. */
export class KeyNotLoadedError extends Error {
  readonly code = "key_not_loaded";
  constructor(readonly eventType: string) {
    super(`the key ring lacks the subject of a ${eventType} event`);
    this.name = "KeyNotLoadedError";
  }
}
