import { z } from "zod";
import { shareMetadataFields } from "../../shareSchemas.js";
import { agreementSchema } from "./agreementView.js";
import { consentGiverSchema, contact } from "./contactSchema.js";

// Response schemas of one case as the caller may see it; /openapi.json is generated from them.

const participant = z.strictObject({
  organisationId: z.string(),
  status: z.enum(["invited", "joined", "declined", "left", "removed"]),
  since: z.string(),
  contact: contact.nullable().describe("Named contact of a joined participant"),
});

const signal = z.strictObject({
  signalId: z.string(),
  raisedBy: z.string(),
  category: z.string(),
  level: z.string(),
  urgency: z.enum(["low", "medium", "high"]),
  description: z
    .string()
    .nullable()
    .describe(
      "For the raising organisation and the chair only; others learn it through a share of the signal",
    ),
  raisedAt: z.string(),
});

const meeting = z.strictObject({
  meetingId: z.string(),
  scheduledFor: z.string(),
  agenda: z.string(),
  heldAt: z.string().nullable(),
  attendees: z.array(
    z.strictObject({
      organisationId: z.string(),
      userId: z.string(),
      confidentialityAcknowledged: z.boolean(),
    }),
  ),
  minutes: z.string().nullable().describe("Only for organisations that attended"),
  decisions: z.array(z.string()).nullable(),
});

const consent = z.strictObject({
  consentId: z.string(),
  givenBy: z.enum(["subject", "parent"]).describe("The age band the giver counts for"),
  giver: consentGiverSchema,
  method: z.enum(["form", "verbal"]).nullable().describe("Null on records made before issue 12"),
  evidenceReference: z.string().nullable(),
  recordedByUserId: z.string().nullable(),
  scope: z.strictObject({
    dataCategories: z.array(z.string()),
    recipientOrganisationIds: z.array(z.string()),
    purposeId: z.string(),
  }),
  givenOn: z.string(),
  expiresAt: z.string().nullable(),
  recordedBy: z.string(),
  withdrawnAt: z.string().nullable(),
});

const share = z.strictObject({
  ...shareMetadataFields,
  content: z.string(),
  correctedAt: z.string().nullable(),
});

export const caseSchema = z
  .strictObject({
    view: z.literal("case"),
    caseId: z.string(),
    revision: z.int(),
    status: z.enum(["open", "closed"]),
    covenantId: z.string().nullable(),
    chairOrganisationId: z.string(),
    regieOrganisationId: z.string().nullable(),
    outcome: z.enum(["resolved", "referred", "no-further-concern", "stopped"]).nullable(),
    closedAt: z.string().nullable(),
    retentionUntil: z.string().nullable(),
    subject: z
      .strictObject({ name: z.string(), dateOfBirth: z.string(), school: z.string() })
      .nullable()
      .describe('Personal data; reads "[erased]" once the subject is erased'),
    participants: z.array(participant),
    signals: z.array(signal),
    meetings: z.array(meeting),
    agreements: z.array(agreementSchema),
    consents: z.array(consent),
    shares: z.array(share).describe("Only shares the caller's organisation made or received"),
  })
  .meta({ id: "Case" });

export const invitationSchema = z
  .strictObject({
    view: z.literal("invitation"),
    caseId: z.string(),
    revision: z.int(),
    signalCategory: z.string().nullable(),
    chairOrganisationId: z.string(),
    message: z.string(),
  })
  .meta({ id: "Invitation", description: "What an invited organisation sees until it joins" });

export const caseOrInvitationSchema = z
  .discriminatedUnion("view", [caseSchema, invitationSchema])
  .meta({ id: "CaseOrInvitation" });
