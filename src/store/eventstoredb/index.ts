export { DUPLICATE_WINDOW } from "./append.js";
export { type EventStoreDbOptions, openEventStoreDbEventStore } from "./eventStore.js";
export { backoffDelay, resubscribing, type SubscriptionSource } from "./subscription.js";
