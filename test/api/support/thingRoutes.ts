import { randomUUID } from "node:crypto";
import { z } from "zod";
import { documentResponse } from "../../../src/api/http/documentResponse.js";
import { defineRoute, type Route } from "../../../src/api/http/routeDefinition.js";
import { DomainError } from "../../../src/domain/domainError.js";
import type { EventStore } from "../../../src/store/eventStore.js";

/** A test-only resource: enough surface to exercise every piece of the HTTP infrastructure. */
const thing = z
  .strictObject({ id: z.uuid(), label: z.string(), count: z.int() })
  .meta({ id: "Thing" });
const newThing = z.strictObject({
  label: z.string().min(1).max(200),
  count: z.int().min(0).max(1000),
  tags: z.array(z.string().max(20)).max(10).optional(),
  detail: z.strictObject({ note: z.string().max(100) }).optional(),
});
const thingParams = z.object({ thingId: z.uuid() });
const ok = z.strictObject({ ok: z.boolean() });

function thingFrom(id: string, data: Record<string, unknown>) {
  return { id, label: String(data.label), count: Number(data.count) };
}

export function thingRoutes(store: EventStore): Route[] {
  const recordThing = defineRoute({
    method: "post",
    path: "/v1/things",
    summary: "Record a thing",
    tags: ["things"],
    roles: ["professional", "chair"],
    body: newThing,
    responses: { 201: thing },
  }).handle(async ({ body, caller }) => {
    const id = randomUUID();
    const data = { label: body.label, count: body.count };
    const actor = {
      userId: caller.userId,
      organisationId: caller.organisationId,
      role: caller.roles[0]!,
    };
    const event = { eventId: randomUUID(), type: "ThingRecorded", data, metadata: { actor } };
    const written = await store.append(`thing-${id}`, [event], { expectedRevision: "no_stream" });
    return {
      status: 201,
      body: thingFrom(id, data),
      etag: written.nextRevision,
      position: written.position,
      location: `/v1/things/${id}`,
    };
  });

  const readThing = defineRoute({
    method: "get",
    path: "/v1/things/{thingId}",
    summary: "Read a thing",
    tags: ["things"],
    params: thingParams,
    responses: { 200: thing },
    problems: ["not_found"],
  }).handle(async ({ params }) => {
    const last = (await store.readStream(`thing-${params.thingId}`)).at(-1);
    if (!last) throw new DomainError("not_found", "thing_exists", params.thingId);
    return { status: 200, body: thingFrom(params.thingId, last.data), etag: last.revision };
  });

  const replaceThing = defineRoute({
    method: "put",
    path: "/v1/things/{thingId}",
    summary: "Replace a thing",
    tags: ["things"],
    params: thingParams,
    body: newThing,
    responses: { 200: thing },
  }).handle(async ({ params, body, expectedRevision }) => {
    const data = { label: body.label, count: body.count };
    const event = { eventId: randomUUID(), type: "ThingReplaced", data };
    const written = await store.append(`thing-${params.thingId}`, [event], {
      expectedRevision: expectedRevision ?? "exists",
    });
    return {
      status: 200,
      body: thingFrom(params.thingId, data),
      etag: written.nextRevision,
      position: written.position,
    };
  });

  // Names its file after the label, as a careless route would: the runner must stop an unsafe name.
  const thingCard = defineRoute({
    method: "get",
    path: "/v1/things/{thingId}/card.ics",
    summary: "A thing as a calendar file, named after its label",
    tags: ["things"],
    params: thingParams,
    responses: { 200: documentResponse("text/calendar", "The thing's card") },
    problems: ["not_found"],
  }).handle(async ({ params }) => {
    const last = (await store.readStream(`thing-${params.thingId}`)).at(-1);
    if (!last) throw new DomainError("not_found", "thing_exists", params.thingId);
    const label = String(last.data.label);
    return { status: 200, body: { content: `SUMMARY:${label}`, filename: `${label}.ics` } };
  });

  const refuse = defineRoute({
    method: "post",
    path: "/v1/refusals",
    summary: "Always refused by a domain rule",
    tags: ["things"],
    responses: { 204: null },
  }).handle(async () => {
    throw new DomainError("share_refused", "recipient_must_be_participant", "org-x");
  });

  const adminReport = defineRoute({
    method: "get",
    path: "/v1/admin-report",
    summary: "Admins only",
    tags: ["things"],
    roles: ["admin"],
    responses: { 200: ok },
  }).handle(async () => ({ status: 200, body: { ok: true } }));

  const failure = defineRoute({
    method: "get",
    path: "/v1/failure",
    summary: "Fails unexpectedly",
    tags: ["things"],
    responses: { 200: ok },
  }).handle(async ({ log }) => {
    // Personal fields logged through the route's own logger must be redacted (logging.test.ts).
    log.warn({ subject: { name: "Jansen-Secret" } }, "about to fail");
    throw new Error("database said: Jansen-Secret not found");
  });

  const drifting = defineRoute({
    method: "get",
    path: "/v1/drifting",
    summary: "Its presenter leaks a field the schema does not document",
    tags: ["things"],
    responses: { 200: ok },
  }).handle(async () => ({ status: 200, body: { ok: true, subjectName: "x" } as { ok: boolean } }));

  // Shaped like the errors of http-errors and body-parser: a status on an ordinary Error.
  const libraryRefusal = defineRoute({
    method: "get",
    path: "/v1/library-refusal",
    summary: "Fails with a library error that carries a 4xx status",
    tags: ["things"],
    responses: { 200: ok },
  }).handle(async () => {
    throw Object.assign(new Error("Range Not Satisfiable"), { status: 416, statusCode: 416 });
  });

  const slow = defineRoute({
    method: "get",
    path: "/v1/slow",
    summary: "Takes a while, then reads the store, for graceful shutdown",
    tags: ["things"],
    public: true,
    query: z.object({ ms: z.coerce.number().int().min(0).max(5000) }),
    responses: { 200: z.strictObject({ waited: z.int() }) },
  }).handle(async ({ query }) => {
    await new Promise((resolve) => setTimeout(resolve, query.ms));
    // Touches the store at the end, so a store closed before the drain would fail this request.
    await store.headPosition();
    return { status: 200, body: { waited: query.ms } };
  });

  return [
    recordThing,
    readThing,
    replaceThing,
    thingCard,
    refuse,
    adminReport,
    failure,
    drifting,
    libraryRefusal,
    slow,
  ];
}
