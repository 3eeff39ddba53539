import { z } from "zod";
import type { CaseWritten } from "../caseCommands.js";

const writtenFields = {
  caseId: z.uuid(),
  revision: z.int().describe("The case stream's revision after the write; also the ETag"),
  position: z.string().describe("The write's global position; send it as Min-Position to read it"),
};

/** The body of every case write: where the case stands now, for If-Match and Min-Position. */
export const caseWrittenSchema = z.strictObject(writtenFields).meta({ id: "CaseWritten" });

/** A write that created an item answers with the item's server-generated id too. */
export function createdSchema<const K extends string>(idField: K, id: string) {
  return z
    .strictObject({ ...writtenFields, [idField]: z.uuid() } as typeof writtenFields &
      Record<K, z.ZodUUID>)
    .meta({ id });
}

/** Status, ETag, Position and the fields listed one by one; never the stored events. */
export function presentWrite<S extends 200 | 201, Extra extends Record<string, string>>(
  status: S,
  caseId: string,
  written: CaseWritten,
  extra: Extra,
  location?: string,
) {
  return {
    status,
    body: {
      caseId,
      revision: written.revision,
      position: (written.position ?? 0n).toString(),
      ...extra,
    },
    etag: written.revision,
    position: written.position,
    ...(location === undefined ? {} : { location }),
  };
}
