// A loopback OTLP/HTTP receiver for the bench, in a process of its own as a logbook is
// (lineServer.ts): it takes every export, answers 200 and prints the export's span count, so
// decoding the exports takes no time from the load generator's event loop.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exitAfterLines, startLineServer } from "./lineServer.js";

interface Traces {
  resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[];
}

const spansIn = (traces: Traces) =>
  (traces.resourceSpans ?? [])
    .flatMap((resource) => resource.scopeSpans ?? [])
    .reduce((sum, scope) => sum + (scope.spans?.length ?? 0), 0);

if (process.argv[2] === "serve") {
  exitAfterLines();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const spans = spansIn(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Traces);
    process.stdout.write(`${spans}\n`);
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`http://127.0.0.1:${port}/v1/traces\n`);
  });
}

/** Starts the receiver; `close()` stops it and resolves to the spans it received in all. */
export async function startOtlpSink() {
  let spans = 0;
  const server = await startLineServer(import.meta.filename, (line) => {
    spans += Number(line);
  });
  return {
    url: server.address,
    /** Stops the receiver once every line it printed is counted; the spans received in all. */
    close: async () => {
      await server.stop();
      return spans;
    },
  };
}
