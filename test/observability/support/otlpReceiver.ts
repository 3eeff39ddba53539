import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A span as OTLP/JSON carries it (ids in hex), with its resource's attributes beside it. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status: { code?: number };
  attributes: Record<string, string>;
  links: { traceId: string; spanId: string }[];
  resource: Record<string, string>;
}

interface KeyValue {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpSpan extends Omit<ReceivedSpan, "attributes" | "resource" | "links"> {
  attributes?: KeyValue[];
  links?: { traceId: string; spanId: string }[];
}
interface ExportTraceServiceRequest {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

const attributesOf = (list: KeyValue[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, String(Object.values(value)[0])]));

/** Decodes one OTLP/HTTP JSON export request into its spans. */
export function decodeTraces(request: ExportTraceServiceRequest): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        ...span,
        attributes: attributesOf(span.attributes),
        links: (span.links ?? []).map(({ traceId, spanId }) => ({ traceId, spanId })),
        resource,
      })),
    );
  });
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A real OTLP/HTTP receiver on a loopback port, as a collector or logbook would listen:
 * POST /v1/traces with JSON bodies. `refuseNext` answers that many exports 503 first.
 */
export async function startOtlpReceiver() {
  const spans: ReceivedSpan[] = [];
  const bodies: string[] = [];
  let refusals = 0;
  let held: Promise<void> | undefined;
  const server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    const accepted =
      request.method === "POST" &&
      request.url === "/v1/traces" &&
      request.headers["content-type"] === "application/json";
    if (!accepted) return response.writeHead(400).end();
    bodies.push(body);
    await held;
    if (refusals > 0) {
      refusals--;
      return response.writeHead(503, { "retry-after": "0" }).end();
    }
    spans.push(...decodeTraces(JSON.parse(body) as ExportTraceServiceRequest));
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    spans,
    /** Every request body received, refused ones included. */
    bodies,
    refuseNext(count: number) {
      refusals = count;
    },
    /** Holds every answer from now on until the returned function is called, as a slow logbook would. */
    holdAnswers(): () => void {
      let release = () => {};
      held = new Promise((resolve) => {
        release = () => {
          held = undefined;
          resolve();
        };
      });
      return release;
    },
    /** The first span for which `match` holds, once it has arrived. */
    async spanWhere(match: (span: ReceivedSpan) => boolean, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = spans.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error("no such span arrived");
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A held answer (holdAnswers) must not keep a failed test's receiver open.
        server.closeAllConnections();
      }),
  };
}
