import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  changesIn,
  type Delivery,
  type WebhookDeliveryChange,
  type WebhookDeliveryEvent,
} from "../../../src/domain/index.js";
import { createWebhooks, type WebhooksModel } from "../../../src/projections/webhooks/webhooks.js";
import type { RecordedEvent } from "../../../src/store/types.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";

// The outbox ledger: batch events fold exactly as their deliveries' single events would, and
// what is due comes earliest first, whatever the ids are named.

const LAST_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");
const ids = fc.constantFrom(...BUILTIN_NAMES.slice(0, 6), "d-1", "");
const subscriptions = fc.constantFrom("__proto__", "constructor", "s-1");
const instant = fc
  .oneof(
    fc.constantFrom(0, 1, LAST_INSTANT),
    fc.integer({ min: 0, max: LAST_INSTANT }),
    fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_100 }),
  )
  .map((ms) => new Date(ms).toISOString());

const queued = fc.record({ deliveryId: ids, subscriptionId: subscriptions, queuedAt: instant }).map(
  ({ deliveryId, subscriptionId, queuedAt }): WebhookDeliveryEvent => ({
    type: "WebhookDeliveryQueued",
    data: {
      deliveryId,
      subscriptionId,
      organisationId: "org",
      notificationType: "agreement.made",
      sourceEventId: `event-${deliveryId}`,
      sourcePosition: "1",
      occurredAt: queuedAt,
      caseId: null,
      itemId: "item",
      queuedAt,
    },
  }),
);
const attempt = fc.record({
  deliveryId: ids,
  subscriptionId: subscriptions,
  attempt: fc.integer({ min: 1, max: 12 }),
  outcome: fc.constantFrom("delivered" as const, "failed" as const, "dead-letter" as const),
  status: fc.option(fc.integer({ min: 100, max: 599 })),
  nextAttemptAt: fc.option(instant),
  attemptedAt: instant,
});
const attempted = fc
  .array(attempt, { minLength: 1, maxLength: 5 })
  .map(
    (attempts): WebhookDeliveryEvent =>
      attempts.length === 1
        ? { type: "WebhookDeliveryAttempted", data: attempts[0]! }
        : { type: "WebhookDeliveriesAttempted", data: { attempts } },
  );
const requeued = fc
  .record({
    deliveries: fc.array(fc.record({ deliveryId: ids, subscriptionId: subscriptions }), {
      minLength: 1,
      maxLength: 5,
    }),
    requeuedAt: instant,
  })
  .map((data): WebhookDeliveryEvent => ({ type: "WebhookDeliveriesRequeued", data }));
const history = fc.array(fc.oneof(queued, queued, attempted, requeued), { maxLength: 30 });

function fed(events: readonly (WebhookDeliveryEvent | WebhookDeliveryChange)[]): WebhooksModel {
  const model = createWebhooks();
  for (const [index, event] of events.entries()) model.apply(recorded(event, index));
  return model;
}

function recorded(event: WebhookDeliveryEvent, index: number): RecordedEvent {
  return {
    eventId: `e-${index}`,
    streamId: "webhook-attempts",
    revision: index,
    position: BigInt(index + 1),
    type: event.type,
    schemaVersion: 1,
    recordedAt: "2025-03-10T09:00:00.000Z",
    data: event.data,
    metadata: {},
    prevHash: "",
    hash: "",
  };
}

/** What is due as the ledger must answer: pending, due by `now`, earliest first, then by last change. */
function dueByModel(changes: readonly WebhookDeliveryChange[], now: string): string[] {
  const model = fed(changes);
  const lastChange = new Map<string, number>();
  changes.forEach((change, index) => {
    if (model.delivery(change.data.deliveryId)) lastChange.set(change.data.deliveryId, index);
  });
  return [...lastChange.keys()]
    .map((id) => model.delivery(id)!)
    .filter((d) => d.status === "pending" && Date.parse(d.nextAttemptAt) <= Date.parse(now))
    .sort(
      (a, b) =>
        Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt) ||
        lastChange.get(a.deliveryId)! - lastChange.get(b.deliveryId)!,
    )
    .map((d) => d.deliveryId);
}

const idsOf = (deliveries: Delivery[]) => deliveries.map((d) => d.deliveryId);

describe("the webhook outbox ledger", () => {
  test("Given any history with batch events, when the ledger folds it, then every delivery reads as if each change had been its own event", () => {
    fc.assert(
      fc.property(history, instant, (events, now) => {
        const batched = fed(events);
        const single = fed(events.flatMap(changesIn));
        for (const id of new Set(events.flatMap(changesIn).map((c) => c.data.deliveryId))) {
          expect(batched.delivery(id)).toEqual(single.delivery(id));
        }
        for (const subscriptionId of ["__proto__", "constructor", "s-1"]) {
          expect(batched.deliveriesOf(subscriptionId)).toEqual(single.deliveriesOf(subscriptionId));
        }
        expect(idsOf(batched.due(now, 100))).toEqual(idsOf(single.due(now, 100)));
      }),
      { numRuns: 300 },
    );
  });

  test("Given any history, when the worker asks what is due, then it gets the pending deliveries due by then, earliest first, at most the limit, without those it skips", () => {
    fc.assert(
      fc.property(
        history,
        instant,
        fc.integer({ min: 0, max: 8 }),
        fc.subarray(["d-1", "", "__proto__", "constructor"]),
        (events, now, limit, skipped) => {
          const changes = events.flatMap(changesIn);
          const expected = dueByModel(changes, now).filter((id) => !skipped.includes(id));
          const model = fed(events);
          const skip = (id: string) => skipped.includes(id);
          expect(idsOf(model.due(now, limit, skip))).toEqual(expected.slice(0, limit));
          // Asking changes nothing: the same question gets the same answer.
          expect(idsOf(model.due(now, limit, skip))).toEqual(expected.slice(0, limit));
        },
      ),
      { numRuns: 300 },
    );
  });
});
