import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_COVENANT_ID } from "../../src/demo/organisations.js";
import { openPostgresEventStore } from "../../src/store/postgres/index.js";
import { type Cluster, type Exchange, startCluster } from "./support/cluster.js";
import {
  agreement,
  caseWithWijkteam,
  expectOk,
  lawfulShare,
  openCaseBody,
  positionOf,
  type Tokens,
  tokensFor,
} from "./support/scenario.js";
import type { ServiceProcess } from "./support/serviceProcess.js";

// Two real service processes on one PostgreSQL database, started together on an empty store.
let cluster: Cluster;
let a: ServiceProcess;
let b: ServiceProcess;
let tokens: Tokens;
beforeAll(async () => {
  cluster = await startCluster(2);
  [a, b] = cluster.services as [ServiceProcess, ServiceProcess];
  tokens = await tokensFor(cluster);
}, 60_000);
afterAll(() => cluster?.close());

const minPosition = (position: bigint) => ({ "min-position": position.toString() });

describe("read-your-writes across processes", () => {
  test("given a share accepted by A, when B is asked with A's Position as Min-Position, then B shows it", async () => {
    const { caseId } = await caseWithWijkteam(cluster, tokens, a, a, 1);
    const shared = expectOk(
      await cluster.call(a, "POST", `/v1/cases/${caseId}/shares`, {
        token: tokens.school,
        body: lawfulShare("Mist sinds januari elke maandag."),
      }),
      "share",
    );
    const position = positionOf(shared);

    const view = await cluster.call(b, "GET", `/v1/cases/${caseId}`, {
      token: tokens.wijkteam,
      headers: minPosition(position),
    });
    expect(view.status).toBe(200);
    expect(view.headers.get("etag")).toBe(shared.headers.get("etag"));
    expect(JSON.stringify(view.body)).toContain(shared.body.shareId);

    const list = await cluster.call(b, "GET", "/v1/cases", {
      token: tokens.wijkteam,
      headers: minPosition(position),
    });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).toContain(caseId);
  });

  test("a Min-Position no process has reached answers 503 with Retry-After, not a stale view", async () => {
    const { caseId, position } = await caseWithWijkteam(cluster, tokens, a, b, 2);
    const ahead = await cluster.call(b, "GET", `/v1/cases/${caseId}`, {
      token: tokens.wijkteam,
      headers: minPosition(position + 1_000_000n),
    });
    expect(ahead.status).toBe(503);
    expect(ahead.headers.get("retry-after")).toBe("1");
  });
});

