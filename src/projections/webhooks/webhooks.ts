import { compareInstants } from "../../domain/dates.js";
import {
  type Delivery,
  type DeliveryStatus,
  evolveDelivery,
  type NotificationType,
  type WebhookDeliveryEvent,
  type WebhookSubscribed,
} from "../../domain/index.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";

/** A subscription as its organisation's admin lists it; the secret is never part of it. */
export type WebhookSubscription = WebhookSubscribed["data"] & {
  active: boolean;
  /** Where it was recorded: only events stored after it are notified to it. */
  position: bigint;
};

/** "Which subscriptions does an organisation have, and how did their deliveries go?" */
export interface WebhooksModel extends ReadModel {
  readonly name: "webhooks";
  /** The organisation's active subscriptions, oldest first. */
  subscriptionsOf(organisationId: string): WebhookSubscription[];
  /** A subscription by id, active or ended. */
  subscription(subscriptionId: string): WebhookSubscription | undefined;
  /** Active subscriptions of the organisation that want `type` and were made before `position`. */
  recipientsOf(
    organisationId: string,
    type: NotificationType,
    position: bigint,
  ): WebhookSubscription[];
  /** A subscription's deliveries in the order of the events they are about. */
  deliveriesOf(subscriptionId: string, status?: DeliveryStatus): Delivery[];
  delivery(deliveryId: string): Delivery | undefined;
  /** Pending deliveries due at `now` (ISO-8601), longest waiting first, at most `limit`. */
  due(now: string, limit: number): Delivery[];
}

const DELIVERY_EVENTS = new Set([
  "WebhookDeliveryQueued",
  "WebhookDeliveryAttempted",
  "WebhookDeliveryRequeued",
]);

export function createWebhooks(): WebhooksModel {
  const subscriptions = new Map<string, WebhookSubscription>();
  const deliveries = new Map<string, Delivery>();
  const bySubscription = new Map<string, string[]>();
  const pending = new Map<string, Delivery>();

  function applyDelivery(event: WebhookDeliveryEvent): void {
    const { deliveryId, subscriptionId } = event.data;
    const before = deliveries.get(deliveryId);
    const after = evolveDelivery(before, event);
    if (after === undefined) return;
    if (before === undefined) {
      bySubscription.set(subscriptionId, [
        ...(bySubscription.get(subscriptionId) ?? []),
        deliveryId,
      ]);
    }
    deliveries.set(deliveryId, after);
    // Re-inserted on every change, so the map runs from the longest-waiting delivery.
    pending.delete(deliveryId);
    if (after.status === "pending") pending.set(deliveryId, after);
  }

  return {
    name: "webhooks",
    apply(event: DecodedEvent) {
      if (event.type === "WebhookSubscribed") {
        const data = event.data as WebhookSubscribed["data"];
        subscriptions.set(data.subscriptionId, { ...data, active: true, position: event.position });
      } else if (event.type === "WebhookUnsubscribed") {
        const id = String(event.data.subscriptionId);
        const current = subscriptions.get(id);
        if (current) subscriptions.set(id, { ...current, active: false });
      } else if (DELIVERY_EVENTS.has(event.type)) {
        applyDelivery(event as unknown as WebhookDeliveryEvent);
      }
    },
    reset() {
      subscriptions.clear();
      deliveries.clear();
      bySubscription.clear();
      pending.clear();
    },
    subscriptionsOf: (organisationId) =>
      [...subscriptions.values()].filter((s) => s.active && s.organisationId === organisationId),
    subscription: (subscriptionId) => subscriptions.get(subscriptionId),
    recipientsOf: (organisationId, type, position) =>
      [...subscriptions.values()].filter(
        (s) =>
          s.active &&
          s.organisationId === organisationId &&
          s.position < position &&
          s.notificationTypes.includes(type),
      ),
    deliveriesOf: (subscriptionId, status) =>
      (bySubscription.get(subscriptionId) ?? [])
        .map((id) => deliveries.get(id)!)
        .filter((delivery) => status === undefined || delivery.status === status),
    delivery: (deliveryId) => deliveries.get(deliveryId),
    due(now, limit) {
      const found: Delivery[] = [];
      for (const delivery of pending.values()) {
        if (found.length >= limit) break;
        if (compareInstants(delivery.nextAttemptAt, now) <= 0) found.push(delivery);
      }
      return found;
    },
  };
}
