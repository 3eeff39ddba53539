import { createHash } from "node:crypto";
import type { Caller } from "./claims.js";

/**
 * Tokens already verified, so a client's next request skips the signature check (about
 * 0.65 ms of ES256 per request). An entry lives until the token's `exp` and at most
 * `maxAgeMs`: a key withdrawn from the JWKS stops admitting its tokens within that window.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The caller of a token verified before and still valid at `now`, else undefined. */
  get(token: string, now = Date.now()): Caller | undefined {
    const key = digest(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.caller;
  }

  /** Remembers a verified token until its expiry (seconds since the epoch) or maxAgeMs. */
  remember(token: string, caller: Caller, expiresAt: number, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(digest(token), {
      caller,
      until: Math.min(expiresAt * 1000, now + this.maxAgeMs),
    });
  }
}

const digest = (token: string) => createHash("sha256").update(token).digest("base64url");
