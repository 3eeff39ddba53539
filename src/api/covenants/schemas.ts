import { z } from "zod";
import { organisationReference } from "../organisationReference.js";

// Covenant input and output. Ids of purposes and rules are slugs an admin chooses, so a
// sharing rule or a share can name them readably; organisation ids come from the IdP.

const text = (max: number) => z.string().trim().min(1).max(max);
export const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and - only");
const kindOrCategory = slug.describe("An id from /v1/catalogue");

export const covenantParams = z.object({ covenantId: z.uuid() });
export const memberParams = z.object({
  covenantId: z.uuid(),
  organisationId: organisationReference,
});
export const ruleParams = z.object({ covenantId: z.uuid(), ruleId: slug });
export const retentionParams = z.object({ covenantId: z.uuid(), purposeId: slug });

const privacyOfficer = z
  .strictObject({ name: text(200), email: z.email().max(320) })
  .describe("Work contact of the organisation's privacy officer (FG)");

export const establishBody = z
  .strictObject({
    name: text(300),
    chair: z
      .strictObject({ name: text(300), partnerKind: kindOrCategory, privacyOfficer })
      .describe("The caller's own organisation, which chairs the covenant"),
  })
  .meta({ id: "EstablishCovenant" });

export const admitBody = z
  .strictObject({
    organisationId: organisationReference,
    name: text(300),
    partnerKind: kindOrCategory,
    privacyOfficer,
  })
  .meta({ id: "AdmitMember" });

export const purposeBody = z
  .strictObject({ purposeId: slug, description: text(1000) })
  .meta({ id: "AddPurpose" });

export const sharingRuleBody = z
  .strictObject({
    ruleId: slug.optional().describe("Chosen by the client, or generated"),
    sharerKind: kindOrCategory,
    dataCategories: z.array(kindOrCategory).min(1).max(30),
    recipientKinds: z.array(kindOrCategory).min(1).max(30),
    legalBasisIds: z.array(slug).min(1).max(30),
  })
  .meta({ id: "AddSharingRule" });

export const retentionBody = z
  .strictObject({ yearsAfterClosure: z.int().min(1).max(100) })
  .meta({ id: "SetRetention" });

export const memberView = z
  .strictObject({
    organisationId: z.string(),
    name: z.string(),
    partnerKind: z.string(),
    status: z.enum(["member", "withdrawn"]),
    privacyOfficer: z.strictObject({ name: z.string(), email: z.string() }),
  })
  .meta({ id: "CovenantMember" });

export const purposeView = z
  .strictObject({
    purposeId: z.string(),
    description: z.string(),
    retentionYearsAfterClosure: z.int().nullable(),
  })
  .meta({ id: "CovenantPurpose" });

export const sharingRuleView = z
  .strictObject({
    ruleId: z.string(),
    sharerKind: z.string(),
    dataCategories: z.array(z.string()),
    recipientKinds: z.array(z.string()),
    legalBasisIds: z.array(z.string()),
  })
  .meta({ id: "SharingRule" });

export const covenantView = z
  .strictObject({
    covenantId: z.uuid(),
    name: z.string(),
    chairOrganisationId: z.string(),
    members: z.array(memberView),
    purposes: z.array(purposeView),
    sharingRules: z.array(sharingRuleView),
  })
  .meta({ id: "Covenant" });
