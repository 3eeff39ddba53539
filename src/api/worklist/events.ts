import { setImmediate as nextTurn } from "node:timers/promises";
import type { LiveNotice } from "../../commands/notifications/noticeFeed.js";
import { noticesIn } from "../../commands/notifications/planner.js";
import { HttpProblem } from "../http/problems.js";
import { defineRoute, type EventChannel, type Route } from "../http/routeDefinition.js";
import type { ResourceDeps } from "../resources.js";

const HEARTBEAT_MS = 15_000;
const PAGE = 500;

/** Last-Event-ID is a store position this stream sent; anything else is a malformed request. */
function resumeFrom(header: string | undefined): bigint | undefined {
  if (header === undefined || header === "") return undefined;
  if (!/^\d{1,19}$/.test(header)) {
    throw new HttpProblem("validation", undefined, {
      errors: [
        { in: "header", path: "/last-event-id", message: "must be an event id this stream sent" },
      ],
    });
  }
  return BigInt(header);
}

/**
 * The notices for the organisation since `from`, read back from the store up to `head`, until
 * the client has gone. Read records never give a notice (the planner pages past them too), and
 * each page is followed by a turn of the event loop: a Last-Event-ID from far back replays
 * beside the other requests instead of holding them up.
 */
async function* missed(
  deps: ResourceDeps,
  organisationId: string,
  { from, head }: { from: bigint; head: bigint },
  gone: () => boolean,
) {
  let seen = from;
  while (seen < head && !gone()) {
    const page = (
      await deps.store.readAllExceptReadRecords({ fromPosition: seen, limit: PAGE })
    ).filter((event) => event.position <= head);
    const last = page.at(-1);
    if (last === undefined) return;
    await deps.waitForPosition(last.position, 10_000);
    for (const { notice, event } of noticesIn(page, deps.notifications.lookup)) {
      if (notice.organisations.includes(organisationId)) {
        yield {
          position: event.position,
          type: notice.type,
          caseId: notice.caseId,
          itemId: notice.itemId,
        };
      }
    }
    seen = last.position;
    await nextTurn();
  }
}

/**
 * Live notices first (held back while the missed ones are read), so nothing falls between the
 * replay and the live feed; each goes out once, in position order, as `id: <position>`.
 */
async function streamNotices(
  deps: ResourceDeps,
  organisationId: string,
  from: bigint | undefined,
  channel: EventChannel,
) {
  const held: LiveNotice[] = [];
  let live = false;
  let last = from ?? -1n;
  const emit = (notice: LiveNotice) => {
    if (notice.position <= last) return;
    last = notice.position;
    const { type, caseId, itemId } = notice;
    const data = JSON.stringify({ type, caseId, itemId, position: notice.position.toString() });
    channel.send({ id: notice.position.toString(), event: type, data });
  };
  const unsubscribe = deps.notifications.feed.subscribe(
    organisationId,
    (notice) => (live ? emit(notice) : held.push(notice)),
    () => channel.end(),
  );
  const heartbeat = setInterval(() => channel.comment("keep-alive"), HEARTBEAT_MS);
  let closed = false;
  channel.onClose(() => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
  });
  const head = await deps.store.headPosition();
  if (from === undefined) last = head;
  else {
    const replay = missed(deps, organisationId, { from, head }, () => closed);
    for await (const notice of replay) emit(notice);
  }
  for (const notice of held.sort((a, b) => (a.position < b.position ? -1 : 1))) emit(notice);
  live = true;
}

/** GET /v1/worklist/events: what needs the caller's organisation, pushed as it happens (ids only). */
export function worklistEventsRoute(deps: ResourceDeps): Route {
  return defineRoute({
    method: "get",
    path: "/v1/worklist/events",
    summary: "Notifications for the caller's organisation as Server-Sent Events",
    description:
      "text/event-stream. Each event: `id:` (a store position), `event:` the notification type, `data:` JSON with ids only. Reconnect with Last-Event-ID to receive what was missed.",
    tags: ["worklist"],
    roles: ["professional", "chair"],
    responses: { 200: null },
    problems: ["validation"],
  }).handle(async ({ caller, header, log }) => {
    const from = resumeFrom(header("last-event-id"));
    return {
      status: 200,
      body: undefined,
      stream: (channel) => {
        streamNotices(deps, caller.organisationId, from, channel).catch((error: unknown) => {
          log.error({ err: error }, "notification stream failed");
          channel.end();
        });
      },
    };
  });
}
