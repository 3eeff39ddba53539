import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
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

export type SendSigned = (message: Signed) => Promise<SendResult>;

/**
 * A sender that POSTs signed notifications (Standard Webhooks headers) over kept-alive
 * connections: a fan-out to one receiver reuses its sockets instead of opening one per delivery.
 * Redirects are not followed: a redirect could lead off the allow-list. Any 2xx counts as
 * delivered. `close` ends the idle connections.
 */
export function signedSender(options: { timeoutMs: number; maxSockets: number }) {
  const http = new HttpAgent({ keepAlive: true, maxSockets: options.maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: options.maxSockets });
  // A signer decodes its secret once; a subscription's deliveries share one.
  const signers = new Map<string, Webhook>();
  const signerOf = (secret: string) => {
    let signer = signers.get(secret);
    if (signer === undefined) {
      signer = new Webhook(secret);
      signers.set(secret, signer);
    }
    return signer;
  };
  const send: SendSigned = (message) => {
    const url = new URL(message.url);
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return Promise.resolve({ ok: false, status: null });
    const sentAt = new Date();
    const signature = signerOf(message.secret).sign(message.messageId, sentAt, message.body);
    const headers = {
      "content-type": message.contentType,
      "content-length": Buffer.byteLength(message.body),
      "webhook-id": message.messageId,
      "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)),
      "webhook-signature": signature,
    };
    const [call, agent] = url.protocol === "https:" ? [httpsRequest, https] : [httpRequest, http];
    return new Promise((resolve) => {
      const request = call(url, { method: "POST", agent, headers });
      // The whole exchange, body included, has timeoutMs; then the socket is given up.
      const deadline = setTimeout(() => request.destroy(), options.timeoutMs);
      request.on("close", () => clearTimeout(deadline));
      request.on("error", () => resolve({ ok: false, status: null }));
      request.on("response", (response) => {
        const status = response.statusCode ?? null;
        resolve({ ok: status !== null && status >= 200 && status < 300, status });
        // The body is not read but drained, so the socket goes back to the pool.
        response.resume();
        response.on("error", () => {}); // a body cut off after the status changes nothing
      });
      request.end(message.body);
    });
  };
  return {
    send,
    close() {
      http.destroy();
      https.destroy();
    },
  };
}
