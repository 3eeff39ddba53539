import { z } from "zod";

/** A named contact person as read back (personal data). */
export const contact = z
  .strictObject({ name: z.string(), function: z.string(), reach: z.string() })
  .meta({ id: "Contact" });

/** Who gave a consent: the young person, or a named parent or guardian (personal) and their authority. */
export const consentGiverSchema = z
  .strictObject({
    role: z.enum(["subject", "parent", "guardian"]),
    name: z.string().nullable(),
    parentalAuthority: z
      .boolean()
      .nullable()
      .describe("Null for the young person and on records made before issue 12"),
  })
  .meta({ id: "ConsentGiver" });
