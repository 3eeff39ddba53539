import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { reportSections } from "../../src/api/subjects/reportPdf.js";
import { pdfText } from "../api/sessions/documents/pdfText.js";
import {
  CONTENT,
  type DemoCase,
  ORG,
  schoolRaisesCase,
  startWithDemoCase,
} from "../api/support/demoCase.js";
import {
  expectAccessible,
  launchBrowser,
  openPage,
  type PageWatch,
  screenshot,
} from "./support/browser.js";
import { signInAs } from "./support/devSignIn.js";
import { chooseByKeyboard, focusedName, pressUntil } from "./support/keyboard.js";

// The covenant's privacy officer at work on the demo case, in one Chromium: what leerplicht
// could see and when that changed, the art. 15 report and its PDF, integrity, and last (it
// destroys the demo's personal data) an erasure done by keyboard alone.

const CHAIR = "Samenwerkingsverband Passend Onderwijs Rivierenland";
const OFFICER = "functionaris gegevensbescherming";

let demo: DemoCase;
let browser: Browser;
let base: string;
const pages: PageWatch[] = [];

beforeAll(async () => {
  [demo, browser] = await Promise.all([startWithDemoCase(), launchBrowser()]);
  base = demo.service.url;
});

afterAll(async () => {
  await browser?.close();
  await demo?.service.close();
});

async function officerOn(screen: string): Promise<Page> {
  const watch = await openPage(browser, base);
  pages.push(watch);
  await signInAs(watch.page, base, CHAIR, OFFICER);
  await watch.page.getByRole("link", { name: screen }).click();
  return watch.page;
}

const caseNumber = () => demo.ids.caseId.slice(0, 8);

