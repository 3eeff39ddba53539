// A loopback OTLP/HTTP receiver for the bench, in a process of its own as a logbook is: it
// takes every export, answers 200 and prints the export's span count on a line of stdout, so
// decoding the exports takes no time from the load generator's event loop.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";

interface Traces {
  resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[];
}

const spansIn = (traces: Traces) =>
  (traces.resourceSpans ?? [])
    .flatMap((resource) => resource.scopeSpans ?? [])
    .reduce((sum, scope) => sum + (scope.spans?.length ?? 0), 0);

if (process.argv[2] === "serve") {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const spans = spansIn(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Traces);
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
    process.stdout.write(`${spans}\n`);
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`http://127.0.0.1:${port}/v1/traces\n`);
  });
}

/** Starts the receiver; `close()` stops it and resolves to the spans it received in all. */
export async function startOtlpSink() {
  const child = spawn(process.execPath, ["--import", "tsx", import.meta.filename, "serve"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [url] = (await once(lines, "line")) as [string];
  let spans = 0;
  lines.on("line", (line) => {
    spans += Number(line);
  });
  return {
    url,
    /** Stops the receiver once every line it printed is counted; the spans received in all. */
    close: async () => {
      child.kill();
      await Promise.all([once(child, "exit"), once(lines, "close")]);
      return spans;
    },
  };
}
