/** The subject's data key was erased: personal data about it can no longer be written. */
export class SubjectErasedError extends Error {
  readonly code = "subject_erased";
  constructor() {
    super("the subject has been erased: its data key is gone and no new personal data is accepted");
    this.name = "SubjectErasedError";
  }
}

/** A stored data key failed authentication under the master key: wrong master key or altered record. */
export class KeyUnwrapError extends Error {
  readonly code = "key_unwrap_failed";
  constructor() {
    super(
      "a data key could not be unwrapped: the master key is wrong or the key record was altered",
    );
    this.name = "KeyUnwrapError";
  }
}

/** The key rows are erased, but the database's files may still hold the keys; the next flush tries again. */
export class KeyWipeIncompleteError extends Error {
  readonly code = "key_wipe_incomplete";
  constructor(detail: string) {
    super(
      `erased keys may still be on disk: ${detail}; the next erasure or retention run flushes again`,
    );
    this.name = "KeyWipeIncompleteError";
  }
}

/** Production needs a configured master key; it never invents one. */
export class MasterKeyMissingError extends Error {
  readonly code = "master_key_missing";
  constructor(variable: string, fileVariable: string) {
    super(
      `no master key configured: set ${variable} (base64, 32 bytes) or ${fileVariable} (a file path)`,
    );
    this.name = "MasterKeyMissingError";
  }
}

/** The configured master key is not 32 bytes of base64 (or raw) key material. */
export class MasterKeyInvalidError extends Error {
  readonly code = "master_key_invalid";
  constructor(source: string) {
    super(`the master key from ${source} is not 32 bytes (base64-encoded or raw)`);
    this.name = "MasterKeyInvalidError";
  }
}
