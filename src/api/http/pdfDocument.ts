import { readFileSync } from "node:fs";
import { printable } from "./printable.js";

const PRODUCER = "Casustafel";

// An embedded Unicode font: the PDF standard fonts garble a whole line at one "ı" or "Ş".
const fonts = {
  body: readFileSync(new URL("./fonts/LiberationSans-Regular.ttf", import.meta.url)),
  bold: readFileSync(new URL("./fonts/LiberationSans-Bold.ttf", import.meta.url)),
};

export type Page = PDFKit.PDFDocument;

/**
 * A4 in Dutch with the embedded fonts, drawn by `draw`, collected into one Buffer. pdfkit is
 * loaded at the first document, not at start (about 0.35 s of every start otherwise).
 */
export async function renderPdf(
  meta: { title: string; producedAt: string },
  draw: (page: Page) => void,
): Promise<Buffer> {
  const { default: PDFDocument } = await import("pdfkit");
  const page = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: "nl-NL",
    displayTitle: true,
    info: {
      Title: meta.title,
      Creator: PRODUCER,
      Producer: PRODUCER,
      CreationDate: new Date(meta.producedAt),
    },
  });
  page.registerFont("body", fonts.body);
  page.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  const written = new Promise<Buffer>((resolve, reject) => {
    page.on("data", (chunk: Buffer) => chunks.push(chunk));
    page.on("end", () => resolve(Buffer.concat(chunks)));
    page.on("error", reject);
  });
  draw(page.font("body"));
  page.end();
  return written;
}

export const heading = (page: Page, text: string, size = 18): void => {
  page.font("bold").fontSize(size).text(printable(text)).font("body").fontSize(11).moveDown(0.4);
};

export const field = (page: Page, label: string, value: string): void => {
  page.font("bold").text(`${label}: `, { continued: true }).font("body").text(printable(value));
};

export const paragraph = (page: Page, text: string): void => {
  page.font("body").fontSize(11).text(printable(text)).moveDown(0.3);
};

export const bullet = (page: Page, text: string): void => {
  page
    .font("body")
    .fontSize(11)
    .text(`•  ${printable(text)}`, { indent: 12 });
};
