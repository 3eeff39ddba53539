import { z } from "zod";

/** An organisation id as the identity provider issues it; covenants and audits name it alike. */
export const organisationReference = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits and . _ : - only");
