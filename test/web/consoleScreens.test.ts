import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CONTENT, type DemoCase, ORG, startWithDemoCase } from "../api/support/demoCase.js";
import {
  expectAccessible,
  launchBrowser,
  openPage,
  type PageWatch,
  screenshot,
} from "./support/browser.js";
import { signInAs } from "./support/devSignIn.js";
import { openCases } from "./support/seed.js";

// The console's first screens against the real service with the demo case played through the
// API, in one Chromium: each test signs in as the person who uses that screen.

const SCHOOL = "Het Rivierencollege (vo)";
const CHAIR = "Samenwerkingsverband Passend Onderwijs Rivierenland";

let demo: DemoCase;
let browser: Browser;
let base: string;
const pages: PageWatch[] = [];

beforeAll(async () => {
  [demo, browser] = await Promise.all([startWithDemoCase(), launchBrowser()]);
  base = demo.service.url;
  // Six young people with a drugs signal from the school this month: one trends cell above k = 5.
  const mentor = await demo.service.token(ORG.secondarySchool, ["professional"]);
  await openCases(demo.service, mentor, 5, "drugs");
  await openCases(demo.service, mentor, 2, "pesten");
});

afterAll(async () => {
  await browser?.close();
  await demo?.service.close();
});

async function watched(): Promise<PageWatch> {
  const watch = await openPage(browser);
  pages.push(watch);
  return watch;
}

