import { connect } from "node:net";
import { deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startTestApi, type TestApi } from "./support/testApi.js";

// DESIGN §4: malformed input of any kind is the client's fault: a 400-range problem+json,
// never a 500, and Node's own answers come as close to problem+json as Node lets them.

let t: TestApi;
let authorization: string;
beforeAll(async () => {
  t = await startTestApi();
  authorization = `Bearer ${await t.token("org-school", ["professional"])}`;
});
afterAll(() => t.close());

const problemTypeOf = (kind: string) => `https://casustafel.example/problems/${kind}`;

async function expectProblem(response: Response, status: number, kind: string) {
  expect(response.status).toBe(status);
  const problem = await problemOf(response);
  expect(problem).toMatchObject({ type: problemTypeOf(kind), status });
  return problem;
}

/** Sends raw bytes over TCP and returns what the server wrote back before closing. */
function rawExchange(bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
  });
}

function parseRaw(answer: string) {
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const at = line.indexOf(":");
      return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()];
    }),
  );
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}

describe("given a path parameter that is not valid percent-encoding", () => {
  it.each(["%E0%A4%A", "%", "%ff", "abc%zz", "%C0%80"])(
    "when GET /v1/things/%s, then 400 validation naming the parameter",
    async (raw) => {
      const response = await fetch(`${t.url}/v1/things/${raw}`, { headers: { authorization } });
      const problem = await expectProblem(response, 400, "validation");
      expect(problem.errors).toEqual([
        { in: "params", path: "/thingId", message: "not valid percent-encoding" },
      ]);
    },
  );

  it("when a fixed path segment is badly encoded, then 400 too, not 404", async () => {
    const response = await fetch(`${t.url}/v1/th%ZZings`, { headers: { authorization } });
    await expectProblem(response, 400, "validation");
  });

  it("when the request has no token, then still 400 (the input is checked before anything else)", async () => {
    await expectProblem(await fetch(`${t.url}/v1/things/%`), 400, "validation");
  });
});

describe("given a body whose Content-Encoding is not what it says", () => {
  const plain = JSON.stringify({ label: "x", count: 1 });
  const post = (encoding: string, body: Uint8Array | string) =>
    fetch(`${t.url}/v1/things`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json", "content-encoding": encoding },
      body,
    });

  it.each(["gzip", "deflate", "br"])(
    "when it declares %s but is plain JSON, then 400 unreadable-body and nothing is written",
    async (encoding) => {
      const before = await t.store.headPosition();
      await expectProblem(await post(encoding, plain), 400, "unreadable-body");
      expect(await t.store.headPosition()).toBe(before);
    },
  );

  it("when it declares gzip and is truncated gzip, then 400 unreadable-body", async () => {
    const truncated = gzipSync(plain).subarray(0, 12);
    await expectProblem(await post("gzip", truncated), 400, "unreadable-body");
  });

  it("when it declares an encoding the service does not know, then 415 with a title that says so", async () => {
    const problem = await expectProblem(
      await post("compress", plain),
      415,
      "unsupported-content-encoding",
    );
    expect(problem.title).toMatch(/Content-Encoding/);
  });

  it("when it is honestly deflated, then it is accepted (control)", async () => {
    expect((await post("deflate", deflateSync(plain))).status).toBe(201);
  });
});

describe("given an error from a library that carries a 4xx status", () => {
  it("when a route fails with it, then the answer keeps the status as problem+json", async () => {
    const response = await fetch(`${t.url}/v1/library-refusal`, { headers: { authorization } });
    await expectProblem(response, 416, "client-error");
  });
});

describe("given requests Node itself refuses before express sees them", () => {
  it("when the headers are too large, then 431 problem+json", async () => {
    const answer = parseRaw(
      await rawExchange(
        `GET /v1/things HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      ),
    );
    expect(answer.status).toBe(431);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({
      type: problemTypeOf("headers-too-large"),
      status: 431,
    });
  });

  it.each([
    ["an unknown method", "FROB /v1/things HTTP/1.1\r\nHost: x\r\n\r\n"],
    ["a malformed request line", "this is not http\r\n\r\n"],
    ["a malformed header", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"],
    ["an unknown HTTP version", "GET / HTTP/7.3\r\nHost: x\r\n\r\n"],
  ])("when it sends %s, then 400 problem+json", async (_what, bytes) => {
    const answer = parseRaw(await rawExchange(bytes));
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body)).toMatchObject({
      type: problemTypeOf("malformed-request"),
      status: 400,
    });
  });

  it("when an HTTP/1.1 request has no Host header, then 400 problem+json", async () => {
    const answer = parseRaw(await rawExchange("GET /health HTTP/1.1\r\n\r\n"));
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("when it expects something the server cannot meet, then 417 problem+json", async () => {
    const answer = parseRaw(
      await rawExchange(
        "GET /health HTTP/1.1\r\nHost: x\r\nExpect: miracles\r\nConnection: close\r\n\r\n",
      ),
    );
    expect(answer.status).toBe(417);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("then the service still answers", async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });
});
