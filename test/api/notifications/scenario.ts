import { Webhook } from "standardwebhooks";
import { expect, vi } from "vitest";
import { SqliteEventStore } from "../../../src/store/sqlite/eventStore.js";
import { agreement, lawfulShare, ORG, openCaseBody } from "../../cluster/support/scenario.js";
import type { TestService } from "../support/service.js";
import type { Received } from "./receiver.js";

export { ORG };

const contact = { name: "Karim El Amrani", function: "wijkcoach", reach: "karim@wijk.nl" };
const SHARED = "Sinds maart elf lesuren verzuim, moeder overweegt verhuizing naar Tiel";
const AGREED = "Huisbezoek bij de familie Yilmaz plannen";

/** Every personal or content value the case below stores: none may leave in a notification. */
export const PERSONAL = [
  openCaseBody(7).subject.name,
  openCaseBody(7).subject.dateOfBirth,
  openCaseBody(7).subject.school,
  openCaseBody(7).contact.name,
  openCaseBody(7).contact.reach,
  openCaseBody(7).description,
  "Graag aansluiten bij Leerling 7",
  contact.name,
  contact.reach,
  SHARED,
  lawfulShare(SHARED).necessity,
  AGREED,
];

async function ok(response: Response, what: string) {
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

/**
 * The school opens a case; the chair invites the wijkteam, which joins; the school shares
 * with it; the chair records an agreement the wijkteam owns. Three things the wijkteam must
 * hear of, nothing for the police.
 */
export async function playCase(service: TestService) {
  const school = await service.token(ORG.school, ["professional"]);
  const chair = await service.token(ORG.chair, ["chair"]);
  const wijkteam = await service.token(ORG.wijkteam, ["professional"]);
  const opened = await ok(await service.call(school, "POST", "/v1/cases", openCaseBody(7)), "open");
  const caseId = opened.caseId as string;
  const at = `/v1/cases/${caseId}`;
  const invitation = { organisationId: ORG.wijkteam, message: "Graag aansluiten bij Leerling 7" };
  await ok(await service.call(chair, "POST", `${at}/invitations`, invitation), "invite");
  await ok(await service.call(wijkteam, "POST", `${at}/participants`, { contact }), "join");
  const share = await ok(
    await service.call(school, "POST", `${at}/shares`, lawfulShare(SHARED)),
    "share",
  );
  const made = await ok(
    await service.call(chair, "POST", `${at}/agreements`, agreement(AGREED)),
    "agree",
  );
  return { caseId, shareId: share.shareId as string, agreementId: made.agreementId as string };
}

/** An admin of `organisationId` subscribes `url` to every notification type. */
export async function subscribe(
  service: TestService,
  organisationId: string,
  url: string,
  types?: string[],
) {
  const admin = await service.token(organisationId, ["admin"]);
  const notificationTypes = types ?? [
    "case.invitation",
    "share.received",
    "agreement.made",
    "possible-match.found",
  ];
  return service.call(admin, "POST", "/v1/webhooks", { url, notificationTypes });
}

/** The receiver's side of Standard Webhooks: the library's verifier, with the secret shown once. */
export function verified(request: Received, secret: string) {
  const headers = {
    "webhook-id": String(request.headers["webhook-id"]),
    "webhook-timestamp": String(request.headers["webhook-timestamp"]),
    "webhook-signature": String(request.headers["webhook-signature"]),
  };
  return new Webhook(secret).verify(request.body, headers) as Record<string, unknown>;
}

/** No personal value in a body or header the receiver got. */
export function expectNoPersonalValue(requests: readonly Received[]) {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    const seen = `${JSON.stringify(request.headers)}\n${request.body}\n${request.path}`;
    for (const value of PERSONAL)
      expect(seen, "a personal value left the service").not.toContain(value);
  }
}

/** Asks again every 50 ms until the answer satisfies `done`; fails with the last answer after timeoutMs. */
export async function eventually<T>(
  ask: () => Promise<T>,
  done: (answer: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`not reached: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** subscribe, read as the created subscription with its secret. */
export async function subscribed(
  service: TestService,
  organisationId: string,
  url: string,
): Promise<{ subscriptionId: string; secret: string }> {
  const response = await subscribe(service, organisationId, url);
  expect(response.status).toBe(201);
  return response.json() as Promise<{ subscriptionId: string; secret: string }>;
}

export type Listed = {
  deliveries: { deliveryId: string; status: string; attempts: number; lastStatus: number | null }[];
};

/** GET /v1/webhooks/{id}/deliveries as the organisation's admin. */
export async function deliveriesOf(
  service: TestService,
  organisationId: string,
  subscriptionId: string,
  status: string,
): Promise<Listed> {
  const admin = await service.token(organisationId, ["admin"]);
  const path = `/v1/webhooks/${subscriptionId}/deliveries?status=${status}`;
  return (await service.call(admin, "GET", path)).json() as Promise<Listed>;
}

/**
 * Calls `onPage` each time the notification planner asks the SQLite store for a page of events
 * (known by the worker in its stack); `mockRestore()` on the answer ends the watch.
 */
export function watchPlannerPages(onPage: () => void) {
  const read = SqliteEventStore.prototype.readAllExceptReadRecords;
  return vi
    .spyOn(SqliteEventStore.prototype, "readAllExceptReadRecords")
    .mockImplementation(function (this: SqliteEventStore, options) {
      if (new Error().stack?.includes("notifications/worker")) onPage();
      return read.call(this, options);
    });
}
