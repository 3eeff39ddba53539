// A webhook receiver in a process of its own, as a partner's system is: it answers 204 and
// prints each request's path on a line of stdout, so the bench counts them.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";

if (process.argv[2] === "serve") {
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
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "serve"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [base] = (await once(lines, "line")) as [string];
  let received = 0;
  let waiting: { count: number; resolve: () => void } | undefined;
  lines.on("line", () => {
    received += 1;
    if (waiting && received >= waiting.count) waiting.resolve();
  });
  return {
    base,
    received: () => received,
    until: (count: number) =>
      received >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting = { count, resolve };
          }),
    close: async () => {
      child.kill();
      await once(child, "exit");
    },
  };
}
