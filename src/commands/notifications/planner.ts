import {
  type NotificationType,
  WEBHOOK_OUTBOX_STREAM,
  type WebhookDeliveryQueued,
} from "../../domain/index.js";
import { type Notice, type NoticeLookup, noticeOf } from "../../privacy/policy/notifications.js";
import { DuplicateEventIdError } from "../../store/errors.js";
import type { EventStore } from "../../store/eventStore.js";
import { type NewEvent, type RecordedEvent, START } from "../../store/types.js";
import { deliveryIdOf } from "./ids.js";

/** The subscriptions a notice goes to: the organisation's, wanting the type, made before the event. */
export type RecipientsOf = (
  organisationId: string,
  type: NotificationType,
  position: bigint,
) => readonly { subscriptionId: string }[];

export interface PlannerDeps {
  store: EventStore;
  lookup: NoticeLookup;
  recipientsOf: RecipientsOf;
  now: () => string;
}

/** Events about notifications are never notified themselves. */
const notifies = (event: RecordedEvent) => !event.streamId.startsWith("webhook-");

/** How far the outbox has planned: the source position of its last queued delivery. */
export async function plannedThrough(store: EventStore): Promise<bigint> {
  const [last] = await store.readStream(WEBHOOK_OUTBOX_STREAM, {
    direction: "backwards",
    limit: 1,
  });
  const position = last?.data.sourcePosition;
  return typeof position === "string" ? BigInt(position) : START;
}

/** The notices a page of stored events gives, each with its event. */
export function noticesIn(
  page: readonly RecordedEvent[],
  lookup: NoticeLookup,
): { notice: Notice; event: RecordedEvent }[] {
  return page.filter(notifies).flatMap((event) => {
    const notice = noticeOf(event, lookup);
    return notice ? [{ notice, event }] : [];
  });
}

function queued(deps: PlannerDeps, notice: Notice, event: RecordedEvent): NewEvent[] {
  return notice.organisations.flatMap((organisationId) =>
    deps.recipientsOf(organisationId, notice.type, event.position).map(({ subscriptionId }) => {
      const deliveryId = deliveryIdOf(event.eventId, subscriptionId);
      const data: WebhookDeliveryQueued["data"] = {
        deliveryId,
        subscriptionId,
        organisationId,
        notificationType: notice.type,
        sourceEventId: event.eventId,
        sourcePosition: event.position.toString(),
        occurredAt: event.recordedAt,
        caseId: notice.caseId,
        itemId: notice.itemId,
        queuedAt: deps.now(),
      };
      return { eventId: deliveryId, type: "WebhookDeliveryQueued", data };
    }),
  );
}

/**
 * Queues the deliveries of a page in one append, in the order of their events, so the outbox's
 * last event says how far planning got. Another process that planned the same events first
 * makes the store refuse the batch; then each event's deliveries are tried on their own.
 */
export async function queueDeliveries(
  deps: PlannerDeps,
  notices: readonly { notice: Notice; event: RecordedEvent }[],
): Promise<number> {
  const perEvent = notices.map(({ notice, event }) => queued(deps, notice, event));
  const all = perEvent.flat();
  if (all.length === 0) return 0;
  try {
    await deps.store.append(WEBHOOK_OUTBOX_STREAM, all);
    return all.length;
  } catch (error) {
    if (!(error instanceof DuplicateEventIdError)) throw error;
  }
  let count = 0;
  for (const events of perEvent.filter((list) => list.length > 0)) {
    try {
      await deps.store.append(WEBHOOK_OUTBOX_STREAM, events);
      count += events.length;
    } catch (error) {
      if (!(error instanceof DuplicateEventIdError)) throw error;
    }
  }
  return count;
}
