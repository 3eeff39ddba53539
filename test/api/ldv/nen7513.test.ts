import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell, NEN_COLUMNS } from "../../../src/api/ldv/nen7513.js";
import { DEMO_COVENANT_ID, type DemoCase, ORG, startWithDemoCase } from "../support/demoCase.js";

/** NEN 7513's fields for an entry: what happened, when, with what outcome, by whom, on whose record, why and under which authority. */
const NEN_FIELDS = {
  eventAction: /^[CRUD]$/,
  eventDateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  eventOutcome: /^(0|4)$/,
  purposeOfUse: /^[a-z0-9][a-z0-9-]*$/,
  participantObjectId: /^[0-9a-f-]{36}$/,
  participantObjectIdType: /^casustafel-subject-pseudonym$/,
  authorisationProtocol: /^legal-basis:\S+( rule:\S+)*$/,
  processingActivity: /\/processing-activities\/[a-z0-9-]+\/versions\/\d+$/,
  source: /^casustafel$/,
};

/** RFC 4180 rows: quoted cells, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  return text
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) =>
      [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)].map((m) =>
        (m[1] ?? m[2]!).replaceAll('""', '"'),
      ),
    );
}

const FORMULA = '=HYPERLINK("https://evil.example","klik")';

describe("Given the demo case read by a user whose id looks like a formula", () => {
  let demo: DemoCase;
  const officer = () => demo.service.token(ORG.samenwerkingsverband, ["privacy-officer"], "fg-swv");
  const get = async (path: string) => demo.service.call(await officer(), "GET", path);

  beforeAll(async () => {
    demo = await startWithDemoCase("sqlite");
    const hostile = await demo.service.token(ORG.secondarySchool, ["professional"], FORMULA);
    expect((await demo.service.call(hostile, "GET", `/v1/cases/${demo.ids.caseId}`)).status).toBe(
      200,
    );
  }, 90_000);
  afterAll(() => demo?.service.close());

  it("when the NEN 7513 export is asked as JSON, then every entry has every field of the norm", async () => {
    const response = await get(`/v1/ldv/nen7513?covenant=${DEMO_COVENANT_ID}`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, string | null>[] };
    expect(items.length).toBeGreaterThan(0);
    for (const entry of items) {
      for (const [field, pattern] of Object.entries(NEN_FIELDS))
        expect(entry[field]).toMatch(pattern);
      expect(Object.keys(entry).sort()).toEqual([...NEN_COLUMNS].sort());
      if (entry.eventAction === "R") {
        expect(entry.userId).toBeTruthy();
        expect(entry.userRole).toBeTruthy();
        expect(entry.userOrganisation).toBeTruthy();
      }
    }
    // The police's share names its basis and the covenant's sharing rule that allowed it.
    const shares = items.filter((entry) => entry.eventAction === "C");
    const police = shares.filter((entry) => entry.userOrganisation === ORG.police);
    expect(police.map((entry) => entry.authorisationProtocol)).toEqual([
      expect.stringMatching(/^legal-basis:wpg-20 rule:[a-z0-9-]+$/),
    ]);
  });

  it("when it is asked as CSV, then the header is the field list and no cell can run as a formula", async () => {
    const response = await get(`/v1/ldv/nen7513.csv?covenant=${DEMO_COVENANT_ID}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual([...NEN_COLUMNS]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(NEN_COLUMNS.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const userIds = rows.map((row) => row[NEN_COLUMNS.indexOf("userId")]);
    expect(userIds).toContain(`'${FORMULA}`);
  });

  it("when the CSV is asked two entries at a time, then each page's Link names the next, the last has none, and together they are the whole export", async () => {
    const whole = parseCsv(
      await (await get(`/v1/ldv/nen7513.csv?covenant=${DEMO_COVENANT_ID}`)).text(),
    );
    expect(whole.length).toBeGreaterThan(3);
    const rows: string[][] = [];
    let path: string | null = `/v1/ldv/nen7513.csv?covenant=${DEMO_COVENANT_ID}&limit=2`;
    let pages = 0;
    while (path !== null) {
      const response = await get(path);
      expect(response.status).toBe(200);
      const [header, ...page] = parseCsv(await response.text());
      expect(header).toEqual([...NEN_COLUMNS]);
      rows.push(...page);
      pages++;
      const link = response.headers.get("link");
      path =
        link === null ? null : /^<(\/v1\/ldv\/nen7513\.csv\?[^>]+)>; rel="next"$/.exec(link)![1]!;
    }
    expect(pages).toBe(Math.ceil((whole.length - 1) / 2));
    expect(rows).toEqual(whole.slice(1));
  });

  it("when hostile filters are sent, then the answer is 200 or a 400 problem, never 5xx", async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom("__proto__", "constructor", "2026-02-30T25:00:00Z", "%", "\u0000"),
    );
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.constantFrom("subject", "from", "to", "covenant"),
        async (value, field) => {
          const params = new URLSearchParams({ covenant: DEMO_COVENANT_ID, [field]: value });
          const response = await get(`/v1/ldv/nen7513?${params}`);
          expect([200, 400, 404]).toContain(response.status);
          await response.body?.cancel();
        },
      ),
      { numRuns: 40 },
    );
    const body = fc.record(
      {
        trace_id: fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[0-9a-f]{32}$/)),
        processing_activity_id: fc.string({ maxLength: 80 }),
        data_subject_id: fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom("__proto__", "constructor"),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (query) => {
        const response = await demo.service.call(
          await officer(),
          "POST",
          "/v1/ldv/processing-activities",
          {
            covenant: DEMO_COVENANT_ID,
            ...query,
          },
        );
        expect([200, 400]).toContain(response.status);
        await response.body?.cancel();
      }),
      { numRuns: 40 },
    );
  });
});

describe("csvCell", () => {
  it("Given any text, then the cell is quoted, reads back as the text, and never starts a formula", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")),
        (text) => {
          const cell = csvCell(text);
          expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
          const inner = cell.slice(1, -1).replaceAll('""', '"');
          expect(inner).not.toMatch(/^[=+\-@\t\r]/);
          expect(inner === text || inner === `'${text}`).toBe(true);
        },
      ),
    );
  });
});
