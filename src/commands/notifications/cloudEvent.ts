import { CloudEvent, HTTP } from "cloudevents";
import { cloudEventType, type Delivery } from "../../domain/index.js";

/** The `source` of every notification this service sends. */
export const NOTIFICATION_SOURCE = "urn:casustafel:notifications";

const SESSION = "session:";

/** Where the receiver reads what it was told of: the case, or the session. */
function linksOf(caseId: string | null, itemId: string): Record<string, string> {
  if (caseId !== null) return { case: `/v1/cases/${encodeURIComponent(caseId)}` };
  if (itemId.startsWith(SESSION))
    return { session: `/v1/sessions/${encodeURIComponent(itemId.slice(SESSION.length))}` };
  return {};
}

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
      links: linksOf(caseId, itemId),
    },
  });
  const message = HTTP.structured(event);
  return { body: String(message.body), contentType: "application/cloudevents+json" };
}
