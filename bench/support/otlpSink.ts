// A loopback OTLP/HTTP receiver for the bench: takes every export, counts its spans, answers 200.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

interface Traces {
  resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[];
}

const spansIn = (traces: Traces) =>
  (traces.resourceSpans ?? [])
    .flatMap((resource) => resource.scopeSpans ?? [])
    .reduce((sum, scope) => sum + (scope.spans?.length ?? 0), 0);

export async function startOtlpSink() {
  let spans = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    spans += spansIn(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Traces);
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    spans: () => spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
