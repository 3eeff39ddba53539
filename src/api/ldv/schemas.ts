import { z } from "zod";
import { pagingFields } from "../paging.js";

// Logboek Dataverwerkingen's field names (snake_case) where the standard names a field.

const instant = z.iso.datetime({ offset: true });
const hex = (bytes: number) =>
  z
    .string()
    .length(bytes * 2)
    .regex(/^[0-9a-f]+$/, "lower-case hex");

export const period = z
  .strictObject({
    from: instant.optional().describe("Inclusive"),
    to: instant.optional().describe("Exclusive"),
  })
  .describe("On the processing's start_time");

/** The LDV read extension's query, with the covenant whose log it reads. */
export const processingQueryBody = z.strictObject({
  covenant: z.uuid().describe("The covenant whose processing log is read"),
  trace_id: hex(16).optional(),
  processing_activity_id: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe(
      "An activity version URI from the register, or the activity's URI without /versions/{n}",
    ),
  data_subject_id: z.string().min(1).max(200).optional().describe("The pseudonymous subject id"),
  period: period.optional(),
  ...pagingFields,
});

const attribute = z.strictObject({ key: z.string(), value: z.string() });

export const processingRecordView = z.strictObject({
  trace_id: z.string(),
  span_id: z.string(),
  parent_span_id: z.string().nullable(),
  name: z.string(),
  start_time: z.string(),
  end_time: z.string(),
  status_code: z.enum(["OK", "ERROR"]),
  foreign_operation: z
    .strictObject({ trace_id: z.string(), span_id: z.string(), entity: z.string().nullable() })
    .nullable(),
  attributes: z.array(attribute),
});

const scope = z.enum(["covenant", "organisation"]);

export const processingRecordList = z.strictObject({
  scope,
  items: z.array(processingRecordView),
  next_cursor: z.string().nullable().describe("The `cursor` of the next page; null on the last"),
});

export const nenQuery = z.object({
  covenant: z.uuid().describe("The covenant whose log is exported"),
  subject: z.string().min(1).max(200).optional().describe("Only this pseudonymous subject"),
  from: instant.optional().describe("Period start, inclusive"),
  to: instant.optional().describe("Period end, exclusive"),
  ...pagingFields,
});

/** One NEN 7513 log entry: the norm's fields for who did what to whose record, when and under which authority. */
export const nenEntryView = z.strictObject({
  eventId: z.string(),
  eventAction: z.enum(["C", "R", "U", "D"]),
  eventDateTime: z.string(),
  eventOutcome: z.enum(["0", "4"]).describe("0 success, 4 refused"),
  userId: z.string().nullable(),
  userRole: z.string().nullable(),
  userOrganisation: z.string().nullable(),
  purposeOfUse: z.string(),
  participantObjectId: z.string(),
  participantObjectIdType: z.string(),
  authorisationProtocol: z.string(),
  processingActivity: z.string(),
  source: z.string(),
});

export const nenExport = z.strictObject({
  scope,
  items: z.array(nenEntryView),
  next: z.string().nullable().describe("The link to the next page; null on the last"),
});

export const registerParams = z.object({ covenantId: z.uuid() });
export const versionParams = z.object({
  covenantId: z.uuid(),
  activityId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and - only"),
  version: z.coerce.number().int().min(1).max(1_000_000),
});

export const activityVersionView = z.strictObject({
  uri: z.string(),
  activityId: z.string(),
  version: z.number().int(),
  validFrom: z.string(),
  source: z.enum(["covenant-purpose", "service"]),
  purpose: z.string(),
  legalBases: z.array(z.string()),
  dataCategories: z.array(z.string()),
  recipientRoles: z.array(z.string()),
  retentionYearsAfterClosure: z.number().nullable(),
});

export const registerView = z.strictObject({
  covenantId: z.string(),
  activities: z.array(activityVersionView),
});
