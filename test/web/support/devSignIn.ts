import type { Page } from "playwright-core";

/** Signs in through the development sign-in page as a demo organisation and role. */
export async function signInAs(page: Page, baseUrl: string, organisation: string, role: string) {
  await page.goto(`${baseUrl}/aanmelden`);
  await page.getByLabel("Organisatie", { exact: true }).selectOption({ label: organisation });
  await page.getByRole("radio", { name: role, exact: true }).check();
  await page.getByRole("button", { name: "Aanmelden als deze organisatie" }).click();
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).waitFor();
}