describe("a chair", () => {
  test("signs in on the development page, sees the case list, filters it and opens the case", async () => {
    const { page } = await watched();
    await page.goto(`${base}/aanmelden`);
    await expectAccessible(page, "sign-in");
    await screenshot(page, "sign-in");

    await signInAs(page, base, CHAIR, "voorzitter");
    await page.getByRole("heading", { level: 1, name: "Werklijst" }).waitFor();
    await page.getByRole("link", { name: "Casussen", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Casussen" }).waitFor();
    await page.getByRole("status").filter({ hasText: "resultaten" }).waitFor();
    await expect.poll(() => page.locator(".console-case-row").count()).toBe(8);
    await expectAccessible(page, "case list");
    await screenshot(page, "case-list");

    await page.getByLabel("Signaalcategorie").selectOption({ label: "Pesten" });
    await expect.poll(() => page.locator(".console-case-row").count()).toBe(2);
    await page.getByLabel("Alleen met verlopen afspraken").check();
    await page.getByLabel("Signaalcategorie").selectOption({ label: "alle" });
    await expect.poll(() => page.locator(".console-case-row").count()).toBe(1);

    await page.locator(".console-case-row a").first().click();
    await page.getByRole("heading", { level: 2, name: "Jongere" }).waitFor();
    expect(await page.getByText("Sem de Vries").count()).toBe(1);
    expect(page.url()).toBe(`${base}/casussen/${demo.ids.caseId}`);
    await expectAccessible(page, "case");
    await screenshot(page, "case");
  });

  test("sees trends as a chart where cells below five young people are simply absent", async () => {
    const { page } = await watched();
    await signInAs(page, base, CHAIR, "voorzitter");
    await page.getByRole("link", { name: "Trends" }).click();
    const table = page.getByRole("table", { name: "De cijfers als tabel" });
    await table.waitFor();
    const rows = await table.locator("tbody tr").allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("Drugs");
    expect(rows[0]).toContain("6");
    expect(await page.locator(".recharts-bar-rectangle").count()).toBe(1);
    expect(await table.innerText()).not.toContain("Pesten");
    await expectAccessible(page, "trends");
    await screenshot(page, "trends");
  });
});

describe("a school professional", () => {
  test("raises a signal that opens a case; the young person's name is sent in no URL", async () => {
    const { page } = await watched();
    await signInAs(page, base, SCHOOL, "professional");
    await page.getByRole("link", { name: "Signaal melden" }).click();
    await page.getByLabel("Naam van de jongere").fill("Lotte Verbeek");
    await page.getByLabel("Geboortedatum").fill("2011-03-02");
    await page.getByLabel("School", { exact: true }).fill("Het Rivierencollege");
    await page.getByLabel("Naam", { exact: true }).fill("Anouk Jansen");
    await page.getByLabel("Functie").fill("Mentor");
    await page.getByLabel("Telefoon of e-mail").fill("a.jansen@rivierencollege.example");
    await page.getByLabel("Signaalcategorie").selectOption({ label: "Pesten" });
    await page.getByLabel("Niveau").selectOption({ index: 1 });
    await page.getByRole("radio", { name: "hoog" }).check();
    await page
      .getByLabel("Beschrijving van de zorg")
      .fill("Wordt dagelijks uitgescholden in de klas.");
    await expectAccessible(page, "raise a signal");
    await screenshot(page, "raise-signal");
    await page.getByRole("button", { name: "Signaal melden" }).click();
    await page.getByText("Lotte Verbeek").waitFor();
    expect(page.url()).toMatch(/\/casussen\/[0-9a-f-]{36}$/);
  });

  test("sees a refused share explained rule by rule, in Dutch, with what would make it lawful", async () => {
    const { page } = await watched();
    await signInAs(page, base, SCHOOL, "professional");
    // The token lives in memory only: loading a page anew means signing in again.
    await page.goto(`${base}/casussen/${demo.ids.caseId}/delen`);
    await page.waitForURL(`${base}/aanmelden`);
    await signInAs(page, base, SCHOOL, "professional");
    await page.getByRole("link", { name: "Casussen", exact: true }).click();
    await page.locator(`.console-case-row a[href="/casussen/${demo.ids.caseId}"]`).click();
    await page.getByRole("link", { name: "Informatie delen" }).click();
    await page.getByRole("radio", { name: /^AVG art\. 6 lid 1 sub e en lid 3/ }).check();
    await page.getByRole("checkbox", { name: "Leerplicht en RMC Rivierenland" }).check();
    await page.getByRole("checkbox", { name: "Gezondheid" }).check();
    await page.getByLabel("4. Doel").selectOption({ index: 1 });
    await page
      .getByLabel("5. Noodzaak")
      .fill(
        "Leerplicht moet weten dat het verzuim een medische oorzaak kan hebben, anders volgt een proces-verbaal.",
      );
    await page.getByLabel("7. De informatie").fill("Hij is onder behandeling bij de huisarts.");
    await expectAccessible(page, "share form");
    await screenshot(page, "share-form");
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/shares") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Delen" }).click(),
    ]);
    expect(answer.status()).toBe(422);
    const problem = (await answer.json()) as { rule: string };
    const refusal = page.getByRole("alert").filter({ hasText: "Niet gedeeld" });
    await refusal.waitFor();
    const item = refusal.locator(`li[data-rule="${problem.rule}"]`);
    expect(await item.count()).toBe(1);
    expect(await item.innerText()).toContain("Zo wordt het rechtmatig:");
    expect(
      await refusal.evaluate(
        (el) => el.closest(".console-refusal") === el.ownerDocument.activeElement,
      ),
    ).toBe(true);
    await expectAccessible(page, "refused share");
    await screenshot(page, "share-refused");
  });
});

describe("an invited partner", () => {
  test("sees only the invitation until it joins", async () => {
    const { page } = await watched();
    await signInAs(page, base, "Jongerenwerk Stroom", "professional");
    await page.getByRole("link", { name: "Casussen", exact: true }).click();
    await expect.poll(() => page.locator(".console-case-row").count()).toBe(1);
    expect(await page.locator(".console-case-row").innerText()).toContain("uitnodiging");
    await page.locator(".console-case-row a").click();
    await page.getByRole("heading", { level: 1, name: "Uitnodiging voor een casus" }).waitFor();
    expect(await page.locator("main").innerText()).not.toContain("Sem de Vries");
    await expectAccessible(page, "invitation");
  });
});

