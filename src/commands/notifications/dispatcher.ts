import type { KeyObject } from "node:crypto";
import type { Logger } from "pino";
import { type Delivery, urlAllowed, WEBHOOK_ATTEMPTS_STREAM } from "../../domain/index.js";
import type { EventStore } from "../../store/eventStore.js";
import { attemptDelivery, attemptEvents, type DeliverySettings } from "./attempt.js";
import { batchAppender } from "./batchAppender.js";
import { signingSecretOf } from "./ids.js";
import { signedSender } from "./send.js";

/** What the dispatcher reads of the outbox (projections/webhooks). */
export interface DueDeliveries {
  subscription(subscriptionId: string): { url: string; active: boolean } | undefined;
  /** Pending deliveries due at `now`, earliest first, without those `skip` names. */
  due(now: string, limit: number, skip: (deliveryId: string) => boolean): Delivery[];
}

export interface DispatchDeps {
  store: EventStore;
  ledger: DueDeliveries;
  /** Resolves once the read models applied `position` (the projector's wait). */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean>;
  signingKey: KeyObject;
  settings: DeliverySettings & { concurrency: number };
  now: () => string;
  logger: Logger;
}

const WAIT_MS = 10_000;

/**
 * Sends what is due, `concurrency` requests at a time, until `stopped`; `bell` resolves on news
 * (an append, the poll, stop). A delivery is done once its attempt is on record and the ledger
 * shows it: until then the ledger still has it due, so it is skipped. The attempts of a moment
 * share one event, and a send does not wait for its record to free its slot.
 */
export async function dispatchDue(
  deps: DispatchDeps,
  stopped: () => boolean,
  bell: () => Promise<void>,
): Promise<void> {
  const { settings } = deps;
  const sender = signedSender({ timeoutMs: settings.timeoutMs, maxSockets: settings.concurrency });
  const record = batchAppender(deps.store, WEBHOOK_ATTEMPTS_STREAM, attemptEvents, (position) =>
    deps.waitForPosition(position, WAIT_MS),
  );
  const secretOf = memoised((id: string) => signingSecretOf(deps.signingKey, id));
  const allowed = memoised((url: string) => urlAllowed(url, settings.allowedUrls));
  const unsettled = new Set<string>();
  const recording = new Set<Promise<void>>();
  let sending = 0;
  let slotFreed: () => void = () => {};

  const start = (delivery: Delivery) => {
    const subscription = deps.ledger.subscription(delivery.subscriptionId);
    const destination = subscription && {
      ...subscription,
      allowed: allowed(subscription.url),
      secret: secretOf(delivery.subscriptionId),
    };
    unsettled.add(delivery.deliveryId);
    sending += 1;
    const sent = attemptDelivery(delivery, destination, settings, deps.now, sender.send).finally(
      () => {
        sending -= 1;
        slotFreed();
      },
    );
    const recorded = sent
      .then(record)
      .then(
        () => {},
        (error) => deps.logger.error({ err: error }, "webhook attempt not recorded"),
      )
      .finally(() => {
        unsettled.delete(delivery.deliveryId);
        recording.delete(recorded);
      });
    recording.add(recorded);
  };

  // Taken from the ledger a few rounds of slots at a time, so asking costs little per delivery.
  let queue: Delivery[] = [];
  const next = (): Delivery | undefined => {
    if (queue.length === 0)
      queue = deps.ledger.due(deps.now(), settings.concurrency * 4, (id) => unsettled.has(id));
    return queue.shift();
  };
  try {
    while (!stopped()) {
      while (sending < settings.concurrency) {
        const delivery = next();
        if (delivery === undefined) break;
        start(delivery);
      }
      if (sending < settings.concurrency) await bell();
      else await new Promise<void>((resolve) => (slotFreed = resolve));
    }
  } finally {
    await Promise.all(recording);
    sender.close();
  }
}

/** The allow-list and the signing key stay as they are while the worker runs. */
function memoised<T>(derive: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = derive(key);
      known.set(key, value);
    }
    return value;
  };
}
