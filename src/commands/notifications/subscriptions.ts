import {
  type Delivery,
  REQUEUED_PER_EVENT,
  WEBHOOK_ATTEMPTS_STREAM,
  type WebhookContext,
  type WebhookDeliveriesRequeued,
  type WebhookSubscriptionCommand,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionState,
  webhookSubscriptionDecider,
  webhookSubscriptionStreamId,
} from "../../domain/index.js";
import { newEventId } from "../../store/eventIds.js";
import type { EventStore } from "../../store/eventStore.js";
import type { CommandDeps, Handled, HandleOptions } from "../handleCommand.js";
import { handleCommand } from "../handleCommand.js";
import { inRuns } from "./batchAppender.js";

/** Runs a subscription command on the subscription's own stream, with the allow-list as it stands. */
export function handleWebhookCommand(
  deps: CommandDeps,
  command: WebhookSubscriptionCommand,
  context: WebhookContext,
  options?: HandleOptions,
): Promise<Handled<WebhookSubscriptionEvent, WebhookSubscriptionState>> {
  return handleCommand({
    deps,
    streamId: webhookSubscriptionStreamId(command.subscriptionId),
    decider: webhookSubscriptionDecider,
    loadContext: async () => context,
    command,
    options,
  });
}

/**
 * An admin's replay: the deliveries go back to pending, their attempts counted afresh, in one
 * append (an event per REQUEUED_PER_EVENT deliveries).
 */
export async function requeueDeliveries(
  store: EventStore,
  deliveries: readonly Delivery[],
  requeuedAt: string,
  metadata: { actor: { userId: string; organisationId: string; role: string } },
): Promise<bigint | null> {
  if (deliveries.length === 0) return null;
  const events = inRuns(deliveries, REQUEUED_PER_EVENT).map((run) => {
    const data: WebhookDeliveriesRequeued["data"] = {
      deliveries: run.map(({ deliveryId, subscriptionId }) => ({ deliveryId, subscriptionId })),
      requeuedAt,
    };
    return { eventId: newEventId(), type: "WebhookDeliveriesRequeued", data, metadata };
  });
  const { position } = await store.append(WEBHOOK_ATTEMPTS_STREAM, events);
  return position;
}
