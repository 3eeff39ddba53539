import type { DomainEvent } from "../decider.js";
import type { NotificationType } from "./notificationTypes.js";

/**
 * The outbox: one delivery per (stored event, subscription), queued by the notification
 * worker, then attempted until delivered or dead-lettered. Ids, kinds and times only.
 */
export type WebhookDeliveryQueued = DomainEvent<
  "WebhookDeliveryQueued",
  {
    deliveryId: string;
    subscriptionId: string;
    organisationId: string;
    notificationType: NotificationType;
    /** The stored event the notification is about, and its global position (decimal). */
    sourceEventId: string;
    sourcePosition: string;
    /** When the stored event was recorded: the CloudEvent's `time`. */
    occurredAt: string;
    caseId: string | null;
    itemId: string;
    queuedAt: string;
  }
>;
export type DeliveryOutcome = "delivered" | "failed" | "dead-letter";
export type WebhookDeliveryAttempted = DomainEvent<
  "WebhookDeliveryAttempted",
  {
    deliveryId: string;
    subscriptionId: string;
    attempt: number;
    outcome: DeliveryOutcome;
    /** The receiver's HTTP status, or null when no answer came (refused, timed out). */
    status: number | null;
    /** When a failed delivery is tried again; null once delivered or dead-lettered. */
    nextAttemptAt: string | null;
    attemptedAt: string;
  }
>;
export type WebhookDeliveryRequeued = DomainEvent<
  "WebhookDeliveryRequeued",
  { deliveryId: string; subscriptionId: string; requeuedAt: string }
>;
/**
 * The attempts of one batch the worker sent, recorded in one event: recording costs one append
 * and one hash-chain link however many deliveries ran. Each attempt reads as its own event would.
 */
export type WebhookDeliveriesAttempted = DomainEvent<
  "WebhookDeliveriesAttempted",
  { attempts: WebhookDeliveryAttempted["data"][] }
>;
/** One replay's deliveries back to pending, in one event (at most REQUEUED_PER_EVENT of them). */
export type WebhookDeliveriesRequeued = DomainEvent<
  "WebhookDeliveriesRequeued",
  { deliveries: { deliveryId: string; subscriptionId: string }[]; requeuedAt: string }
>;
/** What happens to one delivery; the batch events stand for several of these. */
export type WebhookDeliveryChange =
  | WebhookDeliveryQueued
  | WebhookDeliveryAttempted
  | WebhookDeliveryRequeued;
export type WebhookDeliveryEvent =
  | WebhookDeliveryChange
  | WebhookDeliveriesAttempted
  | WebhookDeliveriesRequeued;

/** Bound the batch events' size: more deliveries take several events, appended atomically. */
export const REQUEUED_PER_EVENT = 1_000;
export const ATTEMPTS_PER_EVENT = 500;

/** The changes an outbox event makes, one per delivery, in order. */
export function changesIn(event: WebhookDeliveryEvent): WebhookDeliveryChange[] {
  switch (event.type) {
    case "WebhookDeliveriesAttempted":
      return event.data.attempts.map((data) => ({ type: "WebhookDeliveryAttempted", data }));
    case "WebhookDeliveriesRequeued": {
      const { requeuedAt } = event.data;
      return event.data.deliveries.map(({ deliveryId, subscriptionId }) => ({
        type: "WebhookDeliveryRequeued",
        data: { deliveryId, subscriptionId, requeuedAt },
      }));
    }
    default:
      return [event];
  }
}

/** Queued deliveries; the last event's sourcePosition is how far the worker has planned. */
export const WEBHOOK_OUTBOX_STREAM = "webhook-outbox";
/** Attempts and requeues, apart from the outbox so the planner's checkpoint is its last event. */
export const WEBHOOK_ATTEMPTS_STREAM = "webhook-attempts";

export type DeliveryStatus = "pending" | "delivered" | "dead-letter";

export type Delivery = Omit<WebhookDeliveryQueued["data"], "queuedAt"> & {
  status: DeliveryStatus;
  /** Attempts since it was queued or last requeued. */
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastAttemptAt: string | null;
};

/** Folds one outbox event into a delivery; recorded events are facts, so this never throws. */
export function evolveDelivery(
  delivery: Delivery | undefined,
  event: WebhookDeliveryChange,
): Delivery | undefined {
  switch (event.type) {
    case "WebhookDeliveryQueued": {
      const { queuedAt, ...queued } = event.data;
      return delivery ?? { ...queued, ...fresh(queuedAt), lastStatus: null, lastAttemptAt: null };
    }
    case "WebhookDeliveryAttempted": {
      if (delivery === undefined) return undefined;
      const { attempt, outcome, status, nextAttemptAt, attemptedAt } = event.data;
      return {
        ...delivery,
        status: outcome === "failed" ? "pending" : outcome,
        attempts: attempt,
        nextAttemptAt: nextAttemptAt ?? delivery.nextAttemptAt,
        lastStatus: status,
        lastAttemptAt: attemptedAt,
      };
    }
    case "WebhookDeliveryRequeued":
      return delivery && { ...delivery, ...fresh(event.data.requeuedAt) };
    default:
      return delivery;
  }
}

const fresh = (at: string) => ({ status: "pending" as const, attempts: 0, nextAttemptAt: at });

/**
 * Exponential backoff: the wait after attempt n is base·2^(n-1), at most max, with up to a
 * fifth taken off at random (`jitter` in [0, 1)) so receivers coming back are not stampeded.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, jitter: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(exponential * (1 - jitter / 5));
}