describe("a covenant's privacy officer", () => {
  test("finds in the case picker a case that no register names yet", async () => {
    const caseId = await schoolRaisesCase(demo, { name: "Lotte Smit", dateOfBirth: "2011-02-03" });
    const page = await officerOn("Zicht op een casus");
    const picker = page.getByLabel("Casus", { exact: true });
    await picker.locator("option", { hasText: caseId.slice(0, 8) }).waitFor({ state: "attached" });
    expect(await picker.locator("option").allInnerTexts()).toEqual(
      expect.arrayContaining([caseNumber(), caseId.slice(0, 8)]),
    );
  });

  test("sees what leerplicht could see in the case now, and the events that changed it", async () => {
    const page = await officerOn("Zicht op een casus");
    await page.getByLabel("Casus", { exact: true }).selectOption({ label: caseNumber() });
    await page.getByLabel("Organisatie").selectOption({ label: "Leerplicht en RMC Rivierenland" });
    await page.getByRole("button", { name: "Tonen" }).click();

    await page.getByRole("status").filter({ hasText: "Deelnemer: de organisatie kon" }).waitFor();
    const timeline = page.locator(".console-timeline");
    expect(await timeline.innerText()).toContain("Partner aangesloten");
    expect(await timeline.innerText()).toContain("Informatie gedeeld");
    expect(await page.getByRole("table", { name: "Zichtbare onderdelen" }).innerText()).toContain(
      `share:${demo.ids.policeShareId}`,
    );
    await expectAccessible(page, "visibility timeline");
    await screenshot(page, "privacy-visibility");
  });

  test("produces the art. 15 report on screen, its reads one line per day, and downloads the service's PDF with every section", async () => {
    const leerplicht = await demo.service.token(ORG.leerplicht, ["professional"]);
    for (let n = 0; n < 3; n++) {
      const read = await demo.service.call(leerplicht, "GET", `/v1/cases/${demo.ids.caseId}`);
      expect(read.status).toBe(200);
    }
    const page = await officerOn("Inzage (art. 15)");
    await page.getByLabel("Jongere").selectOption({ label: `Jongere in casus ${caseNumber()}` });
    await page.getByRole("button", { name: "Rapport opstellen" }).click();
    await page.getByRole("heading", { level: 2, name: `Casus ${caseNumber()}` }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Sem de Vries");
    const reads = page.getByRole("table", { name: "Raadplegingen" });
    const line = reads.getByRole("row").filter({ hasText: "Leerplicht en RMC Rivierenland" });
    expect(await line.count()).toBe(1);
    expect(await line.getByRole("cell").allInnerTexts()).toContain("3");
    await expectAccessible(page, "art. 15 report");
    await screenshot(page, "privacy-subject-report");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download als pdf" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^inzage-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(await readFile(await download.path()));
    for (const section of Object.values(reportSections)) expect(text).toContain(section);
    expect(text).toContain("Sem de Vries");
    // The PDF gives the reads per day too: leerplicht's three reads are one line.
    expect(text).toContain("Leerplicht en RMC Rivierenland, casusoverleg");
    expect(text).toContain("3 keer");
  });

  test("sees every stream family of the covenant intact, with the time of the check", async () => {
    const page = await officerOn("Integriteit");
    await page.getByRole("status").filter({ hasText: "Gecontroleerd op" }).waitFor();
    const families = page.getByRole("table", { name: "Ketens per soort stroom" });
    expect(await families.locator("tbody tr").count()).toBe(5);
    expect(await families.locator(".console-verdict--ok").count()).toBe(5);
    await expectAccessible(page, "integrity");
    await screenshot(page, "privacy-integrity");
  });

  test("erases the young person by keyboard alone, after a confirmation that counts what goes; then the case reads [erased]", async () => {
    const page = await officerOn("Wissen");
    await page.getByLabel("Jongere").waitFor();
    await pressUntil(page, "Tab", "Jongere");
    await chooseByKeyboard(page, `Jongere in casus ${caseNumber()}`);
    await pressUntil(page, "Tab", "Wissen voorbereiden");
    await page.keyboard.press("Enter");
    const erasable = page.locator(".console-erasable");
    await erasable.waitFor();
    expect(await erasable.locator('[data-part="subjects"]').innerText()).toContain("Casussen (1)");
    expect(await erasable.locator('[data-part="shares"]').innerText()).toContain(
      "Verstrekkingen (2)",
    );
    // The service's exact count (test/api/subjectErasurePreview.test.ts holds it to the store).
    const total = Number(await page.locator("[data-total]").getAttribute("data-total"));
    expect(total).toBeGreaterThan(10);
    expect(await page.locator("[data-total]").innerText()).toContain(`${total} persoonsgegevens`);

    await pressUntil(page, "Tab", "Verzoek van de betrokkene");
    await page.keyboard.press("Space");
    await pressUntil(page, "Tab", "Verder naar bevestigen");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Weet u het zeker?" }).waitFor();
    expect(await focusedName(page)).toBe("Weet u het zeker?");
    expect(await page.locator(".console-confirm").innerText()).toContain("[erased]");
    await expectAccessible(page, "erasure confirmation");
    await screenshot(page, "privacy-erasure-confirm");
    await pressUntil(page, "Tab", "Definitief wissen");
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/erasure")),
      page.keyboard.press("Enter"),
    ]);
    expect(answer.status()).toBe(200);
    await page.getByText(/^Gewist op .* Hieronder/).waitFor();
    expect(await page.locator("main").innerText()).not.toContain("Sem de Vries");

    const chair = await openPage(browser, base);
    pages.push(chair);
    await signInAs(chair.page, base, CHAIR, "voorzitter");
    // The chair lands on the worklist; the case is reached from the case list.
    await chair.page.getByRole("link", { name: "Casussen", exact: true }).click();
    await chair.page.locator(`a[href="/casussen/${demo.ids.caseId}"]`).click();
    await chair.page.getByRole("heading", { level: 2, name: "Jongere" }).waitFor();
    const shown = await chair.page.locator("main").innerText();
    expect(shown).toContain("[erased]");
    expect(shown).not.toContain("Sem de Vries");
  });
});

test("every page stayed within the CSP and sent no personal data in a URL", () => {
  for (const url of pages.flatMap((watch) => watch.urls)) {
    for (const text of CONTENT) expect(decodeURIComponent(url), url).not.toContain(text);
  }
  expect(pages.flatMap((watch) => watch.errors)).toEqual([]);
});
