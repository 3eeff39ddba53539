import { hash } from "node:crypto";
import type { Actor } from "../../../domain/index.js";

interface Entry {
  caller: Actor;
  /** Until then (ms) the caller is answered without a signature check. */
  cachedUntil: number;
  /** The token's own expiry (ms): until then it is known to be genuine. */
  expiresAt: number;
}

/**
 * Tokens already verified, so a client's next request skips the signature check (about
 * 0.65 ms of ES256 per request). A caller is answered from here until the token's `exp` and at
 * most `maxAgeMs`: a key withdrawn from the JWKS stops admitting its tokens within that window.
 * Until its `exp` a token is also vouched for: it was genuine once, so the per-address budget
 * of failed authentications need not hold it back (its signature is still checked again).
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The caller of a token verified before and still valid at `now`, else undefined. */
  get(token: string, now = Date.now()): Actor | undefined {
    const entry = this.current(digest(token), now);
    return entry && entry.cachedUntil > now ? entry.caller : undefined;
  }

  /** True while a token verified before has not expired, even if it must be checked again. */
  vouchesFor(token: string, now = Date.now()): boolean {
    return this.current(digest(token), now) !== undefined;
  }

  /** Remembers a verified token until its expiry (seconds since the epoch) or maxAgeMs. */
  remember(token: string, caller: Actor, expiresAt: number, now = Date.now()): void {
    const key = digest(token);
    // Deleted first so a token verified again moves to the young end of the eviction order.
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, {
      caller,
      cachedUntil: Math.min(expiresAt * 1000, now + this.maxAgeMs),
      expiresAt: expiresAt * 1000,
    });
  }

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

const digest = (token: string) => hash("sha256", token, "base64url");