describe("a retried POST through another process", () => {
  test("given a share accepted by A, when the client retries it through B with the same Idempotency-Key, then B answers the first result and nothing new is written", async () => {
    const { caseId } = await caseWithWijkteam(cluster, tokens, a, b, 5);
    const share = (service: ServiceProcess) =>
      cluster.call(service, "POST", `/v1/cases/${caseId}/shares`, {
        token: tokens.school,
        headers: { "idempotency-key": `retry-${caseId}` },
        body: lawfulShare("Eén keer gedeeld, twee keer verstuurd."),
      });
    const first = expectOk(await share(a), "share");
    const retried = await share(b);
    expect(retried.status).toBe(first.status);
    expect(retried.body).toEqual(first.body);
    const store = await openPostgresEventStore(cluster.databaseUrl);
    try {
      const types = (await store.readStream(`case-${caseId}`)).map((event) => event.type);
      expect(types.filter((type) => type === "InformationShared")).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

describe("erasure across processes", () => {
  test("given a subject erased through A, when B is asked with the erasure's Position, then B shows [erased]", async () => {
    const opened = expectOk(
      await cluster.call(b, "POST", "/v1/cases", { token: tokens.school, body: openCaseBody(4) }),
      "open",
    );
    const { caseId, subjectId } = opened.body;
    const before = await cluster.call(b, "GET", `/v1/cases/${caseId}`, {
      token: tokens.school,
      headers: minPosition(positionOf(opened)),
    });
    expect(before.body.subject.name).toBe("Leerling 4");

    const erased = expectOk(
      await cluster.call(a, "POST", `/v1/subjects/${subjectId}/erasure`, {
        token: tokens.covenantPrivacyOfficer,
        body: { covenantId: DEMO_COVENANT_ID, reason: "data-subject-request" },
      }),
      "erase",
    );
    const after = await cluster.call(b, "GET", `/v1/cases/${caseId}`, {
      token: tokens.school,
      headers: minPosition(positionOf(erased)),
    });
    expect(after.status).toBe(200);
    expect(after.body.subject.name).toBe("[erased]");
    expect(JSON.stringify(after.body)).not.toContain("Leerling 4");
  });
});

describe("conflicting writes through different processes", () => {
  test("given one revision, when A and B both share with If-Match on it, then exactly one wins and the other gets 412", async () => {
    const { caseId, etag: joinedAt } = await caseWithWijkteam(cluster, tokens, a, b, 3);
    let etag = joinedAt;
    for (let round = 0; round < 5; round++) {
      const attempt = (service: ServiceProcess) =>
        cluster.call(service, "POST", `/v1/cases/${caseId}/shares`, {
          token: tokens.school,
          headers: { "if-match": etag },
          body: lawfulShare(`Ronde ${round} via ${service.name}`),
        });
      const answers = await Promise.all([attempt(a), attempt(b)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 412]);
      etag = answers.find((answer) => answer.status === 201)!.headers.get("etag")!;
    }
    const store = await openPostgresEventStore(cluster.databaseUrl);
    try {
      const types = (await store.readStream(`case-${caseId}`)).map((event) => event.type);
      expect(types.filter((type) => type === "InformationShared")).toHaveLength(5);
    } finally {
      await store.close();
    }
  });
});

describe("after a burst of mixed load through both processes", () => {
  test("both processes' projections agree: case lists, case views and the disclosure register", async () => {
    const cases: string[] = [];
    let opened = 0n;
    for (let n = 0; n < 6; n++) {
      const [opener, joiner] = n % 2 === 0 ? [a, b] : [b, a];
      const { caseId, position } = await caseWithWijkteam(cluster, tokens, opener, joiner, 10 + n);
      cases.push(caseId);
      opened = position;
    }
    const writes: Exchange[] = [];
    const write = async (service: ServiceProcess, path: string, token: string, body: unknown) => {
      writes.push(expectOk(await cluster.call(service, "POST", path, { token, body }), path));
    };
    const read = async (service: ServiceProcess, path: string, token: string) => {
      // Every case exists in both processes' read models before the reads ask for it.
      const headers = minPosition(opened);
      expectOk(await cluster.call(service, "GET", path, { token, headers }), path);
    };
    // A load balancer polls /ready throughout; a projector a few events behind is still ready.
    const readiness: number[] = [];
    let loadEnded = false;
    const polling = (async () => {
      while (!loadEnded) {
        for (const service of [a, b]) readiness.push((await fetch(`${service.url}/ready`)).status);
      }
    })();
    // Each wave writes every case through both processes at once, so writers race across processes.
    for (let wave = 0; wave < 6; wave++) {
      const work = cases.flatMap((caseId, i) => [
        write(a, `/v1/cases/${caseId}/shares`, tokens.school, lawfulShare(`Golf ${wave} via A`)),
        wave % 2 === 0
          ? write(b, `/v1/cases/${caseId}/shares`, tokens.school, lawfulShare(`Golf ${wave} via B`))
          : write(b, `/v1/cases/${caseId}/agreements`, tokens.chair, agreement(`Afspraak ${wave}`)),
        read(i % 2 === 0 ? a : b, `/v1/cases/${caseId}`, tokens.wijkteam),
      ]);
      work.push(write(wave % 2 === 0 ? a : b, "/v1/cases", tokens.school, openCaseBody(20 + wave)));
      await Promise.all(work);
    }
    loadEnded = true;
    await polling;
    expect(readiness.length).toBeGreaterThan(10);
    expect(readiness.filter((status) => status !== 200)).toEqual([]);
    const head = writes
      .map(positionOf)
      .reduce((max, position) => (position > max ? position : max));
    const shareIds = writes.map((written) => written.body.shareId).filter(Boolean);
    expect(shareIds).toHaveLength(6 * 9);

    const seenBy = async (service: ServiceProcess, path: string, token: string) => {
      const answer = await cluster.call(service, "GET", path, {
        token,
        headers: minPosition(head),
      });
      expect(answer.status, `${service.name} ${path}`).toBe(200);
      return { etag: answer.headers.get("etag"), body: answer.body };
    };
    const sameThroughBoth = async (path: string, token: string) => {
      const [throughA, throughB] = await Promise.all([
        seenBy(a, path, token),
        seenBy(b, path, token),
      ]);
      expect(throughB, path).toEqual(throughA);
      return throughA.body;
    };

    for (const token of [tokens.school, tokens.wijkteam, tokens.chair, tokens.police]) {
      await sameThroughBoth("/v1/cases", token);
    }
    const schoolList = JSON.stringify(await sameThroughBoth("/v1/cases", tokens.school));
    for (const caseId of cases) expect(schoolList).toContain(caseId);
    for (const caseId of cases) {
      await sameThroughBoth(`/v1/cases/${caseId}`, tokens.school);
      await sameThroughBoth(`/v1/cases/${caseId}`, tokens.wijkteam);
    }
    const register = JSON.stringify(
      await sameThroughBoth(
        `/v1/audit/disclosures?covenant=${DEMO_COVENANT_ID}`,
        tokens.covenantPrivacyOfficer,
      ),
    );
    for (const shareId of shareIds) expect(register).toContain(shareId);
  });
});

/** A GET on a connection of its own; `sent` resolves once the request has left the client. */
function getOnOwnConnection(
  service: ServiceProcess,
  path: string,
  headers: Record<string, string>,
) {
  let sent!: () => void;
  const written = new Promise<void>((resolve) => {
    sent = resolve;
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request(`${service.url}${path}`, { headers, agent: false }, (incoming) => {
      let body = "";
      incoming.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body }));
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.on("finish", sent);
    outgoing.end();
  });
  return { written, answered };
}

describe("graceful shutdown", () => {
  test("on SIGTERM a process answers its in-flight request, exits 0, and the other keeps serving", async () => {
    const { caseId, position } = await caseWithWijkteam(cluster, tokens, a, b, 99);
    // Min-Position beyond the head keeps the request in flight for MIN_POSITION_WAIT_MS.
    const slow = getOnOwnConnection(a, `/v1/cases/${caseId}`, {
      authorization: `Bearer ${tokens.wijkteam}`,
      ...minPosition(position + 1_000_000n),
    });
    await slow.written;
    // A later request answered on another connection: the slow one has been read by now.
    expectOk(await cluster.call(a, "GET", "/health"), "health");

    const exit = a.stop("SIGTERM");
    const answer = await slow.answered;
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 503 });
    expect(await exit).toEqual({ code: 0, signal: null });
    await expect(fetch(`${a.url}/health`)).rejects.toThrow();

    const stillServed = await cluster.call(b, "GET", `/v1/cases/${caseId}`, {
      token: tokens.wijkteam,
      headers: minPosition(position),
    });
    expect(stillServed.status).toBe(200);
    expect(await b.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(a.stderr() + b.stderr()).toBe("");
  });
});
