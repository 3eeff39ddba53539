import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_COVENANT_ID, demoOrganisations as ORG } from "../../../src/demo/organisations.js";
import { appendLoadProbes } from "../../support/loadProbes.js";
import { startTestService, type TestService } from "../support/service.js";

const EVENTS = 60_000;
const integrity = `/v1/audit/integrity?covenant=${DEMO_COVENANT_ID}`;

type Report = { intact: boolean; broken: unknown[]; eventsChecked: number };

/** The response's status and when its body had arrived. */
async function timed(request: Promise<Response>): Promise<{ status: number; at: number }> {
  const response = await request;
  await response.arrayBuffer();
  return { status: response.status, at: performance.now() };
}

describe("the privacy officer's integrity check on a large store", () => {
  let service: TestService;
  let officer: string;
  beforeAll(async () => {
    service = await startTestService("sqlite", { seedDemo: true });
    officer = await service.token(ORG.samenwerkingsverband, ["privacy-officer"]);
    const { store } = service.service.system;
    await appendLoadProbes(store, EVENTS);
  }, 120_000);
  afterAll(() => service?.service && service.close());

  it("Given 60,000 events, When the officer asks for the check, Then other requests are answered while it runs", async () => {
    const { store } = service.service.system;
    let started = () => {};
    const reading = new Promise<void>((resolve) => {
      started = resolve;
    });
    const read = store.readStream.bind(store);
    const watched = vi.spyOn(store, "readStream").mockImplementation((...args) => {
      started();
      return read(...args);
    });
    try {
      const check = timed(service.call(officer, "GET", integrity));
      // Asked once the check reads: a check that never yields answers first.
      await reading;
      const health = await timed(fetch(`${service.url}/health`));
      const report = await check;

      expect(report.status).toBe(200);
      expect(health.status).toBe(200);
      // Before the check yielded between pages, /health waited for the whole check.
      expect(health.at).toBeLessThan(report.at);
    } finally {
      watched.mockRestore();
    }
  }, 60_000);

  it("When two officers ask at once, Then both get the one check's full report", async () => {
    const { store } = service.service.system;
    const listed = vi.spyOn(store, "listStreams");
    try {
      const ask = async () => {
        const response = await service.call(officer, "GET", integrity);
        return { status: response.status, body: (await response.json()) as Report };
      };
      const [first, second] = await Promise.all([ask(), ask()]);
      expect(first).toEqual(second);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ intact: true, broken: [] });
      expect(first.body.eventsChecked).toBeGreaterThan(EVENTS);
      // Fewer than 500 streams: one listing for the one check, not one per question.
      expect(listed).toHaveBeenCalledTimes(1);
    } finally {
      listed.mockRestore();
    }
  }, 60_000);
});
