import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { printable } from "../../../../src/api/http/printable.js";
import type { MinutesDocument } from "../../../../src/api/sessions/documents/documentView.js";
import { renderMinutesPdf } from "../../../../src/api/sessions/documents/minutesPdf.js";
import { BUILT_IN_NAMES } from "../../support/hostile.js";
import { minutesForPolice } from "./documentFixtures.js";
import { pdfText } from "./pdfText.js";

const attendedWith = (subject: string, text: string): MinutesDocument => ({
  ...minutesForPolice,
  items: [
    {
      position: 1,
      outcome: "attended",
      subject,
      question: text,
      minutes: { text, approved: true, addenda: [text] },
      decisions: [text],
      agreements: [{ what: text, ownerOrganisation: text, ownerName: text, dueDate: "2026-02-29" }],
    },
  ],
});

// Words in the scripts the embedded font draws (Latin with its extensions, Greek, Cyrillic),
// without hyphens: a line may break after one, which reads back as a space.
const word = fc.stringMatching(/^[A-Za-zÀ-ſΑ-ΡΣ-Ωα-ωЀ-я']{1,16}$/);
const drawableText = fc
  .array(word, { minLength: 1, maxLength: 12 })
  .map((words) => words.join(" "));
const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom<string>(...BUILT_IN_NAMES, "\u202eetunim", "a\r\nb\rc", "\ud800", "\udc00x", ""),
);

describe("the minutes PDF under hostile text", () => {
  test("Given any text in every field, even lone surrogates and control characters, then a PDF is made", async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (subject, text) => {
        const pdf = await renderMinutesPdf(attendedWith(subject, text));
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        await pdfText(pdf);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  test("Given names and minutes in Latin, Greek or Cyrillic script, then they read back exactly", async () => {
    await fc.assert(
      fc.asyncProperty(drawableText, drawableText, async (subject, minutes) => {
        const text = await pdfText(await renderMinutesPdf(attendedWith(subject, minutes)));
        expect(text).toContain(`Agendapunt 1: ${subject}`);
        expect(text).toContain(minutes);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  test("Given a bidirectional override or a control character, then it is not printed", () => {
    expect(printable("a\u202eb\u0000c\u2066d\u0085e\tf\ng")).toBe("abcde\tf\ng");
    expect(printable("x\ud800y")).toBe("x\ufffdy");
    expect(printable("😀 ok")).toBe("😀 ok");
  });
});
