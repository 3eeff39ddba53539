import { z } from "zod";

/** What a handler answers for a document response: its bytes and the name to save it under. */
export interface DocumentFile {
  content: Buffer | string;
  filename: string;
}

export type DocumentMediaType = "application/pdf" | "text/calendar" | "text/csv";

const documents = new WeakMap<z.ZodType, DocumentMediaType>();

/**
 * A response that is a document to keep, not JSON: a PDF or a calendar invite, saved under a
 * name. It is a schema like any response (the runner checks the handler's answer against it),
 * marked so that the runner sends the bytes and OpenAPI documents the media type.
 */
export function documentResponse(
  mediaType: DocumentMediaType,
  description: string,
): z.ZodType<DocumentFile> {
  const schema = z
    .custom<DocumentFile>(isDocumentFile, "a document: content and a plain filename")
    .describe(description);
  documents.set(schema, mediaType);
  return schema;
}

/** The media type of a document response; undefined for a JSON one. */
export const documentMediaType = (schema: z.ZodType): DocumentMediaType | undefined =>
  documents.get(schema);

// A filename goes into a header and onto a partner's disk: plain characters only, never input.
const plainFilename = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/;

function isDocumentFile(body: unknown): body is DocumentFile {
  if (typeof body !== "object" || body === null) return false;
  const { content, filename } = body as Partial<DocumentFile>;
  const readable = Buffer.isBuffer(content) || typeof content === "string";
  return readable && typeof filename === "string" && plainFilename.test(filename);
}

/** `attachment; filename="…"` for a plain filename; anything else is a fault of the route. */
export function contentDisposition(filename: string): string {
  if (!plainFilename.test(filename)) throw new Error("a document's filename must be plain");
  return `attachment; filename="${filename}"`;
}
