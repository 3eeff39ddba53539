import { afterAll, describe, expect, test } from "vitest";
import { type Receiver, startReceiver } from "../api/notifications/receiver.js";
import { verified } from "../api/notifications/scenario.js";
import { type Cluster, startCluster } from "./support/cluster.js";
import {
  agreement,
  caseWithWijkteam,
  expectOk,
  lawfulShare,
  ORG,
  tokensFor,
} from "./support/scenario.js";

let cluster: Cluster | undefined;
let receiver: Receiver | undefined;
afterAll(async () => {
  await cluster?.close();
  await receiver?.close();
});

describe("webhook delivery across a crash", () => {
  test("Given deliveries queued while the receiver is down, when the service is killed with SIGKILL and started again, then every notification arrives at least once and the receiver keeps each id once", async () => {
    receiver = await startReceiver();
    cluster = await startCluster(1, {
      STORE: "sqlite",
      LOG_LEVEL: "error",
      WEBHOOK_ALLOWED_URLS: `${receiver.base}/hooks`,
      WEBHOOK_RETRY_BASE_MS: "50",
      WEBHOOK_RETRY_MAX_MS: "200",
    });
    const tokens = await tokensFor(cluster);
    let service = cluster.services[0]!;
    const admin = await cluster.token(ORG.wijkteam, ["admin"]);
    const created = expectOk(
      await cluster.call(service, "POST", "/v1/webhooks", {
        token: admin,
        body: {
          url: `${receiver.base}/hooks/w`,
          notificationTypes: ["share.received", "agreement.made", "case.invitation"],
        },
      }),
      "subscribe",
    ).body as { secret: string };

    receiver.state.down = true;
    const { caseId } = await caseWithWijkteam(cluster, tokens, service, service, 1);
    const at = `/v1/cases/${caseId}`;
    expectOk(
      await cluster.call(service, "POST", `${at}/shares`, {
        token: tokens.school,
        body: lawfulShare("Verzuim sinds maart"),
      }),
      "share",
    );
    expectOk(
      await cluster.call(service, "POST", `${at}/agreements`, {
        token: tokens.chair,
        body: agreement("Huisbezoek"),
      }),
      "agree",
    );
    // Every delivery was queued and tried at least once, none delivered: then the process dies.
    await receiver.until(
      () => new Set(receiver!.requests.map((r) => r.headers["webhook-id"])).size >= 3,
    );
    await service.stop("SIGKILL");
    expect(receiver.accepted().size).toBe(0);

    receiver.state.down = false;
    service = await cluster.start("after the kill");
    await receiver.until(() => receiver!.accepted().size >= 3, 60_000);

    const kept = [...receiver.accepted().values()];
    expect(kept.map((r) => JSON.parse(r.body).type).sort()).toEqual([
      "nl.casustafel.agreement.made",
      "nl.casustafel.case.invitation",
      "nl.casustafel.share.received",
    ]);
    for (const request of receiver.requests) expect(verified(request, created.secret)).toBeTruthy();
    expect(receiver.requests.filter((r) => r.status === 204).length).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
