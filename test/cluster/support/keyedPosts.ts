import { randomInt } from "node:crypto";
import { type CallOptions, call } from "./cluster.js";
import { agreement, lawfulShare, openCaseBody, type Tokens } from "./scenario.js";
import type { ServiceProcess } from "./serviceProcess.js";

/** What each kind of keyed POST creates, and the event that records it. */
export const EFFECTS = {
  open: { idField: "caseId", event: "CaseOpened" },
  share: { idField: "shareId", event: "InformationShared" },
  agreement: { idField: "agreementId", event: "AgreementMade" },
} as const;
export type Kind = keyof typeof EFFECTS;

/** One keyed POST, kept by its client so it can be sent again. */
export interface KeyedPost {
  kind: Kind;
  path: string;
  options: CallOptions & { headers: { "idempotency-key": string } };
}

/** An answer reduced to what a replay must repeat, plus whether it says it was one. */
export interface Answer {
  status: number;
  etag: string | null;
  position: string | null;
  location: string | null;
  body: Record<string, unknown> | undefined;
  replayed: boolean;
}

/** A sent POST and its answer; no answer means in doubt: the process died before it replied. */
export interface Sent {
  post: KeyedPost;
  answer?: Answer;
}

export async function send(service: ServiceProcess, post: KeyedPost): Promise<Answer> {
  const exchange = await call(service, "POST", post.path, post.options);
  return {
    status: exchange.status,
    etag: exchange.headers.get("etag"),
    position: exchange.headers.get("position"),
    location: exchange.headers.get("location"),
    body: exchange.body,
    replayed: exchange.headers.get("idempotent-replayed") === "true",
  };
}

/** The parts of an answer a replay repeats exactly. */
export const asFirstTime = ({ replayed: _, ...answer }: Answer) => answer;

/**
 * A random keyed POST: a new case, a share or an agreement on one of `cases` (so clients
 * contend for the same streams). Every key is new.
 */
export function keyedPosts(tokens: Tokens, cases: readonly string[], prefix: string) {
  let n = 0;
  return (): KeyedPost => {
    const key = `${prefix}-${n++}`;
    const caseId = cases[randomInt(cases.length)]!;
    const draw = randomInt(4);
    if (draw === 0) {
      return post("open", "/v1/cases", tokens.school, key, openCaseBody(n));
    }
    if (draw === 1) {
      const body = agreement(`Afspraak ${key}`);
      return post("agreement", `/v1/cases/${caseId}/agreements`, tokens.chair, key, body);
    }
    const body = lawfulShare(`Gedeeld onder ${key}`);
    return post("share", `/v1/cases/${caseId}/shares`, tokens.school, key, body);
  };
}

function post(kind: Kind, path: string, token: string, key: string, body: unknown): KeyedPost {
  return { kind, path, options: { token, body, headers: { "idempotency-key": key } } };
}

/**
 * `clients` clients each send POSTs one after another until the service stops answering.
 * `stopped` resolves with every POST sent, the last of each client in doubt.
 */
export function sendUntilDown(service: ServiceProcess, clients: number, next: () => KeyedPost) {
  const sent: Sent[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  let answered = 0;
  const client = async () => {
    for (;;) {
      const entry: Sent = { post: next() };
      sent.push(entry);
      try {
        entry.answer = await send(service, entry.post);
      } catch {
        return;
      }
      answered++;
      for (const wait of waiting.filter((w) => w.count <= answered)) wait.resolve();
    }
  };
  const stopped = Promise.all(Array.from({ length: clients }, client)).then(() => sent);
  return {
    stopped,
    /** Resolves once `count` POSTs have been answered (or the service stopped answering). */
    answered: (count: number) =>
      Promise.race([
        stopped,
        new Promise<void>((resolve) => {
          if (answered >= count) resolve();
          else waiting.push({ count, resolve });
        }),
      ]),
  };
}
