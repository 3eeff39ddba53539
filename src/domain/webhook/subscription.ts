import type { Actor } from "../actor.js";
import type { Decider, DomainEvent } from "../decider.js";
import { InvalidCommand, NotFound, NotPermitted } from "../domainError.js";
import { urlAllowed } from "./allowList.js";
import type { NotificationType } from "./notificationTypes.js";

/** An organisation's admin asked for notifications at a URL; the signing secret is never stored. */
export type WebhookSubscribed = DomainEvent<
  "WebhookSubscribed",
  {
    subscriptionId: string;
    organisationId: string;
    url: string;
    notificationTypes: NotificationType[];
    subscribedAt: string;
  }
>;
export type WebhookUnsubscribed = DomainEvent<
  "WebhookUnsubscribed",
  { subscriptionId: string; organisationId: string; unsubscribedAt: string }
>;
export type WebhookSubscriptionEvent = WebhookSubscribed | WebhookUnsubscribed;

export type SubscribeWebhook = {
  type: "SubscribeWebhook";
  actor: Actor;
  subscriptionId: string;
  url: string;
  notificationTypes: NotificationType[];
  now: string;
};
export type UnsubscribeWebhook = {
  type: "UnsubscribeWebhook";
  actor: Actor;
  subscriptionId: string;
  now: string;
};
export type WebhookSubscriptionCommand = SubscribeWebhook | UnsubscribeWebhook;

/** The operator's allow-list, read from configuration when the command runs. */
export type WebhookContext = { allowedUrls: readonly string[] };

export type WebhookSubscriptionState =
  | { status: "none" }
  | { status: "active" | "ended"; organisationId: string };

export const webhookSubscriptionStreamId = (subscriptionId: string) =>
  `webhook-subscription-${subscriptionId}`;

const requireAdmin = (actor: Actor) => {
  if (!actor.roles.includes("admin")) throw new NotPermitted("webhook-admin");
};

function subscribe(
  command: SubscribeWebhook,
  state: WebhookSubscriptionState,
  context: WebhookContext,
): WebhookSubscriptionEvent[] {
  requireAdmin(command.actor);
  if (state.status !== "none") return [];
  if (!urlAllowed(command.url, context.allowedUrls)) {
    throw new InvalidCommand("webhook-url-allowed", null);
  }
  const { subscriptionId, url, notificationTypes, now } = command;
  const organisationId = command.actor.organisationId;
  const types = [...new Set(notificationTypes)];
  return [
    {
      type: "WebhookSubscribed",
      data: { subscriptionId, organisationId, url, notificationTypes: types, subscribedAt: now },
    },
  ];
}

/** Another organisation's subscription answers exactly as an unknown one (rule 1's habit). */
function unsubscribe(
  command: UnsubscribeWebhook,
  state: WebhookSubscriptionState,
): WebhookSubscriptionEvent[] {
  requireAdmin(command.actor);
  const organisationId = command.actor.organisationId;
  if (state.status !== "active" || state.organisationId !== organisationId) {
    throw new NotFound("webhook-subscription-exists", command.subscriptionId);
  }
  const { subscriptionId, now } = command;
  return [
    { type: "WebhookUnsubscribed", data: { subscriptionId, organisationId, unsubscribedAt: now } },
  ];
}

export const webhookSubscriptionDecider: Decider<
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent,
  WebhookSubscriptionState,
  WebhookContext
> = {
  initialState: { status: "none" },
  evolve: (state, event) => {
    switch (event.type) {
      case "WebhookSubscribed":
        return { status: "active", organisationId: event.data.organisationId };
      case "WebhookUnsubscribed":
        return state.status === "none" ? state : { ...state, status: "ended" };
      default:
        return state;
    }
  },
  decide: (command, state, context) => {
    switch (command.type) {
      case "SubscribeWebhook":
        return subscribe(command, state, context);
      case "UnsubscribeWebhook":
        return unsubscribe(command, state);
      default: {
        const never: never = command;
        throw new InvalidCommand("command-type", (never as { type: string }).type);
      }
    }
  },
};
