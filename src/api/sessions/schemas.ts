import { z } from "zod";
import { contactInput } from "../contactInput.js";
import { meetingRecordFields } from "../meetingRecord.js";
import { organisationReference as reference } from "../organisationReference.js";

// Session input and output. Every string is bounded and every object strict, as for cases.

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime({ offset: true });

export const sessionParams = z.object({ sessionId: z.uuid() });
export const itemParams = z.object({ sessionId: z.uuid(), itemId: z.uuid() });
export const correctionParams = z.object({
  sessionId: z.uuid(),
  itemId: z.uuid(),
  correctionId: z.uuid(),
});

export const planSessionBody = z
  .strictObject({
    covenantId: reference,
    startsAt: instant,
    endsAt: instant,
    location: text(300).nullable().optional(),
    videoLink: z
      .url({ protocol: /^https$/ })
      .max(2000)
      .nullable()
      .optional(),
    plannedOrganisationIds: z.array(reference).max(50),
  })
  .meta({ id: "PlanSession" });

export const rescheduleBody = z
  .strictObject({ startsAt: instant, endsAt: instant, reason: text(2000) })
  .meta({ id: "RescheduleSession" });

export const sessionReasonBody = z
  .strictObject({ reason: text(2000) })
  .meta({ id: "SessionReason" });

export const agendaItemBody = z
  .strictObject({ caseId: z.uuid(), question: text(4000) })
  .meta({ id: "AddAgendaItem" });

export const agendaOrderBody = z
  .strictObject({ itemIds: z.array(z.uuid()).max(200) })
  .meta({ id: "ReorderAgenda" });

export const recordItemBody = z
  .strictObject({
    ...meetingRecordFields,
    agreements: z
      .array(
        z.strictObject({
          what: text(2000),
          ownerOrganisationId: reference,
          owner: contactInput.describe("The named person within the owner organisation"),
          dueDate: z.iso.date(),
        }),
      )
      .max(50)
      .optional(),
  })
  .meta({ id: "RecordAgendaItem" });

export const approveMinutesBody = z
  .strictObject({
    minutes: text(50_000).optional(),
    decisions: z.array(text(2000)).max(50).optional(),
  })
  .meta({ id: "ApproveMinutes" });

export const correctionBody = z
  .strictObject({ minutes: text(50_000) })
  .meta({ id: "ProposeMinutesCorrection" });

export const resolveCorrectionBody = z
  .strictObject({ accepted: z.boolean() })
  .meta({ id: "ResolveMinutesCorrection" });

export const addendumBody = z
  .strictObject({ text: text(20_000) })
  .meta({ id: "AddMinutesAddendum" });

const written = {
  sessionId: z.uuid(),
  revision: z.int().describe("The written stream's revision; also the ETag"),
  position: z.string().describe("The write's global position; send it as Min-Position to read it"),
};

export const sessionWrittenSchema = z.strictObject(written).meta({ id: "SessionWritten" });
export const itemWrittenSchema = z
  .strictObject({
    ...written,
    itemId: z.uuid(),
    revision: z.int().describe("The revision of the item's case stream; also the ETag"),
    correctionId: z.uuid().optional(),
    addendumId: z.uuid().optional(),
  })
  .meta({ id: "AgendaItemWritten" });

const minutesView = z.strictObject({
  status: z.enum(["draft", "approved"]),
  minutes: z.string(),
  decisions: z.array(z.string()),
  approvedAt: z.string().nullable(),
  corrections: z.array(
    z.strictObject({
      correctionId: z.string(),
      proposedBy: z.string(),
      minutes: z.string(),
      proposedAt: z.string(),
      status: z.enum(["proposed", "accepted", "rejected", "folded"]),
    }),
  ),
  addenda: z.array(
    z.strictObject({
      addendumId: z.string(),
      addedBy: z.string(),
      text: z.string(),
      addedAt: z.string(),
    }),
  ),
});

const agendaItemView = z.strictObject({
  itemId: z.string(),
  caseId: z.string(),
  question: z.string(),
  heldAt: z.string().nullable(),
  attendees: z.array(
    z.strictObject({ organisationId: z.string(), confidentialityAcknowledged: z.boolean() }),
  ),
  minutes: minutesView
    .nullable()
    .describe("Rule 4 per item: only for the organisations that attended it"),
  caseRevision: z
    .int()
    .describe("The revision of the item's case stream, for If-Match on item writes"),
});

const header = {
  sessionId: z.string(),
  covenantId: z.string(),
  chairOrganisationId: z.string(),
  status: z.enum(["planned", "rescheduled", "cancelled", "held"]),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  location: z.string().nullable(),
  videoLink: z.string().nullable(),
  plannedOrganisationIds: z.array(z.string()),
  rescheduleReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  heldAt: z.string().nullable(),
  legacy: z.boolean().describe("A case meeting from before sessions, shown as a one-item session"),
};

/** A werkgroep theme on the session's agenda: ids only, the theme itself is read at its link. */
const themeOnAgenda = z.strictObject({
  themeId: z.string(),
  link: z.string().describe("GET it for the theme as the caller may see it"),
});

export const sessionViewSchema = z
  .strictObject({
    ...header,
    agenda: z.array(agendaItemView),
    themes: z
      .array(themeOnAgenda)
      .describe("Themes on this session's agenda that the caller may see (the themes policy)"),
  })
  .meta({ id: "Session" });

export const sessionListSchema = z
  .strictObject({
    sessions: z.array(
      z.strictObject({
        ...header,
        agenda: z.array(z.strictObject({ itemId: z.string(), caseId: z.string() })),
      }),
    ),
  })
  .meta({ id: "SessionList" });