describe("a privacy officer", () => {
  test("filters the disclosure register and the access log, and sees metadata only", async () => {
    const { page } = await watched();
    await signInAs(page, base, CHAIR, "functionaris gegevensbescherming");
    await page.getByRole("heading", { level: 1, name: "Verstrekkingenregister" }).waitFor();
    const register = page.getByRole("table", { name: "Verstrekkingenregister" });
    await expect.poll(() => register.locator("tbody tr").count()).toBe(2);
    await expectAccessible(page, "disclosure register");
    await screenshot(page, "disclosure-register");
    await page.getByLabel("Organisatie").selectOption({ label: "Politie basisteam Rivierenland" });
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect.poll(() => register.locator("tbody tr").count()).toBe(1);
    const body = await page.locator("main").innerText();
    for (const text of CONTENT.slice(1, 3)) expect(body).not.toContain(text);

    await page.getByRole("link", { name: "Raadplegingen" }).click();
    const log = page.getByRole("table", { name: "Raadplegingen" });
    await log.waitFor();
    expect(await log.locator("tbody tr").count()).toBeGreaterThan(0);
    await expectAccessible(page, "access log");
    await screenshot(page, "access-log");

    // When a hundred more reads of the demo case make the log longer than a page
    const mentor = await demo.service.token(ORG.secondarySchool, ["professional"]);
    for (let i = 0; i < 100; i++) {
      const read = await demo.service.call(mentor, "GET", `/v1/cases/${demo.ids.caseId}`);
      expect(read.status).toBe(200);
    }
    await page.getByRole("button", { name: "Filteren" }).click();
    // Then it shows a page of a hundred, and the next page on request
    await expect.poll(() => log.locator("tbody tr").count()).toBe(100);
    const firstRow = await log.locator("tbody tr").first().innerText();
    await page.getByRole("button", { name: "Volgende pagina" }).click();
    await page.getByRole("button", { name: "Eerste pagina" }).waitFor();
    await expect.poll(() => log.locator("tbody tr").first().innerText()).not.toBe(firstRow);
    expect(await log.locator("tbody tr").count()).toBeGreaterThan(0);

    // When a hundred more shares make the disclosure register longer than a page
    for (let i = 0; i < 100; i++) {
      const shared = await demo.service.call(
        mentor,
        "POST",
        `/v1/cases/${demo.ids.caseId}/shares`,
        {
          recipients: [ORG.leerplicht],
          dataCategories: ["verzuim"],
          legalBasisId: "leerplichtwet-21-verzuimmelding",
          purposeId: "schoolverzuim",
          necessity: `Verzuimmelding voor week ${i}: de leerplichtambtenaar moet het ongeoorloofde verzuim van deze week kennen om de melding te behandelen.`,
          content: `Afwezig in week ${i}.`,
        },
      );
      expect(shared.status).toBe(201);
    }
    // Then the register shows a page of a hundred, and the other two on the next page
    await page.getByRole("link", { name: "Verstrekkingen", exact: true }).click();
    await expect.poll(() => register.locator("tbody tr").count()).toBe(100);
    const firstShare = await register.locator("tbody tr").first().innerText();
    await page.getByRole("button", { name: "Volgende pagina" }).click();
    await expect.poll(() => register.locator("tbody tr").count()).toBe(2);
    expect(await register.locator("tbody tr").first().innerText()).not.toBe(firstShare);
    await expectAccessible(page, "disclosure register, second page");
  });
});

test("every page stayed within the CSP and sent no personal data in a URL", () => {
  const urls = pages.flatMap((watch) => watch.urls);
  const personal = [...CONTENT, "Lotte Verbeek", "2011-03-02", "Het Rivierencollege"];
  for (const url of urls) {
    const decoded = decodeURIComponent(url);
    for (const text of personal) expect(decoded, url).not.toContain(text);
  }
  expect(pages.flatMap((watch) => watch.errors)).toEqual([]);
});
