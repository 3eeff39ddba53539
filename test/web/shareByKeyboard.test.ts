import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type DemoCase, startWithDemoCase } from "../api/support/demoCase.js";
import { expectAccessible, launchBrowser, openPage } from "./support/browser.js";
import { signInAs } from "./support/devSignIn.js";
import { chooseByKeyboard, focusedName, pressUntil } from "./support/keyboard.js";

// WCAG 2.1.1: everything by keyboard. A mentor shares absence data with leerplicht without
// touching the mouse, from the case list through the whole share form.

let demo: DemoCase;
let browser: Browser;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startWithDemoCase(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.service.close();
});

test("a mentor shares information by keyboard alone, from the case list to the register", async () => {
  const { page, errors } = await openPage(browser, demo.service.url);
  await signInAs(page, demo.service.url, "Het Rivierencollege (vo)", "professional");
  await page.getByRole("heading", { level: 1, name: "Werklijst" }).waitFor();

  await page.keyboard.press("Tab");
  expect(await focusedName(page)).toBe("Naar de inhoud");
  await pressUntil(page, "Tab", "Casussen");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Casussen" }).waitFor();
  await page.locator(".console-case-row").first().waitFor();
  await pressUntil(page, "Tab", "Casus ");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 2, name: "Jongere" }).waitFor();
  await pressUntil(page, "Tab", "Informatie delen");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Informatie delen" }).waitFor();
  await page.getByRole("radio").first().waitFor();

  await pressUntil(page, "Tab", "AVG art. 6 lid 1 sub a");
  await pressUntil(page, "ArrowDown", "AVG art. 6 lid 1 sub c jo. Leerplichtwet");
  await pressUntil(page, "Tab", "Leerplicht en RMC Rivierenland");
  await page.keyboard.press("Space");
  await pressUntil(page, "Tab", "Verzuim");
  await page.keyboard.press("Space");
  await pressUntil(page, "Tab", "4. Doel");
  await chooseByKeyboard(page, "Terugdringen van schoolverzuim");
  await pressUntil(page, "Tab", "5. Noodzaak");
  await page.keyboard.type(
    "Leerplicht moet het verzuim van de laatste drie weken kennen om het verzuimgesprek te voeren.",
  );
  await pressUntil(page, "Tab", "7. De informatie");
  await page.keyboard.type("Negen lesuren ongeoorloofd verzuim, steeds het eerste uur.");
  await pressUntil(page, "Tab", "Delen");
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/shares") && r.request().method() === "POST"),
    page.keyboard.press("Enter"),
  ]);

  expect(answer.status()).toBe(201);
  await page.getByText("De informatie is gedeeld").waitFor();
  await expectAccessible(page, "share done");
  expect(errors).toEqual([]);
});

test("the language switch turns the screens into English and back, and says so to the browser", async () => {
  const { page } = await openPage(browser, demo.service.url);
  await signInAs(page, demo.service.url, "Het Rivierencollege (vo)", "professional");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { level: 1, name: "Worklist" }).waitFor();
  expect(await page.evaluate<string>("document.documentElement.lang")).toBe("en");
  await expectAccessible(page, "worklist in English");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await page.getByRole("heading", { level: 1, name: "Werklijst" }).waitFor();
  expect(await page.evaluate<string>("document.documentElement.lang")).toBe("nl");
});
