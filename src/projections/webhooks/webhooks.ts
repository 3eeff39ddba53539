import {
  changesIn,
  type Delivery,
  type DeliveryStatus,
  evolveDelivery,
  type NotificationType,
  type WebhookDeliveryChange,
  type WebhookDeliveryEvent,
  type WebhookSubscribed,
} from "../../domain/index.js";
import type { DecodedEvent, ReadModel } from "../readModel.js";
import { DueQueue } from "./dueQueue.js";

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
  /**
   * Pending deliveries due at `now` (ISO-8601), earliest due first, at most `limit`, leaving
   * out those `skip` names (the worker's deliveries in flight).
   */
  due(now: string, limit: number, skip?: (deliveryId: string) => boolean): Delivery[];
}

const DELIVERY_EVENTS = new Set([
  "WebhookDeliveryQueued",
  "WebhookDeliveryAttempted",
  "WebhookDeliveryRequeued",
  "WebhookDeliveriesAttempted",
  "WebhookDeliveriesRequeued",
]);

export function createWebhooks(): WebhooksModel {
  const subscriptions = new Map<string, WebhookSubscription>();
  const deliveries = new Map<string, Delivery>();
  const bySubscription = new Map<string, string[]>();
  const pending = new DueQueue();

  function applyChange(change: WebhookDeliveryChange): void {
    const { deliveryId, subscriptionId } = change.data;
    const before = deliveries.get(deliveryId);
    const after = evolveDelivery(before, change);
    if (after === undefined) return;
    if (before === undefined) {
      const ids = bySubscription.get(subscriptionId);
      if (ids) ids.push(deliveryId);
      else bySubscription.set(subscriptionId, [deliveryId]);
    }
    deliveries.set(deliveryId, after);
    if (after.status === "pending") pending.schedule(deliveryId, Date.parse(after.nextAttemptAt));
    else pending.remove(deliveryId);
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
        for (const change of changesIn(event as unknown as WebhookDeliveryEvent))
          applyChange(change);
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
    due: (now, limit, skip) =>
      pending.due(Date.parse(now), limit, skip).map((id) => deliveries.get(id)!),
  };
}
