import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT, type DemoCase, ORG, startWithDemoCase } from "./support/demoCase.js";

// Rule 5 as a timeline: when an organisation's view of a case changed, and by which event.
// The timeline must end where the point-in-time answer stands, for every organisation.

interface Item {
  id: string;
}
interface Change {
  at: string;
  eventType: string | null;
  access: string;
  gained: Item[];
  lost: Item[];
}

let demo: DemoCase;
beforeAll(async () => {
  demo = await startWithDemoCase();
}, 60_000);
afterAll(() => demo?.service.close());

async function asked(officerOf: string, path: string) {
  const token = await demo.service.token(officerOf, ["privacy-officer"], `fg-${officerOf}`);
  const response = await demo.service.call(token, "GET", path);
  // biome-ignore lint/suspicious/noExplicitAny: bodies are read field by field; the schema test types them
  return { status: response.status, body: (await response.json()) as any };
}

const visibility = () => `/v1/audit/cases/${demo.ids.caseId}/visibility`;

/** The items the timeline leaves an organisation with, applied change by change. */
const replayed = (changes: Change[]) => {
  const items = new Set<string>();
  for (const change of changes) {
    for (const item of change.lost) items.delete(item.id);
    for (const item of change.gained) items.add(item.id);
  }
  return [...items].sort();
};

describe("the visibility changes of a case", () => {
  it("Given the demo case, when the covenant's officer asks leerplicht's changes, then its joining and the police share are named as the events that widened its view", async () => {
    const { status, body } = await asked(
      ORG.samenwerkingsverband,
      `${visibility()}/changes?organisation=${ORG.leerplicht}`,
    );

    expect(status).toBe(200);
    const changes = body.changes as Change[];
    const byEvent = (type: string) => changes.filter((change) => change.eventType === type);
    expect(byEvent("PartnerJoined")[0]?.access).toBe("case");
    const share = `share:${demo.ids.policeShareId}`;
    expect(byEvent("InformationShared").some((c) => c.gained.some((i) => i.id === share))).toBe(
      true,
    );
    expect(JSON.stringify(body)).not.toMatch(new RegExp(CONTENT.join("|")));
  });

  it.each([
    ["leerplicht", ORG.leerplicht],
    ["the school", ORG.secondarySchool],
    ["the police", ORG.police],
    ["youth work, invited only", ORG.jongerenwerk],
    ["halt, never part of it", ORG.halt],
  ])(
    "Given %s, when its changes are replayed, then they end where the point-in-time answer stands",
    async (_who, organisation) => {
      const at = new Date().toISOString();
      const query = `organisation=${organisation}&at=${encodeURIComponent(at)}`;

      const [timeline, moment] = await Promise.all([
        asked(ORG.samenwerkingsverband, `${visibility()}/changes?${query}`),
        asked(ORG.samenwerkingsverband, `${visibility()}?${query}`),
      ]);

      const changes = timeline.body.changes as Change[];
      expect(replayed(changes)).toEqual(moment.body.items.map((item: Item) => item.id).sort());
      expect(changes.at(-1)?.access ?? "none").toBe(moment.body.access);
    },
  );

  it("Given any moment at, just before or just after an event that changed a view, then the timeline up to it ends where the point-in-time answer stands", async () => {
    const organisations = [ORG.leerplicht, ORG.police, ORG.secondarySchool, ORG.jongerenwerk];
    const all = await Promise.all(
      organisations.map((o) =>
        asked(ORG.samenwerkingsverband, `${visibility()}/changes?organisation=${o}`),
      ),
    );
    const instants = all.flatMap(({ body }) =>
      (body.changes as Change[]).map((c) => Date.parse(c.at)),
    );
    const moments = fc
      .tuple(fc.constantFrom(...instants), fc.constantFrom(-1, 0, 1))
      .map(([instant, shift]) => new Date(instant + shift).toISOString());

    await fc.assert(
      fc.asyncProperty(moments, fc.constantFrom(...organisations), async (at, organisation) => {
        const query = `organisation=${organisation}&at=${encodeURIComponent(at)}`;
        const [timeline, moment] = await Promise.all([
          asked(ORG.samenwerkingsverband, `${visibility()}/changes?${query}`),
          asked(ORG.samenwerkingsverband, `${visibility()}?${query}`),
        ]);
        const changes = timeline.body.changes as Change[];
        expect(replayed(changes)).toEqual(moment.body.items.map((item: Item) => item.id).sort());
        expect(changes.every((change) => Date.parse(change.at) <= Date.parse(at))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("Given a moment before the case, then nothing changed; given a member's officer asking about another organisation, then 403", async () => {
    const before = await asked(
      ORG.samenwerkingsverband,
      `${visibility()}/changes?organisation=${ORG.leerplicht}&at=2000-01-01T00:00:00Z`,
    );
    expect(before.body.changes).toEqual([]);
    const other = await asked(
      ORG.secondarySchool,
      `${visibility()}/changes?organisation=${ORG.police}`,
    );
    expect(other.status).toBe(403);
  });
});
