import type { Page } from "playwright-core";

/** The focused element's accessible name as a user hears it: its label, else its text. */
export function focusedName(page: Page): Promise<string> {
  // Run in the page, where the DOM lives; the tests' own type world has no DOM.
  return page.evaluate<string>(`(() => {
    const element = document.activeElement;
    if (!element) return "";
    const label = element.labels?.[0]?.innerText ?? element.getAttribute("aria-label");
    return (label ?? element.innerText ?? "").trim();
  })()`);
}

/** Presses `key` until the focused control's name starts with `name`; fails after `limit` presses. */
export async function pressUntil(page: Page, key: string, name: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if ((await focusedName(page)).startsWith(name)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`no control named "${name}" within ${limit} presses of ${key}`);
}

/** On a focused select, moves through the options with ArrowDown until `label` is chosen. */
export async function chooseByKeyboard(page: Page, label: string, limit = 20): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    const chosen = await page.evaluate<string>(
      `document.activeElement.selectedOptions[0]?.text ?? ""`,
    );
    if (chosen.startsWith(label)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option "${label}"`);
}
