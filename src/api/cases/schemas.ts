import { z } from "zod";
import { contactInput } from "../contactInput.js";
import { meetingRecordFields } from "../meetingRecord.js";
import { organisationReference } from "../organisationReference.js";

// Input schemas of the case resources. Every string is bounded and every object strict, so
// a partner system learns its mistakes from a 400 instead of a stored surprise.

/** Organisation, covenant and catalogue ids: short, printable, never personal. */
/** An id another system issues (an organisation, a category, a seeded covenant). */
export const reference = organisationReference;

const text = (max: number) => z.string().trim().min(1).max(max);
const calendarDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const caseParams = z.object({ caseId: z.uuid() });
export const participantParams = z.object({ caseId: z.uuid(), organisationId: reference });
export const shareParams = z.object({ caseId: z.uuid(), shareId: z.uuid() });
export const signalParams = z.object({ caseId: z.uuid(), signalId: z.uuid() });
export const consentParams = z.object({ caseId: z.uuid(), consentId: z.uuid() });
export const meetingParams = z.object({ caseId: z.uuid(), meetingId: z.uuid() });
export const agreementParams = z.object({ caseId: z.uuid(), agreementId: z.uuid() });

const urgency = z.enum(["low", "medium", "high"]);

const signalFields = {
  category: reference.describe("A signal category id from /v1/catalogue/signal-categories"),
  level: reference.describe("A level id from the catalogue"),
  urgency,
  description: text(4000),
};

// The identity in parts that matching uses (rule 9; README "Matching a young person"). The
// domain checks each part and names the broken rule; here only size and type.
const identityParts = {
  givenNames: z.string().max(200).optional().describe("All given names, as on the BRP"),
  tussenvoegsel: z.string().max(50).optional().describe('E.g. "van der"'),
  surname: z.string().max(200).optional().describe("The surname without tussenvoegsel"),
  bsn: z
    .string()
    .max(20)
    .optional()
    .describe(
      "Burgerservicenummer; only from partner kinds that may use it (rule bsn-partner-kind)",
    ),
  schoolId: reference.optional().describe("The member organisation id of the school"),
};

export const openCaseBody = z
  .strictObject({
    covenantId: reference,
    subject: z.strictObject({
      name: text(200),
      dateOfBirth: calendarDate,
      school: text(200),
      ...identityParts,
    }),
    contact: contactInput,
    ...signalFields,
  })
  .meta({ id: "OpenCase" });

export const raiseSignalBody = z.strictObject(signalFields).meta({ id: "RaiseSignal" });

export const inviteBody = z
  .strictObject({ organisationId: reference, message: z.string().max(2000).default("") })
  .meta({ id: "InvitePartner" });

export const joinBody = z.strictObject({ contact: contactInput }).meta({ id: "JoinCase" });

export const regieBody = z.strictObject({ organisationId: reference }).meta({ id: "AssignRegie" });

export const shareBody = z
  .strictObject({
    recipients: z.array(reference).min(1).max(50),
    dataCategories: z.array(reference).min(1).max(30),
    legalBasisId: reference,
    purposeId: reference,
    necessity: text(4000),
    content: text(20_000),
    expiresAt: instant.nullable().optional(),
    decisionReference: z.string().max(500).nullable().optional(),
    weightyPublicInterest: z.string().max(4000).nullable().optional(),
    competentAuthorityAgreement: z
      .strictObject({
        authority: z.enum(["burgemeester", "officier-van-justitie"]),
        reference: text(500),
        agreedOn: calendarDate,
      })
      .nullable()
      .optional(),
  })
  .meta({ id: "ShareInformation" });

export const shareSignalBody = shareBody
  .omit({ content: true })
  .meta({ id: "ShareSignal", description: "A share whose content is the signal's description" });

export const correctionBody = z
  .strictObject({ content: text(20_000), reason: text(2000) })
  .meta({ id: "CorrectShare" });

export const consentBody = z
  .strictObject({
    giver: z.strictObject({
      role: z.enum(["subject", "parent", "guardian"]),
      name: text(200).nullable().optional().describe("A parent's or guardian's name (personal)"),
      parentalAuthority: z
        .boolean()
        .nullable()
        .optional()
        .describe("Required for a parent or guardian: whether they hold parental authority"),
    }),
    method: z.enum(["form", "verbal"]),
    evidenceReference: text(500).describe("Where the form or the note of the conversation is kept"),
    scope: z.strictObject({
      dataCategories: z.array(reference).min(1).max(30),
      recipientOrganisationIds: z.array(reference).min(1).max(50),
      purposeId: reference,
    }),
    givenOn: calendarDate,
    expiresAt: instant.nullable().optional(),
  })
  .meta({ id: "RecordConsent" });

export const scheduleMeetingBody = z
  .strictObject({ scheduledFor: instant, agenda: text(4000) })
  .meta({ id: "ScheduleMeeting" });

export const recordMeetingBody = z
  .strictObject({
    ...meetingRecordFields,
  })
  .meta({ id: "RecordMeeting" });

export const agreementBody = z
  .strictObject({
    what: text(2000),
    ownerOrganisationId: reference,
    owner: contactInput.describe("The named person within the owner organisation"),
    dueDate: calendarDate,
    meetingId: z.uuid().nullable().optional(),
  })
  .meta({ id: "MakeAgreement" });

export const dueDateChangeBody = z
  .strictObject({ dueDate: calendarDate, reason: text(2000) })
  .meta({ id: "ChangeAgreementDueDate" });

export const progressNoteBody = z
  .strictObject({ note: text(4000) })
  .meta({ id: "NoteAgreementProgress" });

export const completionBody = z
  .strictObject({ note: text(4000).optional() })
  .optional()
  .meta({ id: "CompleteAgreement", description: "May be left out: a completion without a note" });

export const reasonBody = z.strictObject({ reason: text(2000) }).meta({ id: "Reason" });

export const closureBody = z
  .strictObject({
    outcome: z.enum(["resolved", "referred", "no-further-concern", "stopped"]),
    reason: text(2000),
  })
  .meta({ id: "CloseCase" });

export const retentionBody = z
  .strictObject({ retentionUntil: instant, reason: text(2000) })
  .meta({ id: "ExtendRetention" });

export type OpenCaseBody = z.infer<typeof openCaseBody>;
export type ShareBody = z.infer<typeof shareBody>;
