import { afterEach, describe, expect, test } from "vitest";
import { startTestService, type TestService } from "../support/service.js";
import { type Receiver, startReceiver } from "./receiver.js";
import {
  deliveriesOf,
  eventually,
  expectNoPersonalValue,
  ORG,
  playCase,
  subscribe,
  subscribed,
  verified,
} from "./scenario.js";

let service: TestService | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await service?.close();
  await receiver?.close();
  service = receiver = undefined;
});

/** The service allows only `<receiver>/hooks`; retries are quick so the test is too. */
async function given(options: { maxAttempts?: number } = {}) {
  receiver = await startReceiver();
  service = await startTestService("sqlite", {
    seedDemo: true,
    env: {
      WEBHOOK_ALLOWED_URLS: `${receiver.base}/hooks`,
      WEBHOOK_RETRY_BASE_MS: "20",
      WEBHOOK_RETRY_MAX_MS: "200",
      WEBHOOK_MAX_ATTEMPTS: String(options.maxAttempts ?? 30),
    },
  });
  return { service, receiver };
}

const typesOf = (receiver: Receiver) =>
  [...receiver.accepted().values()].map((r) => JSON.parse(r.body).type as string).sort();

describe("webhook notifications", () => {
  test("Given the wijkteam's and the police's admins subscribed, when a case gives the wijkteam an invitation, a share and an agreement, then only the wijkteam is told, with signed CloudEvents carrying ids only", async () => {
    const { service, receiver } = await given();
    const wijkteam = await subscribed(service, ORG.wijkteam, `${receiver.base}/hooks/wijkteam`);
    const police = await subscribe(service, ORG.police, `${receiver.base}/hooks/police`);
    expect(police.status).toBe(201);
    expect(wijkteam.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const ids = await playCase(service);

    await receiver.until(() => receiver.accepted().size >= 3);
    expect(typesOf(receiver)).toEqual([
      "nl.casustafel.agreement.made",
      "nl.casustafel.case.invitation",
      "nl.casustafel.share.received",
    ]);
    for (const request of receiver.requests) {
      expect(request.path).toBe("/hooks/wijkteam");
      const event = verified(request, wijkteam.secret);
      expect(event).toMatchObject({ specversion: "1.0", source: "urn:casustafel:notifications" });
      expect(request.headers["webhook-id"]).toBe(event.id);
      expect(request.headers["content-type"]).toBe("application/cloudevents+json");
      expect(Object.keys(event.data as object).sort()).toEqual(
        ["caseId", "itemId", "links", "notificationType", "position"].sort(),
      );
    }
    const items = [...receiver.accepted().values()].map((r) => JSON.parse(r.body).data.itemId);
    expect(items.sort()).toEqual(
      [`agreement:${ids.agreementId}`, `invitation:${ids.caseId}`, `share:${ids.shareId}`].sort(),
    );
    expectNoPersonalValue(receiver.requests);
  });

  test("Given a secret of another subscription, when the receiver verifies with it, then the signature is refused", async () => {
    const { service, receiver } = await given();
    const mine = await subscribed(service, ORG.wijkteam, `${receiver.base}/hooks/a`);
    const other = await subscribed(service, ORG.chair, `${receiver.base}/hooks/b`);
    expect(other.secret).not.toBe(mine.secret);
    await playCase(service);
    await receiver.until(() => receiver.accepted().size >= 3);
    const [first] = receiver.requests.filter((r) => r.path === "/hooks/a");
    expect(() => verified(first!, other.secret)).toThrow();
  });

  test("Given the receiver is down for a while, when the case plays, then deliveries are retried with backoff and arrive once it is up", async () => {
    const { service, receiver } = await given();
    const created = await subscribed(service, ORG.wijkteam, `${receiver.base}/hooks/w`);
    receiver.state.down = true;
    await playCase(service);
    await receiver.until(() => receiver.requests.filter((r) => r.status === 503).length >= 9);
    receiver.state.down = false;
    await receiver.until(() => receiver.accepted().size >= 3);

    const listed = await eventually(
      () => deliveriesOf(service, ORG.wijkteam, created.subscriptionId, "delivered"),
      (answer) => answer.deliveries.length === 3,
    );
    expect(listed.deliveries.every((d) => d.attempts >= 2)).toBe(true);
  });

  test("Given a receiver that stays down, when the attempts run out, then the admin sees dead letters, and a replay delivers them once it is back", async () => {
    const { service, receiver } = await given({ maxAttempts: 2 });
    const created = await subscribed(service, ORG.wijkteam, `${receiver.base}/hooks/w`);
    const admin = await service.token(ORG.wijkteam, ["admin"]);
    receiver.state.down = true;
    await playCase(service);
    const dead = await eventually(
      () => deliveriesOf(service, ORG.wijkteam, created.subscriptionId, "dead-letter"),
      (answer) => answer.deliveries.length === 3,
    );
    expect(dead.deliveries.map((d) => [d.status, d.lastStatus])).toEqual([
      ["dead-letter", 503],
      ["dead-letter", 503],
      ["dead-letter", 503],
    ]);
    const tried = receiver.requests.length;
    expect(tried).toBe(6);

    receiver.state.down = false;
    const replay = await service.call(
      admin,
      "POST",
      `/v1/webhooks/${created.subscriptionId}/replays`,
      {},
    );
    expect(replay.status).toBe(202);
    expect(((await replay.json()) as { requeued: number }).requeued).toBe(3);
    await receiver.until(() => receiver.accepted().size >= 3);
    expectNoPersonalValue(receiver.requests);
  });
});

describe("webhook subscriptions", () => {
  test("Given a URL outside the allow-list, when an admin subscribes it, then 422 names the rule and the URL is never called", async () => {
    const { service, receiver } = await given();
    for (const url of [
      `${receiver.base}/other`,
      `${receiver.base}/hookshop`,
      `${receiver.base.replace("127.0.0.1", "localhost")}/hooks`,
      `http://user:pw@${receiver.base.slice(7)}/hooks`,
      "file:///etc/passwd",
    ]) {
      const refused = await subscribe(service, ORG.wijkteam, url);
      expect(refused.status, url).toBe(422);
      const problem = (await refused.json()) as { rule: string };
      expect(problem.rule).toBe("webhook-url-allowed");
      expect(JSON.stringify(problem)).not.toContain("pw@");
    }
    await playCase(service);
    const admin = await service.token(ORG.wijkteam, ["admin"]);
    const listed = (await (await service.call(admin, "GET", "/v1/webhooks")).json()) as object;
    expect(listed).toEqual({ subscriptions: [] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toEqual([]);
  });

  test("Given subscriptions of two organisations, then only admins manage them, each only its own: another's answers 404", async () => {
    const { service, receiver } = await given();
    const professional = await service.token(ORG.wijkteam, ["professional"]);
    const forbidden = await service.call(professional, "POST", "/v1/webhooks", {
      url: `${receiver.base}/hooks/x`,
      notificationTypes: ["share.received"],
    });
    expect(forbidden.status).toBe(403);
    expect((await service.call(professional, "GET", "/v1/webhooks")).status).toBe(403);

    const wijkteams = await subscribed(service, ORG.wijkteam, `${receiver.base}/hooks/w`);
    await subscribe(service, ORG.police, `${receiver.base}/hooks/p`);
    const policeAdmin = await service.token(ORG.police, ["admin"]);
    const policeList = (await (await service.call(policeAdmin, "GET", "/v1/webhooks")).json()) as {
      subscriptions: { url: string }[];
    };
    expect(policeList.subscriptions.map((s: { url: string }) => s.url)).toEqual([
      `${receiver.base}/hooks/p`,
    ]);
    expect(JSON.stringify(policeList)).not.toContain("whsec_");
    const theirs = `/v1/webhooks/${wijkteams.subscriptionId}`;
    const unknown = `/v1/webhooks/${crypto.randomUUID()}`;
    for (const [method, path] of [
      ["DELETE", theirs],
      ["GET", `${theirs}/deliveries`],
      ["POST", `${theirs}/replays`],
      ["DELETE", unknown],
    ] as const) {
      const response = await service.call(
        policeAdmin,
        method,
        path,
        method === "POST" ? {} : undefined,
      );
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const wijkteamAdmin = await service.token(ORG.wijkteam, ["admin"]);
    expect((await service.call(wijkteamAdmin, "DELETE", theirs)).status).toBe(204);
    expect((await service.call(wijkteamAdmin, "DELETE", theirs)).status).toBe(404);
  });
});
