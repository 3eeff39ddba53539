import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";
import { DEMO_COVENANT_ID, type DemoCase, ORG, startWithDemoCase } from "../support/demoCase.js";
import type { StoreKind } from "../support/service.js";

const cursorOfText = (text: string) => Buffer.from(text).toString("base64url");

/** Cursors this service never hands out: malformed, out of range, built-in names, plain text. */
const BAD_CURSORS = [
  "",
  "not a cursor",
  ...BUILTIN_NAMES,
  ...["0.0", "-1.0", "1.-1", "1", "1.", ".1", "01.0", "1.01", "1.0 ", "9223372036854775808.0"].map(
    cursorOfText,
  ),
  "x".repeat(65),
  "%00",
];
const BAD_LIMITS = ["0", "-1", "1001", "abc", "1.5", "NaN", "Infinity", "", "１０"];

const hostileCursor = fc.oneof(
  fc.constantFrom(...BAD_CURSORS),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .tuple(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.integer())
    .map(([p, n]) => cursorOfText(`${p}.${n}`)),
);
const hostileLimit = fc.oneof(
  fc.constantFrom(...BAD_LIMITS),
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
);

type Body = { items: unknown[]; next?: string | null; next_cursor?: string | null };

describe.each<StoreKind>(["sqlite", "postgres"])("paged audit answers on %s", (kind) => {
  let demo: DemoCase;
  let officer: string;
  beforeAll(async () => {
    demo = await startWithDemoCase(kind);
    officer = await demo.service.token(ORG.samenwerkingsverband, ["privacy-officer"], "fg");
    const mentor = await demo.service.token(ORG.secondarySchool, ["professional"], "mentor");
    for (let i = 0; i < 4; i++) {
      const read = await demo.service.call(mentor, "GET", `/v1/cases/${demo.ids.caseId}`);
      expect(read.status).toBe(200);
    }
  }, 60_000);
  afterAll(() => demo?.service.close());

  const get = async (path: string) => {
    const response = await demo.service.call(officer, "GET", path);
    return { response, body: (await response.json()) as Body & Record<string, unknown> };
  };
  const ldv = async (fields: Record<string, unknown>) => {
    const response = await demo.service.call(officer, "POST", "/v1/ldv/processing-activities", {
      covenant: DEMO_COVENANT_ID,
      data_subject_id: await subjectOfDemo(),
      ...fields,
    });
    return { response, body: (await response.json()) as Body & Record<string, unknown> };
  };
  const subjectOfDemo = async () => {
    const { body } = await get(`/v1/ldv/nen7513?covenant=${DEMO_COVENANT_ID}`);
    return (body.items[0] as { participantObjectId: string }).participantObjectId;
  };

  test("given pages of every size, when the next links are followed, then the pages together are the unpaged answer", async () => {
    const subject = await subjectOfDemo();
    const paths = [
      `/v1/audit/access?covenant=${DEMO_COVENANT_ID}`,
      `/v1/ldv/nen7513?covenant=${DEMO_COVENANT_ID}&subject=${subject}`,
      `/v1/audit/disclosures?covenant=${DEMO_COVENANT_ID}`,
    ];
    const whole = await Promise.all(paths.map(async (path) => (await get(path)).body));
    for (const body of whole) expect(body.next).toBeNull();
    // The story shares twice: pages of one make two; the logs hold more.
    expect(whole.map((body) => body.items.length >= 2)).toEqual([true, true, true]);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1, 2),
        fc.integer({ min: 1, max: 4 }),
        async (i, limit) => {
          // Reading the register records reads (rule 8): the logs are asked whole again first.
          const unpaged = (await get(paths[i]!)).body;
          const items: unknown[] = [];
          let next: string | null | undefined = `${paths[i]}&limit=${limit}`;
          while (next) {
            const { body } = await get(next);
            expect(body.items.length).toBeLessThanOrEqual(limit);
            items.push(...body.items);
            next = body.next;
          }
          expect(items).toEqual(unpaged.items);
        },
      ),
      { numRuns: 18 },
    );
  });

  test("given the LDV query in pages, when each next_cursor is sent back, then the pages together are the unpaged answer", async () => {
    const whole = (await ldv({})).body;
    expect(whole.items.length).toBeGreaterThanOrEqual(3);
    expect(whole.next_cursor).toBeNull();
    const items: unknown[] = [];
    let cursor: string | null | undefined;
    do {
      const { body }: { body: Body } = await ldv({ limit: 2, ...(cursor ? { cursor } : {}) });
      items.push(...body.items);
      cursor = body.next_cursor;
    } while (cursor);
    expect(items).toEqual(whole.items);
  });

  test("when a cursor or limit is hostile, then the answer is a page or a 400 problem naming that field, never a 5xx", async () => {
    const named = async (
      { response, body }: { response: Response; body: Record<string, unknown> },
      field: string,
    ) => {
      expect(response.status, field).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const errors = body.errors as { path: string }[];
      expect(errors.map((error) => error.path)).toContain(`/${field}`);
    };
    for (const cursor of BAD_CURSORS) {
      for (const register of ["/v1/audit/access", "/v1/audit/disclosures", "/v1/audit/cases"]) {
        const path = `${register}?covenant=${DEMO_COVENANT_ID}&cursor=${encodeURIComponent(cursor)}`;
        await named(await get(path), "cursor");
      }
      await named(await ldv({ cursor }), "cursor");
    }
    for (const limit of BAD_LIMITS) {
      const nen = `/v1/ldv/nen7513?covenant=${DEMO_COVENANT_ID}`;
      await named(await get(`${nen}&limit=${encodeURIComponent(limit)}`), "limit");
    }
    await fc.assert(
      fc.asyncProperty(hostileCursor, hostileLimit, async (cursor, limit) => {
        const query = `cursor=${encodeURIComponent(cursor)}&limit=${encodeURIComponent(limit)}`;
        const paged = [
          "/v1/audit/access",
          "/v1/audit/disclosures",
          "/v1/audit/cases",
          "/v1/ldv/nen7513",
        ];
        for (const path of [...paged, "/v1/ldv/nen7513.csv"]) {
          const { status } = await demo.service.call(
            officer,
            "GET",
            `${path}?covenant=${DEMO_COVENANT_ID}&${query}`,
          );
          expect([200, 400]).toContain(status);
        }
        const { response } = await ldv({
          cursor,
          limit: Number(limit),
          data_subject_id: `${cursor}\u0000`,
        });
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 40 },
    );
  });
});
