import { describe, expect, test } from "vitest";
import { DEMO_COVENANT_ID } from "../../src/demo/organisations.js";
import type { Exchange } from "./support/cluster.js";
import { getOnOwnConnection } from "./support/inFlight.js";
import {
  agreement,
  caseWithWijkteam,
  expectOk,
  lawfulShare,
  minPosition,
  openCaseBody,
  positionOf,
} from "./support/scenario.js";
import type { ServiceProcess } from "./support/serviceProcess.js";
import { twoProcessesOnOneDatabase } from "./support/twoProcesses.js";

const processes = twoProcessesOnOneDatabase();

describe("after a burst of mixed load through both processes", () => {
  test("both processes' projections agree: case lists, case views and the disclosure register", async () => {
    const { cluster, a, b, tokens } = processes;
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

describe("graceful shutdown", () => {
  test("on SIGTERM a process answers its in-flight request, exits 0, and the other keeps serving", async () => {
    const { cluster, a, b, tokens } = processes;
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
