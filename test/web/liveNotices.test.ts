import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Notice, parseEvents } from "../../web/src/live/eventStream.js";
import { type EntryRef, screenOf } from "../../web/src/worklist/entryScreen.js";

// The console's reading of the worklist's event stream, and where a worklist entry leads:
// both take what the service sends as data, whatever its shape.

/** Values as they could arrive: prototype names, separators, quotes, long strings. */
const hostile = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "..", "../..", "a/b", "%2F", "", " "),
  fc.string({ maxLength: 40 }),
);
const field = hostile.map((text) => text.replace(/[\r\n]/g, ""));

const noticeArb = fc.record({
  id: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
  type: field.filter((type) => type !== ""),
  caseId: field,
  itemId: field,
});

const frame = (notice: Omit<Notice, "id"> & { id: string }, eol: string) =>
  [
    `id: ${notice.id}`,
    `event: ${notice.type}`,
    `data: ${JSON.stringify({ type: notice.type, caseId: notice.caseId, itemId: notice.itemId })}`,
    "",
    "",
  ].join(eol);

/** Reads a stream text in the given pieces, as a network would deliver it. */
function readInPieces(text: string, cuts: number[]): Notice[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  let rest = "";
  const notices: Notice[] = [];
  let from = 0;
  for (const to of [...points, text.length]) {
    const parsed = parseEvents(rest + text.slice(from, to));
    notices.push(...parsed.notices);
    rest = parsed.rest;
    from = to;
  }
  return notices;
}

describe("reading the worklist's event stream", () => {
  test("given notices with hostile ids, when the stream arrives in any pieces and line endings, then each is read once, whole and in order", () => {
    fc.assert(
      fc.property(
        fc.array(noticeArb, { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom("\n", "\r\n"),
        (notices, cuts, eol) => {
          const heartbeat = `: keep-alive${eol}${eol}`;
          const text = heartbeat + notices.map((n) => frame(n, eol) + heartbeat).join("");
          expect(readInPieces(text, cuts)).toEqual(notices);
        },
      ),
    );
  });

  test("given data that is not the JSON the service sends, when it is read, then the notice carries no ids and nothing throws", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          field,
          fc.constant('{"caseId":{"__proto__":{"polluted":1}},"itemId":7}'),
          fc.constant("[1,2]"),
          fc.constant("null"),
        ),
        (data) => {
          const { notices } = parseEvents(`id: 1\nevent: share.received\ndata: ${data}\n\n`);
          expect(notices).toHaveLength(1);
          for (const key of ["caseId", "itemId"] as const) {
            const value = notices[0]![key];
            expect(value === undefined || typeof value === "string").toBe(true);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
    );
  });

  test("given comments and blocks without data, when they are read, then they are no notices", () => {
    const { notices, rest } = parseEvents(": keep-alive\n\nid: 4\nevent: x\n\nretry: 10\n\n");
    expect(notices).toEqual([]);
    expect(rest).toBe("");
  });
});

const KINDS: EntryRef["kind"][] = [
  "invitation",
  "share-received",
  "agreement-due",
  "possible-match",
  "session-upcoming",
  "minutes-to-approve",
  "minutes-to-correct",
  "action-due",
];

const SEGMENTS: Record<EntryRef["kind"], string[]> = {
  invitation: ["casussen", "*"],
  "share-received": ["casussen", "*"],
  "agreement-due": ["casussen", "*", "afspraken", "*"],
  "possible-match": ["koppelingen"],
  "session-upcoming": ["sessies", "*"],
  "minutes-to-approve": ["sessies", "*", "agenda", "*"],
  "minutes-to-correct": ["sessies", "*", "agenda", "*"],
  "action-due": ["werklijst"],
};

describe("where a worklist entry leads", () => {
  test("given any kind and hostile ids, when its screen is made, then the route has that kind's shape and the ids stay inside their segments", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        hostile,
        hostile,
        hostile,
        (kind, caseId, sessionId, itemId) => {
          const entry: EntryRef = { kind, caseId, sessionId, itemId };
          const segments = screenOf(entry).split("/").slice(1);
          const shape = SEGMENTS[kind] ?? [];
          expect(segments).toHaveLength(shape.length);
          shape.forEach((part, index) => {
            if (part !== "*") expect(segments[index]).toBe(part);
            else
              expect([caseId, sessionId, itemId]).toContain(decodeURIComponent(segments[index]!));
          });
        },
      ),
    );
  });
});
