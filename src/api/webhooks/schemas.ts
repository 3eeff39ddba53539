import { z } from "zod";
import { type Delivery, NOTIFICATION_TYPES } from "../../domain/index.js";
import type { WebhookSubscription } from "../../projections/webhooks/webhooks.js";

const id = z.string().min(1).max(200);
const position = z
  .string()
  .max(19)
  .regex(/^\d{1,19}$/, "a store position: decimal digits");

export const subscriptionParams = z.strictObject({ subscriptionId: id });

export const subscribeBody = z.strictObject({
  url: z.string().min(1).max(2_000).describe("Must lie under a prefix of WEBHOOK_ALLOWED_URLS"),
  notificationTypes: z.array(z.enum(NOTIFICATION_TYPES)).min(1).max(NOTIFICATION_TYPES.length),
});

export const deliveriesQuery = z.strictObject({
  status: z.enum(["pending", "delivered", "dead-letter"]).optional(),
});

export const replayBody = z
  .strictObject({
    status: z.literal("dead-letter").optional(),
    fromPosition: position.optional(),
    toPosition: position.optional(),
  })
  .describe(
    "Without positions: every dead-lettered delivery. With fromPosition/toPosition (inclusive, of the events notified): the deliveries in that range, whatever their status.",
  );

const subscriptionFields = {
  subscriptionId: z.string(),
  url: z.string(),
  notificationTypes: z.array(z.enum(NOTIFICATION_TYPES)),
  subscribedAt: z.string(),
};
export const subscriptionView = z
  .strictObject(subscriptionFields)
  .meta({ id: "WebhookSubscription" });
export const subscriptionCreated = z
  .strictObject({
    ...subscriptionFields,
    secret: z.string().describe("whsec_…: shown once, never again; verify signatures with it"),
  })
  .meta({ id: "WebhookSubscriptionCreated" });
export const subscriptionList = z
  .strictObject({ subscriptions: z.array(subscriptionView) })
  .meta({ id: "WebhookSubscriptions" });

const deliveryView = z.strictObject({
  deliveryId: z.string(),
  notificationType: z.enum(NOTIFICATION_TYPES),
  caseId: z.string().nullable(),
  itemId: z.string(),
  position: z.string(),
  status: z.enum(["pending", "delivered", "dead-letter"]),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export const deliveryList = z
  .strictObject({ deliveries: z.array(deliveryView) })
  .meta({ id: "WebhookDeliveries" });
export const replayed = z
  .strictObject({ requeued: z.number().int(), deliveryIds: z.array(z.string()) })
  .meta({ id: "WebhookReplay" });

export const presentSubscription = (s: WebhookSubscription): z.input<typeof subscriptionView> => ({
  subscriptionId: s.subscriptionId,
  url: s.url,
  notificationTypes: [...s.notificationTypes],
  subscribedAt: s.subscribedAt,
});

export const presentDelivery = (d: Delivery): z.input<typeof deliveryView> => ({
  deliveryId: d.deliveryId,
  notificationType: d.notificationType,
  caseId: d.caseId,
  itemId: d.itemId,
  position: d.sourcePosition,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastAttemptAt: d.lastAttemptAt,
  nextAttemptAt: d.status === "pending" ? d.nextAttemptAt : null,
});
