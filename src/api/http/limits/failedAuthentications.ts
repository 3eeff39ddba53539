import type { Request } from "express";
import { ipKeyGenerator } from "express-rate-limit";

/** The address a budget is kept for: `req.ip` as TRUST_PROXY resolves it; IPv6 by its /56. */
export const clientAddress = (req: Request): string => ipKeyGenerator(req.ip ?? "unknown");

/** A verification the budget let through; settle it once the token is accepted or refused. */
export type Admission =
  | { admitted: true; settle(failed: boolean): void }
  | { admitted: false; retryAfterSeconds: number };

interface Window {
  failures: number;
  /** Verifications admitted and not yet settled: they may all fail. */
  pending: number;
  endsAt: number;
}

/**
 * Failed authentications per client address in a fixed window. An address that has used up
 * its budget gets no more signature checks until the window ends, so forged tokens cost the
 * sender, not us. Verifications in flight count against the budget, so a burst of concurrent
 * forgeries cannot overshoot it. In this process's memory, like the per-user limit.
 */
export class FailedAuthentications {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly budget: number,
    private readonly windowMs = 60_000,
    private readonly maxAddresses = 50_000,
  ) {}

  /** Admits one verification for the address, or says when it may try again. */
  admit(address: string, now = Date.now()): Admission {
    const window = this.windowOf(address, now);
    if (window.failures + window.pending >= this.budget) {
      return {
        admitted: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
      };
    }
    window.pending++;
    let settled = false;
    return {
      admitted: true,
      settle: (failed) => {
        if (settled) return;
        settled = true;
        window.pending--;
        if (failed) window.failures++;
      },
    };
  }

  private windowOf(address: string, now: number): Window {
    let window = this.windows.get(address);
    if (!window) {
      // Full: the address known longest is forgotten and starts afresh, which takes this many addresses.
      if (this.windows.size >= this.maxAddresses) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      window = { failures: 0, pending: 0, endsAt: now + this.windowMs };
      this.windows.set(address, window);
    } else if (window.endsAt <= now) {
      window.failures = 0;
      window.endsAt = now + this.windowMs;
    }
    return window;
  }
}
