import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problemOf, startTestApi, type TestApi, thingOf } from "./support/testApi.js";

// A route may answer with a document (a PDF, an invite) instead of JSON: its bytes, its media
// type, and a filename that the runner lets through only when it is plain.

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi();
  token = await t.token("org-school", ["professional"]);
});
afterAll(() => t.close());

const authorised = () => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });
const thingLabelled = (label: string) =>
  thingOf(
    fetch(`${t.url}/v1/things`, {
      method: "POST",
      headers: authorised(),
      body: JSON.stringify({ label, count: 1 }),
    }),
  );

describe("a document response", () => {
  it("Given a thing with a plain label, when its card is asked, then the bytes come as text/calendar to be saved under that name", async () => {
    const { id } = await thingLabelled("agenda-2026");

    const response = await fetch(`${t.url}/v1/things/${id}/card.ics`, { headers: authorised() });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="agenda-2026.ics"',
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("SUMMARY:agenda-2026");
  });

  it.each([
    ["a header break", "x\r\nSet-Cookie: a=b"],
    ["a quote", "x\" ; filename*=UTF-8''evil"],
    ["a path", "../../etc/passwd"],
    ["a name", "Sem de Vries"],
  ])(
    "Given a label with %s, when the card is asked, then no file leaves and the label is not echoed",
    async (_what, label) => {
      const { id } = await thingLabelled(label);

      const response = await fetch(`${t.url}/v1/things/${id}/card.ics`, { headers: authorised() });

      expect(response.status).toBe(500);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect(JSON.stringify(await problemOf(response))).not.toContain(label);
    },
  );

  it("Given the OpenAPI document, then the card is documented by its media type", async () => {
    const document = (await (await fetch(`${t.url}/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: object }> } }>;
    };
    const card = document.paths["/v1/things/{thingId}/card.ics"]!.get.responses["200"]!;

    expect(card.content).toEqual({ "text/calendar": {} });
  });
});
