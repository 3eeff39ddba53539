// A webhook receiver in a process of its own, as a partner's system is: it answers 204 and
// prints each request's path on a line of stdout, so the bench counts them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exitAfterLines, startLineServer } from "./lineServer.js";

if (process.argv[2] === "serve") {
  exitAfterLines();
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.statusCode = 204;
      res.end();
      process.stdout.write(`${req.url}\n`);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
}

/** Starts the receiver; `until(n)` resolves once it has answered n requests in all. */
export async function startReceiverProcess() {
  let received = 0;
  let waiting: { count: number; resolve: () => void } | undefined;
  const server = await startLineServer(import.meta.filename, () => {
    received += 1;
    if (waiting && received >= waiting.count) waiting.resolve();
  });
  return {
    base: server.address,
    received: () => received,
    until: (count: number) =>
      received >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting = { count, resolve };
          }),
    close: server.stop,
  };
}
