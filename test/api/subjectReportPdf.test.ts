import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportSections } from "../../src/api/subjects/reportPdf.js";
import type { Role } from "../../src/domain/actor.js";
import { pdfText } from "./sessions/documents/pdfText.js";
import {
  CONTENT,
  DEMO_COVENANT_ID,
  type DemoCase,
  ORG,
  startWithDemoCase,
} from "./support/demoCase.js";

// The art. 15 report as the PDF a privacy officer hands over: the same report as the JSON one,
// recorded as a read the same way, under a filename that names only the day.

let demo: DemoCase;
beforeAll(async () => {
  demo = await startWithDemoCase();
}, 60_000);
afterAll(() => demo?.service.close());

const pdfPath = () => `/v1/subjects/${demo.ids.subjectId}/report.pdf?covenant=${DEMO_COVENANT_ID}`;
const asOfficer = async (org: string, role: Role = "privacy-officer") =>
  demo.service.token(org, [role], `${role}-${org}`);

describe("the art. 15 report as PDF", () => {
  it("Given the demo case, when the covenant's officer asks the PDF, then it holds every section and the young person's data, saved under the day only", async () => {
    const token = await asOfficer(ORG.samenwerkingsverband);

    const response = await demo.service.call(token, "GET", pdfPath());

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="inzage-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    for (const section of Object.values(reportSections)) expect(text).toContain(section);
    expect(text).toContain("Sem de Vries");
    expect(text).toContain("Wet politiegegevens art. 20");
  });

  it("Given a PDF was produced, then the access log holds its read with the purpose inzageverzoek", async () => {
    const token = await asOfficer(ORG.samenwerkingsverband);
    const before = await reportReads(token);

    await demo.service.call(token, "GET", pdfPath());

    expect(await reportReads(token)).toBeGreaterThan(before);
  });

  it("Given a member's officer or a professional, when they ask the PDF, then 403 and no content", async () => {
    for (const token of [
      await asOfficer(ORG.secondarySchool),
      await asOfficer(ORG.samenwerkingsverband, "professional"),
    ]) {
      const response = await demo.service.call(token, "GET", pdfPath());
      expect(response.status).toBe(403);
      const body = await response.text();
      for (const text of CONTENT) expect(body).not.toContain(text);
    }
  });
});

async function reportReads(token: string): Promise<number> {
  const path = `/v1/audit/access?covenant=${DEMO_COVENANT_ID}&case=${demo.ids.caseId}`;
  const log = (await (await demo.service.call(token, "GET", path)).json()) as {
    items: { purpose: string }[];
  };
  return log.items.filter((read) => read.purpose === "inzageverzoek").length;
}
