import { z } from "zod";
import { organisationReference } from "./organisationReference.js";

/**
 * What is recorded when a case meeting or an agenda item is held: the same fields for both,
 * since an agenda item is the meeting of its case at a session.
 */
export const meetingRecordFields = {
  heldAt: z.iso.datetime({ offset: true }),
  attendees: z
    .array(
      z.strictObject({
        organisationId: organisationReference,
        userId: organisationReference,
        confidentialityAcknowledged: z.boolean(),
      }),
    )
    .min(1)
    .max(50),
  minutes: z.string().trim().min(1).max(50_000),
  decisions: z.array(z.string().trim().min(1).max(2000)).max(50),
};
