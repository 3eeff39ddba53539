import { z } from "zod";

/** A named person and how to reach them: a case contact or an agreement's owner (personal data). */
export const contactInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    function: z.string().trim().min(1).max(200),
    reach: z.string().trim().min(1).max(200).describe("Phone number or e-mail address"),
  })
  .meta({ id: "ContactInput", description: "A named contact person (personal data)" });
