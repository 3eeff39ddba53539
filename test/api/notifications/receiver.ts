import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One POST as the receiver got it: headers and the raw body, exactly as signed. */
export interface Received {
  path: string;
  /** What the receiver answered: 204, or 503 while down. */
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real webhook receiver on loopback (node:http). While `down` it answers 503, as a receiver
 * being deployed would; every request is kept, answered or not.
 */
export async function startReceiver() {
  const requests: Received[] = [];
  const state = { down: false };
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const status = state.down ? 503 : 204;
      requests.push({
        path: req.url ?? "",
        status,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.statusCode = status;
      res.end();
      for (const wake of waiters) wake();
      waiters.clear();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    requests,
    state,
    /** The CloudEvents it accepted, once per id: what a deduplicating receiver keeps. */
    accepted(): Map<string, Received> {
      const kept = new Map<string, Received>();
      for (const request of requests.filter((r) => r.status === 204)) {
        const id = JSON.parse(request.body).id as string;
        if (!kept.has(id)) kept.set(id, request);
      }
      return kept;
    },
    /** Resolves once `done()` holds, re-checked on every request; fails after timeoutMs. */
    async until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!done()) {
        if (Date.now() > deadline)
          throw new Error(`receiver: condition not met in ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 100);
          waiters.add(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
