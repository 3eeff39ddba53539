import { createHmac, hash, type KeyObject } from "node:crypto";

/**
 * A delivery's id, derived from the stored event and the subscription: the same notification
 * planned twice (a restart, a second process) gets the same id, so the store refuses the
 * duplicate and the receiver can deduplicate on the CloudEvent id. UUID-shaped (version 8).
 */
export function deliveryIdOf(sourceEventId: string, subscriptionId: string): string {
  const hex = hash("sha256", `webhook delivery\0${sourceEventId}\0${subscriptionId}`, "hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A subscription's signing secret (Standard Webhooks `whsec_` + base64 of 32 bytes), derived
 * from a key of the master key and the subscription id: shown once at creation, never stored.
 */
export function signingSecretOf(signingKey: KeyObject, subscriptionId: string): string {
  const secret = createHmac("sha256", signingKey).update(subscriptionId).digest("base64");
  return `whsec_${secret}`;
}
