import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  CONTENT,
  DEMO_COVENANT_ID,
  type DemoCase,
  ORG,
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

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
const caseLabel = () => `Casus ${demo.ids.caseId.slice(0, 8)}`;

describe("a session of the casustafel", () => {
  test("the chair plans it, puts the case on its agenda with a question, and opens the item", async () => {
    const { page } = seat.chair;
    await page.getByRole("link", { name: "Casustafels", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Casustafels" }).waitFor();
    await page.getByLabel("Begint op").fill(`${day(1).slice(0, 10)}T10:00`);
    await page.getByLabel("Eindigt op").fill(`${day(1).slice(0, 10)}T12:00`);
    await page.getByLabel("Locatie").fill("Stadskantoor, zaal 3");
    for (const partner of [
      POLICE,
      SCHOOL,
      "Leerplicht en RMC Rivierenland",
      "Jongerenwerk Stroom",
    ]) {
      await page.getByRole("checkbox", { name: partner }).check();
    }
    await expectAccessible(page, "sessions");
    await page.getByRole("button", { name: "Casustafel plannen" }).click();
    await page.waitForURL(/\/sessies\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Casustafel", exact: true }).waitFor();

    await page.getByLabel("Begint op").fill(`${day(1).slice(0, 10)}T13:00`);
    await page.getByLabel("Eindigt op").fill(`${day(1).slice(0, 10)}T15:00`);
    await page.getByLabel("Reden van verplaatsen").fill("De zaal is 's ochtends bezet.");
    await page.getByRole("button", { name: "Verplaatsen" }).click();
    await page
      .locator(".console-facts")
      .filter({ hasText: "De zaal is 's ochtends bezet." })
      .waitFor();
    await page.getByText(/· verplaatst$/).waitFor();

    await page.getByLabel("Casus", { exact: true }).selectOption(demo.ids.caseId);
    await page.getByLabel("Vraag aan tafel").fill("Wie neemt het contact met thuis op?");
    await page.getByRole("button", { name: "Agenderen" }).click();
    await page.getByRole("link", { name: caseLabel() }).click();
    await page.getByRole("heading", { level: 1, name: /^Agendapunt: casus/ }).waitFor();
  });

  test("running the item, only the case's participants stay in the room; minutes and an agreement are recorded", async () => {
    const { page } = seat.chair;
    const leaves = page.locator('[data-room="leaves"]');
    await leaves.first().waitFor();
    expect(await leaves.allInnerTexts()).toEqual([
      expect.stringContaining("Jongerenwerk Stroom verlaat de ruimte"),
    ]);
    for (const [partner, userId] of [
      [POLICE, "wijkagent-centrum"],
      [SCHOOL, "mentor-3havo"],
    ] as const) {
      const group = page.getByRole("group", { name: partner });
      await group.getByLabel("aanwezig bij dit punt").check();
      await group.getByLabel(/^Gebruikers-id/).fill(userId);
      await group.getByLabel(/bevestigt de geheimhouding$/).check();
    }
    await page
      .getByRole("group", { name: CHAIR })
      .getByLabel(/bevestigt de geheimhouding$/)
      .check();
    await page.getByLabel("Verslag").fill("Beeld gedeeld. De wijkagent zoekt contact met thuis.");
    await page.getByLabel("Besluiten").fill("Wijkagent legt huisbezoek af");
    await page.getByRole("button", { name: "Afspraak toevoegen" }).click();
    await page.getByLabel("Wat is er afgesproken?").fill("Huisbezoek bij de familie");
    await page.getByLabel("Eigenaar (organisatie)").selectOption({ label: POLICE });
    await page.getByLabel("Naam van de eigenaar").fill("Ahmed El Amrani");
    await page.getByLabel("Functie van de eigenaar").fill("wijkagent");
    await page.getByLabel("Telefoon of e-mail van de eigenaar").fill("06-20000003");
    await page.getByLabel("Uiterlijk op").fill(day(2).slice(0, 10));
    await expectAccessible(page, "session run");
    await screenshot(page, "session-run");
    await page.getByRole("button", { name: "Bespreking vastleggen" }).click();
    await page.getByRole("heading", { level: 2, name: "Verslag (concept)" }).waitFor();
  });

  test("the police sees its new agreement arrive on its worklist, notes progress and completes it", async () => {
    const { page } = seat.police;
    await page.locator('.console-worklist-row[data-kind="agreement-due"]').nth(1).waitFor();
    await page.getByRole("link", { name: "Afspraken", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Mijn afspraken" }).waitFor();
    await expectAccessible(page, "my agreements");
    await screenshot(page, "agreements");
    await page.getByRole("link", { name: "Huisbezoek bij de familie" }).click();
    // Only the chair may cancel an agreement; the owner is not offered it.
    await page.getByRole("button", { name: "Voortgang vastleggen" }).waitFor();
    expect(await page.getByRole("button", { name: "Annuleren" }).count()).toBe(0);
    await page.getByLabel("Voortgang").fill("Afspraak gemaakt voor donderdag.");
    await page.getByRole("button", { name: "Voortgang vastleggen" }).click();
    await page.getByText("Afspraak gemaakt voor donderdag.", { exact: false }).first().waitFor();
    await expectAccessible(page, "agreement");
    await page
      .getByLabel("Toelichting bij afronden")
      .fill("Huisbezoek afgelegd, moeder werkt mee.");
    await page.getByRole("button", { name: "Afronden" }).click();
    await page.locator('[data-status="completed"]').waitFor();
    expect(await page.locator("main").innerText()).toContain(
      "Huisbezoek afgelegd, moeder werkt mee.",
    );
  });

  test("the school, an attendee, proposes a correction from its worklist; the chair takes it and approves", async () => {
    const school = seat.school.page;
    await school.getByRole("link", { name: `Verslag nalezen · ${caseLabel()}` }).click();
    await school.getByRole("heading", { level: 2, name: "Verslag (concept)" }).waitFor();
    await school
      .getByLabel("Het verslag zoals het zou moeten luiden")
      .fill(
        "Beeld gedeeld. De wijkagent zoekt contact met thuis; de mentor blijft wekelijks in gesprek.",
      );
    await school.getByRole("button", { name: "Correctie voorstellen" }).click();
    await school.locator('article[data-status="proposed"]').waitFor();
    await expectAccessible(school, "minutes to correct");

    // The chair's item is still open from running it: the proposal arrives there live.
    const chair = seat.chair.page;
    await chair.getByRole("button", { name: "Overnemen" }).click();
    await chair.locator('article[data-status="accepted"]').waitFor();
    await chair.getByRole("button", { name: "Verslag vaststellen" }).click();
    await chair.getByRole("heading", { level: 2, name: "Verslag (vastgesteld)" }).waitFor();
    expect(await chair.locator(".console-minutes").innerText()).toContain("de mentor blijft");
    await chair
      .getByLabel("Addendum bij het vastgestelde verslag")
      .fill("Aanvulling: leerplicht sluit de volgende keer aan.");
    await chair.getByRole("button", { name: "Addendum toevoegen" }).click();
    await chair.locator("article[data-addendum]").filter({ hasText: "leerplicht sluit" }).waitFor();
    expect(await chair.locator(".console-minutes").innerText()).not.toContain("Aanvulling");
    await expectAccessible(chair, "approved minutes");
  });

  test("the chair sees the overdue agreements across the cases it chairs, and cancels one with the reason", async () => {
    const { page } = seat.chair;
    await page.getByRole("link", { name: "Afspraken", exact: true }).click();
    const table = page.getByRole("table", { name: "Verlopen afspraken" });
    await table.waitFor();
    expect(await table.innerText()).toContain("Verzuimgesprek met Sem en zijn moeder");
    expect(await table.innerText()).not.toContain("Huisbezoek bij de familie");
    await expectAccessible(page, "overdue agreements");
    await page.getByRole("link", { name: "Verzuimgesprek met Sem en zijn moeder" }).click();
    await page
      .getByLabel("Reden van annuleren")
      .fill("Vervangen door een huisbezoek van leerplicht.");
    await page.getByRole("button", { name: "Annuleren" }).click();
    await page.locator('[data-status="cancelled"]').waitFor();
  });

  test("the chair cancels another session with the reason, which every planned partner can read", async () => {
    const chair = await demo.service.token(ORG.samenwerkingsverband, ["chair"]);
    const planned = await demo.service.call(chair, "POST", "/v1/sessions", {
      covenantId: DEMO_COVENANT_ID,
      startsAt: day(8),
      endsAt: day(8.1),
      location: "Stadskantoor, zaal 1",
      plannedOrganisationIds: [ORG.police],
    });
    expect(planned.status).toBe(201);
    const { page } = seat.chair;
    await page.getByRole("link", { name: "Casustafels", exact: true }).click();
    await page.getByRole("link", { name: /gepland$/ }).click();
    await page.getByLabel("Reden van afgelasten").fill("Te weinig agendapunten deze week.");
    await page.getByRole("button", { name: "Afgelasten" }).click();
    await page.locator(".console-facts").filter({ hasText: "Te weinig agendapunten" }).waitFor();
    await page.getByText(/· afgelast$/).waitFor();
    expect(await page.getByRole("button", { name: "Afgelasten" }).count()).toBe(0);

    const police = seat.police.page;
    await police.getByRole("link", { name: "Casustafels", exact: true }).click();
    await police.getByRole("link", { name: /afgelast$/ }).click();
    await police.getByText("Te weinig agendapunten deze week.").waitFor();
    expect(await police.getByRole("button", { name: "Afgelasten" }).count()).toBe(0);
  });
});

describe("the chair's case tools and a partner's consent", () => {
  test("the chair invites a partner to the case and gives the regie to the police", async () => {
    const { page } = seat.chair;
    await page.getByRole("link", { name: "Casussen", exact: true }).click();
    await page.locator(`.console-case-row a[href="/casussen/${demo.ids.caseId}"]`).click();
    await page.getByRole("link", { name: "Partners en regie" }).click();
    await page
      .getByLabel("Organisatie", { exact: true })
      .selectOption({ label: "Halt, regio Rivierenland" });
    await page
      .getByLabel("Bericht bij de uitnodiging")
      .fill("Graag aansluiten bij de volgende tafel.");
    await page.getByRole("button", { name: "Uitnodigen" }).click();
    const halt = page.locator(`li[data-organisation="${ORG.halt}"]`);
    await halt.filter({ hasText: "uitgenodigd" }).waitFor();
    await page.getByLabel("Regie bij").selectOption({ label: POLICE });
    await page.getByRole("button", { name: "Regie toewijzen" }).click();
    await page
      .locator(`li[data-organisation="${ORG.police}"]`)
      .filter({ hasText: "Regie" })
      .waitFor();
    await expectAccessible(page, "partners and regie");
  });

  test("the chair links a possible match it is sure of", async () => {
    const mentor = await demo.service.token(ORG.secondarySchool, ["professional"]);
    const raised = await demo.service.call(mentor, "POST", "/v1/cases", {
      covenantId: DEMO_COVENANT_ID,
      subject: { name: "Sam de Vries", dateOfBirth: "2010-05-14", school: "Het Rivierencollege" },
      contact: { name: "Mentor", function: "Mentor", reach: "mentor@school.example" },
      category: "pesten",
      level: "preventie",
      urgency: "medium",
      description: "Wordt gepest in de pauzes.",
    });
    expect(raised.status).toBe(201);
    const { page } = seat.chair;
    await page.getByRole("link", { name: "Mogelijke koppelingen" }).click();
    const match = page.locator("article[data-match]").first();
    await match.waitFor();
    await expectAccessible(page, "possible matches");
    await match.getByLabel("Waarom is het dezelfde jongere?").selectOption("confirmed-by-partner");
    const [merged] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/v1/persons/merges")),
      match.getByRole("button", { name: "Koppelen als één jongere" }).click(),
    ]);
    expect(merged.status()).toBe(201);
  });

  test("the school records the young person's consent, with how and where its evidence is, and withdraws it", async () => {
    const { page } = seat.school;
    await page.getByRole("link", { name: "Casussen", exact: true }).click();
    await page.locator(`.console-case-row a[href="/casussen/${demo.ids.caseId}"]`).click();
    await page.getByRole("link", { name: "Toestemming vastleggen" }).click();
    await page.getByRole("radio", { name: "de jongere" }).check();
    await page.getByRole("radio", { name: "schriftelijk (formulier)" }).check();
    await page.getByLabel("Kenmerk van het bewijs").fill("DOC-2026-0141");
    await page.getByRole("checkbox", { name: "Verzuim" }).check();
    await page.getByRole("checkbox", { name: "Leerplicht en RMC Rivierenland" }).check();
    await page.getByLabel("Voor welk doel?").selectOption({ index: 1 });
    await page.getByLabel("Gegeven op").fill(day(0).slice(0, 10));
    await page.getByLabel("Geldig tot en met (optioneel)").fill(day(180).slice(0, 10));
    await expectAccessible(page, "record consent");
    await page.getByRole("button", { name: "Toestemming vastleggen" }).click();
    const recorded = page.locator("li[data-consent]");
    await recorded.first().waitFor();
    await recorded.getByRole("button", { name: "Intrekken" }).click();
    await recorded.filter({ hasText: "ingetrokken op" }).waitFor();
  });
});

test("every page stayed within the CSP and sent no personal data in a URL", () => {
  const personal = [
    ...CONTENT,
    "Ahmed El Amrani",
    "Wijkagent belt",
    "Huisbezoek",
    "Beeld gedeeld",
    "Sam de Vries",
    "DOC-2026",
    "Aanvulling",
  ];
  for (const url of pages.flatMap((watch) => watch.urls)) {
    for (const text of personal) expect(decodeURIComponent(url), url).not.toContain(text);
  }
  expect(pages.flatMap((watch) => watch.errors)).toEqual([]);
});
