import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AccessRecord } from "../../../../src/privacy/accessRecords.js";
import { CONTENT, type DemoCase, ORG, startWithDemoCase } from "../../support/demoCase.js";
import { icsLines, icsValue } from "./icsLines.js";
import { pdfText } from "./pdfText.js";

// The demo's case meeting, from before sessions, is a session with one item: its documents
// come from the same routes, through the same policy, and each PDF leaves its access record.

let demo: DemoCase;
let sessionId: string;
const tokenOf = (org: string) => demo.service.token(org, ["professional"], `user-${org}`);
const download = async (org: string, path: string) =>
  demo.service.call(await tokenOf(org), "GET", path);
const accessRecords = () =>
  demo.service.service.system.store.readStream(`access-${demo.ids.caseId}`);

beforeAll(async () => {
  demo = await startWithDemoCase("sqlite");
  sessionId = demo.ids.meetingId;
}, 120_000);
afterAll(() => demo?.service.close());

describe("the minutes of a case meeting from before sessions", () => {
  test("Given leerplicht attended, when it downloads the minutes, then the PDF holds the minutes, decisions and agreements, saved under the day only", async () => {
    const response = await download(ORG.leerplicht, `/v1/sessions/${sessionId}/minutes.pdf`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="casustafel-\d{4}-\d{2}-\d{2}-notulen\.pdf"$/,
    );
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("Agendapunt 1: Sem de Vries");
    expect(text).toContain("Vraag aan de tafel: Zorgen rond Sem: beeld delen, afspraken maken");
    expect(text).toContain("Zorgen over uitbuiting worden herkend");
    expect(text).toContain("• Leerplicht voert verzuimgesprek");
    expect(text).toContain("Verzuimgesprek met Sem en zijn moeder — Eigenaar: Leerplicht");
    expect(text).toContain("Opgesteld voor: Leerplicht");
  });

  test("Given a download of the minutes, then an access record names the reader and the items shown, before the PDF left", async () => {
    const before = (await accessRecords()).length;

    await download(ORG.police, `/v1/sessions/${sessionId}/minutes.pdf`);

    const records = (await accessRecords()).slice(before);
    expect(records).toHaveLength(1);
    const data = records[0]!.data as unknown as AccessRecord;
    expect(data.organisationId).toBe(ORG.police);
    expect(data.userId).toBe(`user-${ORG.police}`);
    expect(data.itemIds).toEqual(
      expect.arrayContaining(["subject", `session-item:${sessionId}`, `minutes:${sessionId}`]),
    );
  });

  test("Given the agenda is downloaded, then it is recorded too and shows the case and its question", async () => {
    const before = (await accessRecords()).length;

    const response = await download(ORG.secondarySchool, `/v1/sessions/${sessionId}/agenda.pdf`);

    expect(response.status).toBe(200);
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain("Agendapunt 1: Sem de Vries");
    expect(text).not.toContain("Zorgen over uitbuiting worden herkend");
    expect((await accessRecords()).slice(before)).toHaveLength(1);
  });
});

describe("a session the caller may not know of", () => {
  test.each([
    ["an organisation only invited to the case", ORG.jongerenwerk],
    ["an organisation outside the case", ORG.ggd],
  ])(
    "Given %s, when it asks for any document, then it gets the same 404 as for an unknown id",
    async (_who, org) => {
      for (const document of ["agenda.pdf", "minutes.pdf", "invite.ics"]) {
        const hidden = await download(org, `/v1/sessions/${sessionId}/${document}`);
        const unknown = await download(org, `/v1/sessions/${randomUUID()}/${document}`);

        expect(hidden.status).toBe(404);
        expect(hidden.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        expect(await hidden.json()).toEqual(await unknown.json());
      }
    },
  );

  test("Given a privacy officer, when it asks for the minutes, then its role is refused (metadata, never content)", async () => {
    const officer = await demo.service.token(ORG.samenwerkingsverband, ["privacy-officer"]);

    const response = await demo.service.call(
      officer,
      "GET",
      `/v1/sessions/${sessionId}/minutes.pdf`,
    );

    expect(response.status).toBe(403);
  });
});

describe("the invite of a case meeting from before sessions", () => {
  test("Given a participant, when it downloads the invite, then it carries the time and a console link, and no personal value", async () => {
    const before = (await accessRecords()).length;

    const response = await download(ORG.police, `/v1/sessions/${sessionId}/invite.ics`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/-uitnodiging\.ics"$/);
    const ics = await response.text();
    expect(icsValue(ics, "UID")).toBe(`session-${sessionId}@casustafel`);
    expect(icsValue(ics, "SEQUENCE")).toBe("0");
    expect(icsValue(ics, "URL")).toBe(`${demo.service.config.console.url}/sessies/${sessionId}`);
    expect(icsLines(ics).map((line) => line.name)).toContain("DTSTART");
    for (const personal of [...CONTENT, "Zorgen rond Sem", "Sem", "Verzuimgesprek"]) {
      expect(ics).not.toContain(personal);
    }
    expect((await accessRecords()).slice(before)).toHaveLength(0);
  });
});
