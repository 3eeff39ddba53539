import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";

// The session documents' embedded Unicode font, read as a file: a resource folder does not
// import another's code (test/architecture), and the PDF standard fonts garble "ı" or "Ş".
const fontDir = new URL("../sessions/documents/fonts/", import.meta.url);
const fonts = {
  body: readFileSync(new URL("LiberationSans-Regular.ttf", fontDir)),
  bold: readFileSync(new URL("LiberationSans-Bold.ttf", fontDir)),
};

export type Page = PDFKit.PDFDocument;

// Control characters and bidirectional overrides could make printed text read differently.
const unprintable = /(?![\t\n])[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const printable = (text: string) =>
  text.replace(loneSurrogate, "\ufffd").replace(/\r\n?/g, "\n").replace(unprintable, "");

/** A4 in Dutch with the embedded fonts, drawn by `draw`, collected into one Buffer. */
export function renderPdf(
  meta: { title: string; producedAt: string },
  draw: (page: Page) => void,
): Promise<Buffer> {
  const page = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: "nl-NL",
    displayTitle: true,
    info: { Title: meta.title, Creator: "Casustafel", CreationDate: new Date(meta.producedAt) },
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
