import { z } from "zod";
import { organisationReference } from "../organisationReference.js";
import { pagingFields } from "../paging.js";
import { shareMetadataFields } from "../shareSchemas.js";

const instant = z.iso.datetime({ offset: true });

export const auditQuery = z.object({
  covenant: z.uuid().describe("The covenant audited"),
  case: z.uuid().optional(),
  organisation: organisationReference.optional(),
  from: instant.optional().describe("Period start, inclusive"),
  to: instant.optional().describe("Period end, exclusive"),
});

/** The registers' query (access log, disclosure register): the audit filters and a page. */
export const pagedAuditQuery = auditQuery.extend(pagingFields);

export const disclosureView = z
  .strictObject({
    ...shareMetadataFields,
    caseId: z.string(),
    subjectId: z.string(),
    covenantId: z.string(),
    sharedByUserId: z.string().nullable(),
    legalBasisCitation: z.string().nullable(),
    weightyPublicInterest: z.string().nullable(),
    revokedAt: z.string().nullable(),
    corrections: z.array(z.strictObject({ correctedAt: z.string() })),
    consents: z
      .array(
        z.strictObject({
          consentId: z.string(),
          giverRole: z.enum(["subject", "parent", "guardian"]),
          parentalAuthority: z.boolean().nullable(),
          method: z.enum(["form", "verbal"]).nullable(),
          evidenceReferenced: z.boolean(),
          recordedBy: z.string(),
          recordedByUserId: z.string().nullable(),
          givenOn: z.string(),
          expiresAt: z.string().nullable(),
          withdrawnAt: z.string().nullable(),
        }),
      )
      .describe("The consent records relied on, as metadata; null fields predate issue 12"),
  })
  .meta({ id: "Disclosure", description: "One share as metadata: never its content" });

export const disclosureList = z
  .strictObject({
    scope: z.enum(["covenant", "organisation"]),
    items: z.array(disclosureView),
    next: z.string().nullable().describe("The link to the next page; null on the last"),
  })
  .meta({ id: "DisclosureRegister" });

export const accessRecordView = z
  .strictObject({
    readId: z.string(),
    caseId: z.string(),
    subjectId: z.string(),
    covenantId: z.string(),
    userId: z.string(),
    organisationId: z.string(),
    roles: z.array(z.string()),
    itemIds: z.array(z.string()),
    purpose: z.string(),
    readAt: z.string(),
    correlationId: z.string().nullable(),
  })
  .meta({
    id: "AccessRecord",
    description: "One read of case content: who, which items, why, when",
  });

export const accessList = z
  .strictObject({
    scope: z.enum(["covenant", "organisation"]),
    items: z.array(accessRecordView),
    next: z.string().nullable().describe("The link to the next page; null on the last"),
  })
  .meta({ id: "AccessLog" });

/** The cases a privacy officer may audit: the covenant and a page. */
export const auditedCasesQuery = z.object({
  covenant: z.uuid().describe("The covenant audited"),
  ...pagingFields,
});

export const auditedCaseList = z
  .strictObject({
    scope: z.enum(["covenant", "organisation"]),
    items: z.array(
      z.strictObject({
        caseId: z.uuid(),
        subjectId: z.uuid().nullable().describe("The young person's pseudonymous id"),
      }),
    ),
    next: z.string().nullable().describe("The link to the next page; null on the last"),
  })
  .meta({ id: "AuditedCases", description: "Case and subject ids only, never content" });

export const visibilityParams = z.object({ caseId: z.uuid() });
export const visibilityQuery = z.object({
  organisation: organisationReference.optional().describe("Default: the caller's organisation"),
  at: instant.optional().describe("Default: now"),
});

const shownItem = z.strictObject({
  id: z.string(),
  kind: z.string(),
  categories: z.array(z.string()),
});

export const visibilityView = z
  .strictObject({
    caseId: z.string(),
    organisationId: z.string(),
    at: z.string(),
    access: z.enum(["none", "invitation", "case"]),
    items: z.array(shownItem),
  })
  .meta({ id: "VisibilityAt", description: "Item ids and categories only, never content" });

export const visibilityChangesView = z
  .strictObject({
    caseId: z.string(),
    organisationId: z.string(),
    at: z.string(),
    changes: z.array(
      z.strictObject({
        at: z.string(),
        eventType: z.string().nullable().describe("null: time alone changed it (an expiry)"),
        access: z.enum(["none", "invitation", "case"]),
        gained: z.array(shownItem),
        lost: z.array(shownItem),
      }),
    ),
  })
  .meta({
    id: "VisibilityChanges",
    description: "When an organisation's view of a case changed: ids and categories, no content",
  });

export const integrityQuery = z.object({ covenant: z.uuid() });

export const integrityView = z
  .strictObject({
    streamsChecked: z.int(),
    eventsChecked: z.int(),
    intact: z.boolean(),
    broken: z.array(
      z.strictObject({
        streamId: z.string(),
        revision: z.int(),
        eventId: z.string(),
        reason: z.enum(["prev_hash_mismatch", "hash_mismatch", "revision_gap"]),
      }),
    ),
    brokenElsewhere: z.int().describe("Broken streams outside this covenant, counted only"),
  })
  .meta({ id: "IntegrityReport" });
