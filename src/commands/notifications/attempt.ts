import {
  ATTEMPTS_PER_EVENT,
  backoffMs,
  type Delivery,
  type DeliveryOutcome,
  type WebhookDeliveriesAttempted,
  type WebhookDeliveryAttempted,
} from "../../domain/index.js";
import { newEventId } from "../../store/eventIds.js";
import type { NewEvent } from "../../store/types.js";
import { inRuns } from "./batchAppender.js";
import { notificationPayload } from "./cloudEvent.js";
import type { SendResult, SendSigned } from "./send.js";

export interface DeliverySettings {
  /** URL prefixes deliveries may go to (WEBHOOK_ALLOWED_URLS). */
  allowedUrls: readonly string[];
  retryBaseMs: number;
  retryMaxMs: number;
  /** After this many failed attempts a delivery is dead-lettered. */
  maxAttempts: number;
  timeoutMs: number;
}

/** The subscription a delivery goes to, as the worker needs it; `allowed`: its URL is on the list. */
export type Destination = { url: string; active: boolean; allowed: boolean; secret: string };

/**
 * Makes one attempt and says what to record. A subscription that was deleted, or whose URL has
 * left the allow-list, is never called: its delivery is dead-lettered at once, and an admin
 * can replay it once the URL is allowed again.
 */
export async function attemptDelivery(
  delivery: Delivery,
  destination: Destination | undefined,
  settings: DeliverySettings,
  now: () => string,
  send: SendSigned,
): Promise<WebhookDeliveryAttempted["data"]> {
  const callable = destination?.active === true && destination.allowed;
  const result: SendResult = callable
    ? await send({
        url: destination.url,
        messageId: delivery.deliveryId,
        secret: destination.secret,
        ...notificationPayload(delivery),
      })
    : { ok: false, status: null };
  const attempt = delivery.attempts + 1;
  const outcome: DeliveryOutcome = result.ok
    ? "delivered"
    : !callable || attempt >= settings.maxAttempts
      ? "dead-letter"
      : "failed";
  const attemptedAt = now();
  const wait = backoffMs(attempt, settings.retryBaseMs, settings.retryMaxMs, Math.random());
  return {
    deliveryId: delivery.deliveryId,
    subscriptionId: delivery.subscriptionId,
    attempt,
    outcome,
    status: result.status,
    nextAttemptAt:
      outcome === "failed" ? new Date(Date.parse(attemptedAt) + wait).toISOString() : null,
    attemptedAt,
  };
}

/** The events that put a batch of attempts on record: one per ATTEMPTS_PER_EVENT attempts. */
export function attemptEvents(attempts: readonly WebhookDeliveryAttempted["data"][]): NewEvent[] {
  return inRuns(attempts, ATTEMPTS_PER_EVENT).map((run) => {
    const data: WebhookDeliveriesAttempted["data"] = { attempts: run };
    return { eventId: newEventId(), type: "WebhookDeliveriesAttempted", data };
  });
}
