import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "pino";
import { problemBody } from "./problemSchema.js";
import { HttpProblem, type ProblemKind } from "./problems.js";

// Answers Node gives before express sees a request (a parse error, oversized headers, a
// timeout, an Expect it cannot meet), written as problem+json instead of a bare status.

const kindOfCode: Readonly<Record<string, ProblemKind>> = {
  HPE_HEADER_OVERFLOW: "headers_too_large",
  ERR_HTTP_REQUEST_TIMEOUT: "request_timeout",
};

function rawProblem(kind: ProblemKind): string {
  const problem = new HttpProblem(kind);
  const body = JSON.stringify(problemBody(problem));
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`,
    "Content-Type: application/problem+json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

/** Node's `clientError` event: answered as Node would (same status, then close), but as problem+json. */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex & { _httpMessage?: { headersSent?: boolean } | null },
  logger?: Logger,
): void {
  logger?.info({ code: error.code }, "request refused by the HTTP parser");
  // As Node does: never write into a response already under way on this connection.
  const inFlight = socket._httpMessage?.headersSent === true;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight) {
    socket.destroy();
    return;
  }
  const code = error.code ?? "";
  socket.end(rawProblem(Object.hasOwn(kindOfCode, code) ? kindOfCode[code]! : "malformed_request"));
}

/** An `Expect` other than 100-continue: 417 as problem+json, and the connection closes. */
function answerExpectation(_req: IncomingMessage, res: ServerResponse): void {
  const problem = new HttpProblem("expectation_failed");
  const body = JSON.stringify(problemBody(problem));
  res.writeHead(problem.status, {
    "Content-Type": "application/problem+json",
    "Content-Length": Buffer.byteLength(body),
    Connection: "close",
  });
  res.end(body);
}

/** Hooks the answers above into a server: a parse-level refusal is problem+json too. */
export function answerClientErrorsAsProblems(server: Server, logger?: Logger): void {
  server.on("clientError", (error: Error, socket: Duplex) =>
    answerClientError(error, socket, logger),
  );
  server.on("checkExpectation", answerExpectation);
}
