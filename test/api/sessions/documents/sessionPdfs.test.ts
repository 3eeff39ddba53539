import { describe, expect, test } from "vitest";
import { renderAgendaPdf } from "../../../../src/api/sessions/documents/agendaPdf.js";
import { renderMinutesPdf } from "../../../../src/api/sessions/documents/minutesPdf.js";
import { agendaForPolice, header, minutesForPolice, visible } from "./documentFixtures.js";
import { pdfInfo, pdfText } from "./pdfText.js";

describe("the minutes PDF of one organisation", () => {
  test("Given the police attended item 2 of 3, when its minutes are rendered, then item 2 shows what was recorded and the others only their place", async () => {
    const text = await pdfText(await renderMinutesPdf(minutesForPolice));

    expect(text).toContain("Casustafel Veilig Schoolklimaat Noord");
    expect(text).toContain("Wanneer: maandag 2 maart 2026 om 14:00 – 16:00");
    expect(text).toContain("Waar: Stadhuis, zaal 3");
    expect(text).toContain("Voorzitter: Samenwerkingsverband Noord");
    expect(text).toContain("Uitgenodigde organisaties: Politie Noord, Leerplicht, Het Lyceum");
    expect(text).toContain("Status: gehouden");
    expect(text).toContain("Opgesteld voor: Politie Noord");
    expect(text).toContain("Agendapunt 1: niet bijgewoond");
    expect(text).toContain(`Agendapunt 2: ${visible.subject}`);
    expect(text).toContain(`Vraag aan de tafel: ${visible.question}`);
    expect(text).toContain("Vastgesteld door de voorzitter.");
    expect(text).toContain(visible.minutes);
    expect(text).toContain("Aanvulling 1: Ouders zijn bereikt.");
    expect(text).toContain(`Besluiten • ${visible.decision}`);
    expect(text).toContain(
      `${visible.agreement} — Eigenaar: Politie Noord (J. Bakker), uiterlijk 16 maart 2026`,
    );
    expect(text).toContain("Agendapunt 3: nog niet besproken");
  });

  test("Given an item not attended, then nothing but its place and 'niet bijgewoond' is printed for it", async () => {
    const onlyAbsent = {
      ...minutesForPolice,
      items: [{ position: 1, outcome: "not-attended" as const }],
    };
    const text = await pdfText(await renderMinutesPdf(onlyAbsent));

    const afterHeader = text.slice(text.indexOf("Niet doorsturen.") + "Niet doorsturen.".length);
    expect(afterHeader.trim()).toBe("Agendapunt 1: niet bijgewoond");
  });

  test("Given minutes the chair has not approved, then they are marked as a draft", async () => {
    const [, attended] = minutesForPolice.items;
    if (attended?.outcome !== "attended") throw new Error("fixture: item 2 is attended");
    const draft = {
      ...minutesForPolice,
      items: [{ ...attended, minutes: { text: visible.minutes, approved: false, addenda: [] } }],
    };
    const text = await pdfText(await renderMinutesPdf(draft));

    expect(text).toContain("Concept: nog niet vastgesteld door de voorzitter.");
    expect(text).not.toContain("Vastgesteld door de voorzitter.");
  });

  test("Given an attended item without decisions or agreements, then each section says so", async () => {
    const [, attended] = minutesForPolice.items;
    if (attended?.outcome !== "attended") throw new Error("fixture: item 2 is attended");
    const bare = { ...minutesForPolice, items: [{ ...attended, decisions: [], agreements: [] }] };
    const text = await pdfText(await renderMinutesPdf(bare));

    expect(text).toContain("Besluiten Geen. Afspraken Geen.");
  });
});

describe("the agenda PDF", () => {
  test("Given an agenda of the cases the reader may know, then each is listed in order with its question", async () => {
    const text = await pdfText(await renderAgendaPdf(agendaForPolice));

    expect(text).toContain("Agenda");
    expect(text).toContain("Status: gepland");
    expect(text).toContain(
      `Agendapunt 1: ${visible.subject} Vraag aan de tafel: ${visible.question}`,
    );
    expect(text).toContain("Agendapunt 2: Zoë Ærø Vraag aan de tafel: Wie neemt de regie?");
    expect(text).not.toContain("Notulen");
  });

  test("Given a case meeting from before sessions, with no end and no place, then the start is printed and the place is 'niet vastgelegd'", async () => {
    const legacy = { ...agendaForPolice, header: { ...header, endsAt: null, place: null } };
    const text = await pdfText(await renderAgendaPdf(legacy));

    expect(text).toContain("Wanneer: maandag 2 maart 2026 om 14:00 Waar: niet vastgelegd");
  });

  test("Given a video session, then the link is printed where the place would be", async () => {
    const link = "https://video.example.nl/casustafel/abc";
    const agenda = {
      ...agendaForPolice,
      header: { ...header, place: { kind: "video" as const, link } },
    };

    expect(await pdfText(await renderAgendaPdf(agenda))).toContain(
      `Waar: Videoverbinding: ${link}`,
    );
  });

  test("Given any document, then its title and metadata name no young person", async () => {
    const info = await pdfInfo(await renderAgendaPdf(agendaForPolice));

    expect(info.Title).toBe("Casustafel: Agenda");
    expect(JSON.stringify(info)).not.toContain(visible.subject);
  });
});

describe("times on a document are Amsterdam times", () => {
  test.each([
    {
      when: "winter time",
      startsAt: "2026-01-12T08:00:00Z",
      endsAt: "2026-01-12T09:30:00Z",
      printed: "maandag 12 januari 2026 om 09:00 – 10:30",
    },
    {
      when: "summer time",
      startsAt: "2026-06-01T12:00:00Z",
      endsAt: "2026-06-01T14:00:00Z",
      printed: "maandag 1 juni 2026 om 14:00 – 16:00",
    },
    {
      when: "the night the clocks go forward",
      startsAt: "2026-03-29T00:30:00Z",
      endsAt: "2026-03-29T01:30:00Z",
      printed: "zondag 29 maart 2026 om 01:30 – 03:30",
    },
    {
      when: "the night the clocks go back",
      startsAt: "2026-10-25T00:30:00Z",
      endsAt: "2026-10-25T01:30:00Z",
      printed: "zondag 25 oktober 2026 om 02:30 – 02:30",
    },
    {
      when: "the first hour of the year",
      startsAt: "2026-12-31T23:30:00Z",
      endsAt: "2027-01-01T00:30:00Z",
      printed: "vrijdag 1 januari 2027 om 00:30 – 01:30",
    },
  ])("Given a session in $when, then it prints $printed", async ({ startsAt, endsAt, printed }) => {
    const agenda = { ...agendaForPolice, header: { ...header, startsAt, endsAt } };

    expect(await pdfText(await renderAgendaPdf(agenda))).toContain(`Wanneer: ${printed}`);
  });
});
