import { describe, expect, test } from "vitest";
import { DEMO_COVENANT_ID } from "../../src/demo/organisations.js";
import { openPostgresEventStore } from "../../src/store/postgres/index.js";
import {
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

describe("read-your-writes across processes", () => {
  test("given a share accepted by A, when B is asked with A's Position as Min-Position, then B shows it", async () => {
    const { cluster, a, b, tokens } = processes;
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
    const { cluster, a, b, tokens } = processes;
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
    const { cluster, a, b, tokens } = processes;
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
    const { cluster, a, b, tokens } = processes;
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
    const { cluster, a, b, tokens } = processes;
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
