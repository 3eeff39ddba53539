import { CloudEvent, HTTP } from "cloudevents";
import { cloudEventType, type Delivery } from "../../domain/index.js";

/** The `source` of every notification this service sends. */
export const NOTIFICATION_SOURCE = "urn:casustafel:notifications";

/** What a receiver gets: ids, kinds and links only; it fetches what it may see with its token. */
export function notificationPayload(delivery: Delivery) {
  const { caseId, itemId, notificationType, sourcePosition } = delivery;
  const event = new CloudEvent({
    specversion: "1.0",
    id: delivery.deliveryId,
    source: NOTIFICATION_SOURCE,
    type: cloudEventType(notificationType),
    subject: itemId,
    time: delivery.occurredAt,
    datacontenttype: "application/json",
    data: {
      notificationType,
      caseId,
      itemId,
      position: sourcePosition,
      links: caseId === null ? {} : { case: `/v1/cases/${encodeURIComponent(caseId)}` },
    },
  });
  const message = HTTP.structured(event);
  return { body: String(message.body), contentType: "application/cloudevents+json" };
}
