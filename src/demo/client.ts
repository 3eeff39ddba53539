import { randomUUID } from "node:crypto";
import type { Role } from "../api/http/auth/claims.js";
import { mintDevToken } from "../api/http/auth/devTokens.js";
import type { Config } from "../config.js";

/** One answer of the API: status and parsed JSON body (undefined when empty). */
export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the demo reads fields the OpenAPI document names
  body: any;
}

/** The demo's users share one notion of "the latest write", so every read sees it (Min-Position). */
export interface DemoSession {
  config: Config;
  url: string;
  position?: string;
}

/** A user of one organisation with one role, talking to the API as a partner system would. */
export interface DemoUser {
  organisationId: string;
  role: Role;
  /** A read; the status says what the caller may know (404 for a case it may not see). */
  get(path: string): Promise<Answer>;
  /** A write that must succeed: a refusal stops the demo with the API's problem. */
  send(
    method: "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  /** A document download (PDF, iCalendar): status and bytes. */
  download(path: string): Promise<{ status: number; bytes: Buffer }>;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

export async function demoUser(
  session: DemoSession,
  organisationId: string,
  role: Role,
  userId: string,
): Promise<DemoUser> {
  const token = await mintDevToken(session.config, {
    organisationId,
    roles: [role],
    userId,
    ttl: "15m",
  });
  const authorization = `Bearer ${token}`;
  return {
    organisationId,
    role,
    get: async (path) => {
      const wait: Record<string, string> = session.position
        ? { "min-position": session.position }
        : {};
      return answerOf(
        await fetch(`${session.url}${path}`, { headers: { authorization, ...wait } }),
      );
    },
    download: async (path) => {
      const response = await fetch(`${session.url}${path}`, { headers: { authorization } });
      return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
    },
    send: async (method, path, body, headers = {}) => {
      const response = await fetch(`${session.url}${path}`, {
        method,
        headers: {
          authorization,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          // Partner systems retry safely with an Idempotency-Key; the demo does as they should.
          ...(method === "POST" ? { "idempotency-key": `demo-${randomUUID()}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = await answerOf(response);
      if (!response.ok) {
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      session.position = response.headers.get("position") ?? session.position;
      return answer;
    },
  };
}
