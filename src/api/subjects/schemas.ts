import { z } from "zod";
import { shareFields } from "../shareSchemas.js";

export const subjectParams = z.object({ subjectId: z.uuid() });
export const reportQuery = z.object({
  covenant: z.uuid().describe("The covenant the report covers"),
});

export const erasureBody = z
  .strictObject({
    covenantId: z.uuid(),
    reason: z.enum(["data-subject-request", "unlawful-processing", "consent-withdrawn"]),
  })
  .meta({ id: "EraseSubject" });

export const erasurePreviewView = z
  .strictObject({
    subjectIds: z.array(z.string()).describe("The young person's records (merges not undone)"),
    caseIds: z.array(z.string()),
    total: z.number().int().describe('Personal fields that will read "[erased]"'),
    kinds: z.array(
      z.strictObject({
        eventType: z.string(),
        events: z.number().int(),
        fields: z
          .record(z.string(), z.number().int())
          .describe("Per field path, in how many of these events it is sealed"),
      }),
    ),
  })
  .meta({ id: "ErasurePreview" });

export const erasureView = z
  .strictObject({
    subjectId: z.string(),
    subjectIds: z
      .array(z.string())
      .describe("Every subject record of the young person erased (merged records)"),
    covenantId: z.string(),
    caseIds: z.array(z.string()),
    reason: z.string(),
    erasedAt: z.string(),
  })
  .meta({ id: "SubjectErasure" });

const named = z.strictObject({ organisationId: z.string(), name: z.string().nullable() });

const caseSection = z.strictObject({
  caseId: z.string(),
  status: z.string(),
  openedBy: named,
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  retentionUntil: z.string().nullable(),
  subject: z
    .strictObject({ name: z.string(), dateOfBirth: z.string(), school: z.string() })
    .nullable(),
  participants: z.array(named.extend({ status: z.string(), since: z.string() })),
  signals: z.array(
    z.strictObject({
      signalId: z.string(),
      source: named,
      category: z.string(),
      description: z.string(),
      raisedAt: z.string(),
    }),
  ),
  shares: z.array(
    z.strictObject({
      ...shareFields,
      source: named,
      recipients: z.array(named),
      legalBasis: z.strictObject({
        legalBasisId: z.string(),
        citation: z.string().nullable(),
        description: z.string().nullable(),
      }),
      purpose: z.strictObject({ purposeId: z.string(), description: z.string().nullable() }),
      content: z.string(),
      revokedAt: z.string().nullable(),
      correctedAt: z.string().nullable(),
    }),
  ),
  consents: z.array(
    z.strictObject({
      consentId: z.string(),
      givenBy: z.string(),
      giver: z.strictObject({
        role: z.enum(["subject", "parent", "guardian"]),
        name: z.string().nullable(),
        parentalAuthority: z.boolean().nullable(),
      }),
      method: z.enum(["form", "verbal"]).nullable(),
      evidenceReference: z.string().nullable(),
      recordedBy: named.describe("The organisation that obtained it"),
      dataCategories: z.array(z.string()),
      recipients: z.array(named),
      purposeId: z.string(),
      givenOn: z.string(),
      expiresAt: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
    }),
  ),
  meetings: z.array(
    z.strictObject({
      meetingId: z.string(),
      heldAt: z.string(),
      minutes: z.string(),
      decisions: z.array(z.string()),
    }),
  ),
  agendaItems: z
    .array(
      z.strictObject({
        sessionId: z.string(),
        itemId: z.string(),
        sessionDate: z.string().nullable(),
        sessionStatus: z.string(),
        question: z.string(),
        addedAt: z.string(),
        removedAt: z.string().nullable(),
        heldAt: z.string().nullable(),
        attendedBy: z.array(named),
        minutes: z.string().nullable(),
        minutesStatus: z.enum(["draft", "approved"]).nullable(),
        approvedAt: z.string().nullable(),
        decisions: z.array(z.string()),
        corrections: z.array(
          z.strictObject({
            correctionId: z.string(),
            proposedBy: named,
            minutes: z.string(),
            proposedAt: z.string(),
            status: z.string(),
            resolvedAt: z.string().nullable(),
          }),
        ),
        addenda: z.array(
          z.strictObject({
            addendumId: z.string(),
            addedBy: named,
            text: z.string(),
            addedAt: z.string(),
          }),
        ),
      }),
    )
    .describe(
      "The case's items on session agendas: question, attendance, minutes, corrections, addenda",
    ),
  agreements: z.array(
    z.strictObject({
      agreementId: z.string(),
      what: z.string(),
      owner: named,
      dueDate: z.string(),
      status: z.string(),
    }),
  ),
});

export const subjectReportView = z
  .strictObject({
    subjectId: z.string(),
    subjectIds: z
      .array(z.string())
      .describe("Every subject record of the young person the report covers (merged records)"),
    covenantId: z.string(),
    producedAt: z.string(),
    erasure: z.strictObject({ erasedAt: z.string(), reason: z.string() }).nullable(),
    cases: z.array(caseSection),
    reads: z
      .array(
        z.strictObject({
          date: z.string().describe("The day of the reads, Amsterdam time (YYYY-MM-DD)"),
          organisation: named,
          purpose: z.string(),
          caseId: z.string(),
          reads: z.int().min(1).describe("How many times the organisation read the case that day"),
          firstReadAt: z.string(),
          lastReadAt: z.string(),
        }),
      )
      .describe(
        "The dates and purposes of the reads of the young person's cases: one entry per day, organisation, purpose and case, in the order of each day's first read",
      ),
  })
  .meta({
    id: "SubjectAccessReport",
    description:
      "AVG art. 15: the data held, sources, actual recipients, purposes, bases and reads",
  });
