import { afterEach, beforeEach, describe } from "vitest";
import type { EventStore } from "../../src/store/eventStore.js";
import { concurrencyContract } from "./contract/concurrency.js";
import { expectedRevisionContract } from "./contract/expectedRevision.js";
import { hashChainContract } from "./contract/hashChain.js";
import { pagingContract } from "./contract/paging.js";
import { readEventContract } from "./contract/readEvent.js";
import { readRecordFeedContract } from "./contract/readRecordFeed.js";
import { roundTripContract } from "./contract/roundTrip.js";
import { subscriptionContract } from "./contract/subscription.js";
import type { StoreHarness } from "./contract/support.js";

export type { StoreHarness } from "./contract/support.js";

/** The behaviour every EventStore adapter promises; each adapter's spec calls this once. */
export function eventStoreContract(name: string, harness: StoreHarness): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventStore | undefined;
    const store = (): EventStore => {
      if (!current) throw new Error("no store open");
      return current;
    };

    beforeEach(async () => {
      current = await harness.open();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    roundTripContract(store);
    expectedRevisionContract(store);
    concurrencyContract(store, harness);
    pagingContract(store);
    readEventContract(store, harness);
    readRecordFeedContract(store);
    subscriptionContract(store);
    hashChainContract(store, harness);
  });
}
