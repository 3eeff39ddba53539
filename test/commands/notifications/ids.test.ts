import { describe, expect, it } from "vitest";
import { deliveryIdOf } from "../../../src/commands/notifications/ids.js";

describe("a delivery's id", () => {
  it("given an event and a subscription, when the delivery is planned, then its id is the one every earlier version planned", () => {
    // Given the id a version of the service gave this delivery (before its hashing changed, 3
    // December 2026): a planner after an upgrade must plan the same, or the store would not
    // refuse the duplicate and the receiver would get the notification twice
    const earlier = "f26050bd-8d6a-88f9-9891-95c29f67bf61";

    // When it is planned again
    const id = deliveryIdOf("0193a8b2-1c2d-7e3f-8a9b-0c1d2e3f4a5b", "sub-1");

    // Then the id is the same, UUID-shaped, version 8
    expect(id).toBe(earlier);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("given one event and two subscriptions, when both are planned, then their ids differ", () => {
    const event = "0193a8b2-1c2d-7e3f-8a9b-0c1d2e3f4a5b";
    expect(deliveryIdOf(event, "sub-1")).not.toBe(deliveryIdOf(event, "sub-2"));
  });
});
