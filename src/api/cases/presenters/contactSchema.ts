import { z } from "zod";

/** A named contact person as read back (personal data). */
export const contact = z
  .strictObject({ name: z.string(), function: z.string(), reach: z.string() })
  .meta({ id: "Contact" });
