import { signingSecretOf } from "../../commands/notifications/ids.js";
import {
  handleWebhookCommand,
  requeueDeliveries,
} from "../../commands/notifications/subscriptions.js";
import { type Delivery, NotFound } from "../../domain/index.js";
import type { WebhookSubscription } from "../../projections/webhooks/webhooks.js";
import { commandWriteProblems } from "../http/problems.js";
import { defineRoute, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";
import {
  deliveriesQuery,
  deliveryList,
  presentDelivery,
  presentSubscription,
  replayBody,
  replayed,
  subscribeBody,
  subscriptionCreated,
  subscriptionList,
  subscriptionParams,
} from "./schemas.js";

const tags = ["webhooks"] as const;
const actorOf = (caller: { userId: string; organisationId: string; roles: readonly string[] }) => ({
  actor: {
    userId: caller.userId,
    organisationId: caller.organisationId,
    role: caller.roles.join(","),
  },
});

/** The caller's organisation's subscription; any other answers as an unknown id. */
function ownSubscription(deps: ResourceDeps, organisationId: string, subscriptionId: string) {
  const subscription = deps.readModels.webhooks.subscription(subscriptionId);
  if (!subscription?.active || subscription.organisationId !== organisationId) {
    throw new NotFound("webhook-subscription-exists", subscriptionId);
  }
  return subscription;
}

/** A replay's deliveries: the dead letters, or every delivery about events in a position range. */
function chosen(
  deps: ResourceDeps,
  subscription: WebhookSubscription,
  range: { fromPosition?: string; toPosition?: string },
): Delivery[] {
  const { webhooks } = deps.readModels;
  if (range.fromPosition === undefined && range.toPosition === undefined) {
    return webhooks.deliveriesOf(subscription.subscriptionId, "dead-letter");
  }
  const from = BigInt(range.fromPosition ?? "0");
  const to = range.toPosition === undefined ? undefined : BigInt(range.toPosition);
  return webhooks.deliveriesOf(subscription.subscriptionId).filter((delivery) => {
    const at = BigInt(delivery.sourcePosition);
    return at >= from && (to === undefined || at <= to) && delivery.status !== "pending";
  });
}

/** Webhook subscriptions of the caller's organisation, kept by its admins. */
export function webhookRoutes(deps: ResourceDeps): Route[] {
  const { notifications } = deps;
  const subscribe = defineRoute({
    method: "post",
    path: "/v1/webhooks",
    summary: "Subscribe a URL to the organisation's notifications (admin)",
    description:
      "Notifications are CloudEvents 1.0 carrying ids only, signed per Standard Webhooks with the secret in the answer, which is shown only here.",
    tags,
    roles: ["admin"],
    body: subscribeBody,
    responses: { 201: subscriptionCreated },
    problems: commandWriteProblems,
  }).handle(async ({ body, caller, newId, idempotency, requestId }) => {
    const subscriptionId = newId("subscriptionId");
    const written = await handleWebhookCommand(
      deps.commands,
      { type: "SubscribeWebhook", actor: caller, subscriptionId, ...body, now: deps.now() },
      { allowedUrls: notifications.allowedUrls },
      { idempotency, correlationId: requestId },
    );
    const subscribed = written.events.find((event) => event.type === "WebhookSubscribed");
    const data = subscribed?.type === "WebhookSubscribed" ? subscribed.data : undefined;
    return {
      status: 201,
      body: {
        subscriptionId,
        url: data?.url ?? body.url,
        notificationTypes: data?.notificationTypes ?? body.notificationTypes,
        subscribedAt: data?.subscribedAt ?? deps.now(),
        secret: signingSecretOf(notifications.signingKey, subscriptionId),
      },
      position: written.position ?? undefined,
      location: `/v1/webhooks/${subscriptionId}`,
    };
  });

  const list = defineRoute({
    method: "get",
    path: "/v1/webhooks",
    summary: "The organisation's webhook subscriptions (admin)",
    tags,
    roles: ["admin"],
    responses: { 200: subscriptionList },
    problems: ["not_yet_consistent"],
  }).handle(async ({ caller }) => {
    const subscriptions = deps.readModels.webhooks.subscriptionsOf(caller.organisationId);
    return { status: 200, body: { subscriptions: subscriptions.map(presentSubscription) } };
  });

  const unsubscribe = defineRoute({
    method: "delete",
    path: "/v1/webhooks/{subscriptionId}",
    summary: "Delete a webhook subscription (admin)",
    tags,
    roles: ["admin"],
    params: subscriptionParams,
    responses: { 204: null },
    problems: commandWriteProblems,
  }).handle(async ({ params, caller, requestId }) => {
    const written = await handleWebhookCommand(
      deps.commands,
      {
        type: "UnsubscribeWebhook",
        actor: caller,
        subscriptionId: params.subscriptionId,
        now: deps.now(),
      },
      { allowedUrls: notifications.allowedUrls },
      { correlationId: requestId },
    );
    return { status: 204, body: undefined, position: written.position ?? undefined };
  });

  const deliveries = defineRoute({
    method: "get",
    path: "/v1/webhooks/{subscriptionId}/deliveries",
    summary: "A subscription's deliveries, e.g. the dead letters (admin)",
    tags,
    roles: ["admin"],
    params: subscriptionParams,
    query: deliveriesQuery,
    responses: { 200: deliveryList },
    problems: ["not_found", "not_yet_consistent"],
  }).handle(async ({ params, query, caller }) => {
    ownSubscription(deps, caller.organisationId, params.subscriptionId);
    const found = deps.readModels.webhooks.deliveriesOf(params.subscriptionId, query.status);
    return { status: 200, body: { deliveries: found.map(presentDelivery) } };
  });

  const replay = defineRoute({
    method: "post",
    path: "/v1/webhooks/{subscriptionId}/replays",
    summary: "Send dead-lettered (or a chosen range of) deliveries again (admin)",
    tags,
    roles: ["admin"],
    params: subscriptionParams,
    body: replayBody,
    responses: { 202: replayed },
    problems: ["not_found", "payload_too_large", "unsupported_media_type"],
    idempotent: false,
  }).handle(async ({ params, body, caller }) => {
    const subscription = ownSubscription(deps, caller.organisationId, params.subscriptionId);
    const again = chosen(deps, subscription, body);
    const position = await requeueDeliveries(deps.store, again, deps.now(), actorOf(caller));
    return {
      status: 202,
      body: { requeued: again.length, deliveryIds: again.map((d) => d.deliveryId) },
      position: position ?? undefined,
    };
  });

  return [subscribe, list, unsubscribe, deliveries, replay];
}
