import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/demo.js";
import { renderDemo } from "../../src/demo/print.js";
import { capturedLogs } from "./support/capturedLogs.js";
import { CONTENT } from "./support/demoCase.js";

describe("npm run demo", () => {
  it("tells the story through the API in under a minute: each partner sees what the rules allow", async () => {
    const { logger, lines: logs } = capturedLogs({ logLevel: "info" });
    const result = await runDemo({ logger });
    expect(result.elapsedMs).toBeLessThan(60_000);

    // The police's own signal about the pupil joined the school's case, and it learned no more.
    expect(result.ids.policeSignal).toEqual({
      status: 200,
      outcome: "joined-existing-case",
      caseId: result.ids.caseId,
      chairOrganisationId: expect.any(String),
    });

    const view = Object.fromEntries(result.partners.map((p) => [p.label, p]));
    expect(view.school).toMatchObject({
      view: "case",
      policeShare: false,
      schoolShare: true,
      minutes: true,
    });
    expect(view.politie).toMatchObject({ view: "case", policeShare: true, schoolShare: false });
    expect(view.leerplicht).toMatchObject({ view: "case", policeShare: true, schoolShare: true });
    expect(view.jongerenwerk).toMatchObject({
      status: 200,
      view: "invitation",
      subject: "-",
      policeShare: false,
    });
    expect(view["privacy officer"]).toMatchObject({ status: 403, view: "none" });
    expect(result.overdueForLeerplicht).toEqual([
      { what: "Verzuimgesprek met Sem en zijn moeder", dueDate: expect.any(String) },
    ]);

    const { audit } = result;
    expect(audit.disclosures.map((d) => d.legalBasisId).sort()).toEqual([
      "leerplichtwet-21-verzuimmelding",
      "wpg-20",
    ]);
    expect(audit.schoolOfficerSees).toEqual([result.ids.schoolShareId]);
    expect(audit.jongerenwerk.access).toBe("invitation");
    for (const secret of CONTENT) expect(audit.raw).not.toContain(secret);

    const printed = renderDemo(result);
    expect(printed).toContain("Wet politiegegevens art. 20");
    expect(printed).toContain("Besluit SWV Rivierenland 2024/07");
    expect(printed).toContain("200 joined-existing-case, recorded in the school's case");
    // The service's own logs carry ids and routes, never what the story is about.
    const logText = logs.join("\n");
    expect(logText).toContain("/v1/cases/{caseId}/shares");
    for (const secret of CONTENT) expect(logText).not.toContain(secret);
  }, 60_000);
});
