import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/demo.js";
import { renderDemo } from "../../src/demo/print.js";
import { pdfText } from "./sessions/documents/pdfText.js";
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

describe("npm run demo, the session chapter", () => {
  it("Given a session with three young people, of whom the police is in one case, when it is recorded and approved, then each partner's worklist is printed and the police sees only its item", async () => {
    const result = await runDemo();
    const { session, police, worklists } = result;
    // The werkgroep chapter: a theme about knives near the station and two collective actions.
    expect(result.themes.title).toBe("Messen rond het station na schooltijd");
    expect(result.themes.actions).toHaveLength(2);
    expect(result.themes.policeActionsDue).toBe(1);
    expect(result.themes.overviewBytes).toBeGreaterThan(1_000);

    expect(session.items.map((item) => item.name)).toEqual([
      "Sem de Vries",
      "Lina Vermeulen",
      "Daan Mulder",
    ]);
    expect(new Set(session.items.map((item) => item.itemId)).size).toBe(3);
    const [sem, ...others] = session.items;
    expect(police).toMatchObject({ status: 200, itemIds: [sem!.itemId], caseIds: [sem!.caseId] });

    const printed = renderDemo(result);
    const labels = ["school", "politie", "leerplicht", "jongerenwerk", "wijkteam", "voorzitter"];
    expect(worklists.map((w) => [w.label, w.status])).toEqual(labels.map((l) => [l, 200]));
    for (const label of labels) expect(printed).toContain(`${label} (GET /v1/worklist 200):`);
    expect(worklists.find((w) => w.label === "politie")!.lines).toEqual([
      expect.objectContaining({ kind: "agreement-due", about: "Sem de Vries" }),
    ]);

    const pdf = await pdfText(police.minutesPdf.bytes);
    expect(police.minutesPdf.status).toBe(200);
    expect(pdf).toContain("Agendapunt 1: Sem de Vries");
    expect(pdf).toContain("Wijkagent belt de moeder over de jongens in de auto");
    // The items of cases the police is not in are not in its PDF at all, not even their place.
    expect(pdf).not.toContain("Agendapunt 2");
    expect(pdf).not.toContain("Agendapunt 3");

    const policeBlock = printed.slice(
      printed.indexOf("politie (GET /v1/worklist"),
      printed.indexOf("leerplicht (GET /v1/worklist"),
    );
    const policeOutput = [policeBlock, pdf, JSON.stringify(police)].join("\n");
    for (const other of others) {
      for (const trace of [...other!.name.split(" "), other!.caseId, other!.itemId]) {
        expect(policeOutput).not.toContain(trace);
      }
    }
    for (const minutes of ["meidenavond", "broertje", "Meidenavond", "opvang"]) {
      expect(pdf).not.toContain(minutes);
    }
  }, 60_000);
});
