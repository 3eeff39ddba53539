import { Webhook } from "standardwebhooks";

export interface Signed {
  url: string;
  /** The webhook-id: the delivery id, the same on every retry. */
  messageId: string;
  secret: string;
  body: string;
  contentType: string;
}

/** The receiver's status, or null when it did not answer in time or refused the connection. */
export type SendResult = { ok: boolean; status: number | null };

/**
 * POSTs one signed notification (Standard Webhooks headers). Redirects are not followed: a
 * redirect could lead off the allow-list. Any 2xx counts as delivered.
 */
export async function sendSigned(message: Signed, timeoutMs: number): Promise<SendResult> {
  const sentAt = new Date();
  const signature = new Webhook(message.secret).sign(message.messageId, sentAt, message.body);
  try {
    const response = await fetch(message.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": message.contentType,
        "webhook-id": message.messageId,
        "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: message.body,
    });
    await response.body?.cancel();
    return { ok: response.status >= 200 && response.status < 300, status: response.status };
  } catch {
    return { ok: false, status: null };
  }
}
