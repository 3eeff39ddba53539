import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, test } from "vitest";
import { type Signed, signedSender } from "../../../src/commands/notifications/send.js";

// The sender against real HTTP servers on loopback: signed, kept-alive, no redirects followed.

const SECRET = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
const closing: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

async function serve(answer: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const seen = {
    connections: 0,
    requests: [] as { path: string; headers: IncomingMessage["headers"]; body: string }[],
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.requests.push({ path: req.url ?? "", headers: req.headers, body });
      answer(req, res, body);
    });
  });
  server.on("connection", () => {
    seen.connections += 1;
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closing.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { seen, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function sender(timeoutMs = 5_000) {
  const made = signedSender({ timeoutMs, maxSockets: 4 });
  closing.push(() => made.close());
  return made.send;
}

const message = (url: string, n = 1): Signed => ({
  url,
  messageId: `msg-${n}`,
  secret: SECRET,
  body: JSON.stringify({ id: `msg-${n}`, n }),
  contentType: "application/cloudevents+json",
});

describe("sending a signed notification", () => {
  test("Given a receiver that answers 204, when twenty notifications go one after another, then each verifies with the Standard Webhooks library and all share one connection", async () => {
    const receiver = await serve((_req, res) => res.writeHead(204).end());
    const send = sender();
    for (let n = 1; n <= 20; n++) {
      expect(await send(message(`${receiver.base}/hooks`, n))).toEqual({ ok: true, status: 204 });
    }
    const { requests, connections } = receiver.seen;
    expect(requests).toHaveLength(20);
    requests.forEach(({ headers, body }, index) => {
      const verified = new Webhook(SECRET).verify(body, headers as Record<string, string>);
      expect(verified).toEqual({ id: `msg-${index + 1}`, n: index + 1 });
      expect(headers["webhook-id"]).toBe(`msg-${index + 1}`);
      expect(headers["content-type"]).toBe("application/cloudevents+json");
    });
    expect(connections).toBe(1);
  });

  test("Given a receiver that redirects, when a notification is sent, then it is not delivered and the redirect target is never called", async () => {
    const elsewhere = await serve((_req, res) => res.writeHead(204).end());
    const receiver = await serve((_req, res) =>
      res.writeHead(307, { location: `${elsewhere.base}/stolen` }).end(),
    );
    expect(await sender()(message(`${receiver.base}/hooks`))).toEqual({ ok: false, status: 307 });
    expect(elsewhere.seen.requests).toHaveLength(0);
  });

  test("Given a receiver that answers 500, a receiver that never answers and a port nobody listens on, then none counts as delivered; only the first has a status", async () => {
    const failing = await serve((_req, res) => res.writeHead(500).end("no"));
    const silent = await serve(() => {});
    const gone = await serve(() => {});
    await closing.pop()!();
    const send = sender(200);
    expect(await send(message(`${failing.base}/hooks`))).toEqual({ ok: false, status: 500 });
    expect(await send(message(`${silent.base}/hooks`))).toEqual({ ok: false, status: null });
    expect(await send(message(`${gone.base}/hooks`))).toEqual({ ok: false, status: null });
  });

  test("Given a URL that is not http(s), then nothing is sent and it is not delivered", async () => {
    expect(await sender()(message("file:///etc/passwd"))).toEqual({ ok: false, status: null });
  });
});
