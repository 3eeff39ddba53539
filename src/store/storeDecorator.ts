import type { EventStore } from "./eventStore.js";

/**
 * A store whose `append` goes through `append` here and whose every other member is the
 * store's own, each method bound once (and again only when the store's own is replaced): a
 * decorator that made its functions at each property read made two on every append.
 */
export function decorateAppend(store: EventStore, append: EventStore["append"]): EventStore {
  const bound = new WeakMap<object, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === "append") return append;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      let method = bound.get(value);
      if (method === undefined) {
        method = value.bind(target);
        bound.set(value, method);
      }
      return method;
    },
  });
}
