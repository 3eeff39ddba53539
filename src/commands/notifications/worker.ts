import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import type { Notice, NoticeLookup } from "../../privacy/policy/notifications.js";
import { isReadRecordStream } from "../../store/eventStore.js";
import type { RecordedEvent } from "../../store/types.js";
import { type DispatchDeps, type DueDeliveries, dispatchDue } from "./dispatcher.js";
import { noticesIn, plannedThrough, queueDeliveries, type RecipientsOf } from "./planner.js";

/** The outbox as the projector keeps it (projections/webhooks). */
export interface DeliveryLedger extends DueDeliveries {
  recipientsOf: RecipientsOf;
}

export interface NotificationDeps extends DispatchDeps {
  ledger: DeliveryLedger;
  lookup: NoticeLookup;
  settings: DispatchDeps["settings"] & { pollMs: number };
  /** Every notice as it is planned, with its event: the live feed of GET /v1/worklist/events. */
  onNotice?: (notice: Notice, event: RecordedEvent) => void;
}

export interface NotificationWorker {
  /** Stops planning and sending; resolves once no attempt is running. */
  stop(): Promise<void>;
}

const PAGE = 500;
const WAIT_MS = 10_000;

/**
 * The outbox's worker, a process manager in the service process: it plans deliveries from the
 * store's global log from where the outbox left off, and sends what is due, recording every
 * attempt. At least once: a crash after a send and before its record sends it again.
 */
export async function startNotificationWorker(deps: NotificationDeps): Promise<NotificationWorker> {
  let stopped = false;
  // Both loops wait on the bell; a new event or stop rings every waiter, the poll any one.
  const waiting = new Set<() => void>();
  const ring = () => {
    for (const wake of waiting) wake();
    waiting.clear();
  };
  const bell = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, deps.settings.pollMs);
      timer.unref();
      waiting.add(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  // A read record gives no notice and queues no delivery (test/api/notifications/readRecords),
  // so it rings nobody: under a load of reads the planner would otherwise ask the store for an
  // empty page after every commit.
  const doorbell = deps.store.subscribe(
    (event) => {
      if (!isReadRecordStream(event.streamId)) ring();
    },
    {
      fromPosition: await deps.store.headPosition(),
    },
  );
  const planning = keepRunning(
    deps,
    () => stopped,
    () => plan(deps, () => stopped, bell),
  );
  const sending = keepRunning(
    deps,
    () => stopped,
    () => dispatchDue(deps, () => stopped, bell),
  );
  return {
    async stop() {
      stopped = true;
      ring();
      await doorbell.stop();
      await Promise.all([planning, sending]);
    },
  };
}

/** A store error pauses the loop and it starts again; the service stays up. */
async function keepRunning(
  deps: NotificationDeps,
  stopped: () => boolean,
  loop: () => Promise<void>,
) {
  while (!stopped()) {
    try {
      await loop();
    } catch (error) {
      deps.logger.error({ err: error }, "notification worker failed; retrying");
      await sleep(1_000);
    }
  }
}

async function plan(deps: NotificationDeps, stopped: () => boolean, bell: () => Promise<void>) {
  let seen = await plannedThrough(deps.store);
  while (!stopped()) {
    // No read record gives a notice: they are paged past, most of a deployed store.
    const page = await deps.store.readAllExceptReadRecords({ fromPosition: seen, limit: PAGE });
    const last = page.at(-1);
    if (last === undefined) {
      await bell();
      continue;
    }
    // The policy answers from the read models: they must hold the page before it is asked.
    if (!(await deps.waitForPosition(last.position, WAIT_MS))) continue;
    const notices = noticesIn(page, deps.lookup);
    await queueDeliveries({ ...deps, recipientsOf: deps.ledger.recipientsOf }, notices);
    for (const { notice, event } of notices) deps.onNotice?.(notice, event);
    seen = last.position;
    // A backlog (a first start on years of case work) is planned beside the requests.
    await nextTurn();
  }
}
