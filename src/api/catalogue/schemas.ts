import { z } from "zod";

const bilingual = z.strictObject({ nl: z.string(), en: z.string() }).meta({ id: "Bilingual" });

export const legalBasisView = z
  .strictObject({
    id: z.string(),
    regime: z.enum(["AVG", "Wpg"]),
    citation: z.string(),
    description: bilingual,
    sharerKinds: z.array(z.string()),
    recipientKinds: z.array(z.string()),
    dataCategories: z.array(z.string()),
    requirements: z.strictObject({
      consent: z.boolean(),
      decisionReference: z.boolean(),
      weightyPublicInterest: z.boolean(),
      competentAuthorityAgreement: z.boolean(),
      art9Exception: z.string().nullable(),
      art10Basis: z.string().nullable(),
      necessityStatement: z.literal(true),
    }),
    defaultExpiryDays: z.int().nullable(),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable(),
    unverified: z
      .boolean()
      .describe("True while the legal fact awaits a check against the law's text"),
    note: z.string().nullable(),
  })
  .meta({ id: "LegalBasis" });

export const dataCategoryView = z
  .strictObject({ id: z.string(), label: bilingual, special: z.enum(["art9", "art10"]).nullable() })
  .meta({ id: "DataCategory" });

export const signalCategoryView = z
  .strictObject({
    id: z.string(),
    label: bilingual,
    description: bilingual,
    examples: z.array(z.string()),
  })
  .meta({ id: "SignalCategory" });

export const partnerKindView = z
  .strictObject({ id: z.string(), label: bilingual, publicAuthority: z.boolean() })
  .meta({ id: "PartnerKind" });

export const levelView = z
  .strictObject({ id: z.string(), label: bilingual, description: bilingual })
  .meta({ id: "Level" });

/** Every catalogue list answers `{ items: [...] }`, so a list can grow fields without breaking. */
export const listOf = <T extends z.ZodType>(item: T, id: string) =>
  z.strictObject({ items: z.array(item) }).meta({ id });
