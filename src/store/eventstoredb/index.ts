export { type EventStoreDbOptions, openEventStoreDbEventStore } from "./eventStore.js";
export { backoffDelay, resubscribing, type SubscriptionSource } from "./subscription.js";
