import createClient, { type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema";

export type Api = ReturnType<typeof createClient<paths>>;
export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];

/** The JSON body an operation takes, e.g. `RequestBody<"postCases">`. */
export type RequestBody<Operation extends keyof operations> = operations[Operation] extends {
  requestBody: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/**
 * The console's only way to the service: typed from the route table, so a changed route or
 * schema breaks `npm run typecheck`. It adds the bearer token, and after a write it sends
 * `Min-Position` so the next read sees that write (read-your-writes across processes).
 */
export function apiClient(token: () => string | undefined): Api {
  let lastWrite: bigint | undefined;
  const middleware: Middleware = {
    onRequest({ request }) {
      const current = token();
      if (current) request.headers.set("Authorization", `Bearer ${current}`);
      if (request.method === "GET" && lastWrite !== undefined) {
        request.headers.set("Min-Position", lastWrite.toString());
      }
      return request;
    },
    onResponse({ response }) {
      const position = response.headers.get("Position");
      if (position && /^\d+$/.test(position)) {
        const written = BigInt(position);
        if (lastWrite === undefined || written > lastWrite) lastWrite = written;
      }
      return response;
    },
  };
  const client = createClient<paths>({ baseUrl: window.location.origin });
  client.use(middleware);
  return client;
}
