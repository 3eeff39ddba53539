import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import chromium from "@sparticuz/chromium";
import { type Browser, type Page, chromium as playwright } from "playwright-core";
import { expect, inject } from "vitest";

export const screenshotDir = fileURLToPath(new URL("../../../web/screenshots/", import.meta.url));

/** One Chromium per test file, from @sparticuz/chromium (unpacked once by the global setup). */
export function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: inject("chromiumPath"),
    args: [
      ...chromium.args,
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** What a page did that the console promises it never does. */
export interface PageWatch {
  page: Page;
  /** Every URL the page requested: personal data must appear in none. */
  urls: string[];
  /** Console errors, CSP violations among them. */
  errors: string[];
  close(): Promise<void>;
}

const loopback = /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

/**
 * A fresh context (no cookies, no storage) and page, watched for requests and for errors on
 * the console's own origin. Nothing leaves the machine: other addresses are refused unasked
 * (the OpenID provider's stock login page asks for web fonts).
 */
export async function openPage(browser: Browser, origin?: string): Promise<PageWatch> {
  const context = await browser.newContext({
    locale: "nl-NL",
    viewport: { width: 1280, height: 900 },
  });
  await context.route(
    (url) => !loopback.test(url.href),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const ours = (url: string) => origin === undefined || url.startsWith(origin);
  const urls: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("console", (message) => {
    // A refused request is logged by the browser as an error; the console handles those itself.
    const refusal = /^Failed to load resource: the server responded with a status of 4\d\d/;
    if (message.type() !== "error" || refusal.test(message.text())) return;
    if (ours(message.location().url || page.url())) errors.push(message.text());
  });
  page.on("pageerror", (error) => ours(page.url()) && errors.push(error.message));
  return { page, urls, errors, close: () => context.close() };
}

/** WCAG 2.1 A and AA checks by axe on the page as it is now; zero violations allowed. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `axe on ${screen}`).toEqual([]);
}

/** A full-page screenshot under web/screenshots/, for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}
