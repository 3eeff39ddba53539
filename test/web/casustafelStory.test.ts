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

// Part B of the console: the demo story at the casustafel played through the screens by three
// people at once (the chair, the police, the school), each checked from their own seat.

const CHAIR = "Samenwerkingsverband Passend Onderwijs Rivierenland";
const POLICE = "Politie basisteam Rivierenland";
const SCHOOL = "Het Rivierencollege (vo)";

let demo: DemoCase;
let browser: Browser;
let base: string;
const pages: PageWatch[] = [];
const seat: Record<"chair" | "police" | "school", PageWatch> = {} as never;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startWithDemoCase(), launchBrowser()]);
  base = demo.service.url;
  for (const [who, organisation, role] of [
    ["chair", CHAIR, "voorzitter"],
    ["police", POLICE, "professional"],
    ["school", SCHOOL, "professional"],
  ] as const) {
    seat[who] = await openPage(browser, base);
    pages.push(seat[who]);
    await signInAs(seat[who].page, base, organisation, role);
  }
});

afterAll(async () => {
  await browser?.close();
  await demo?.service.close();
});

describe("the worklist", () => {
  test("is where the police lands; a new entry arrives live, without reloading the page", async () => {
    const { page } = seat.police;
    await page.getByRole("heading", { level: 1, name: "Werklijst" }).waitFor();
    await page.getByText("resultaten").waitFor();
    await page.evaluate("window.__sameDocument = true");
    const before = await page.locator(".console-worklist-row").count();

    const chair = await demo.service.token(ORG.samenwerkingsverband, ["chair"]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const made = await demo.service.call(chair, "POST", `/v1/cases/${demo.ids.caseId}/agreements`, {
      what: "Wijkagent belt de moeder terug",
      ownerOrganisationId: ORG.police,
      owner: { name: "Ahmed El Amrani", function: "wijkagent", reach: "06-20000003" },
      dueDate: tomorrow,
    });
    expect(made.status).toBe(201);

    await expect
      .poll(() => page.locator('.console-worklist-row[data-kind="agreement-due"]').count())
      .toBe(before + 1);
    expect(await page.evaluate("window.__sameDocument")).toBe(true);
    await page.getByText("Bijgewerkt op").waitFor();
    await expectAccessible(page, "worklist");
    await screenshot(page, "worklist");
  });
});

test("every page stayed within the CSP and sent no personal data in a URL", () => {
  const personal = [...CONTENT, "Ahmed El Amrani", "Wijkagent belt", "Huisbezoek", "Beeld gedeeld"];
  for (const url of pages.flatMap((watch) => watch.urls)) {
    for (const text of personal) expect(decodeURIComponent(url), url).not.toContain(text);
  }
  expect(pages.flatMap((watch) => watch.errors)).toEqual([]);
});
