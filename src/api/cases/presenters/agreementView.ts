import { z } from "zod";
import type { AgreementView } from "../../../privacy/policy/caseVisibility.js";
import { contact } from "./contactSchema.js";

// An agreement as every organisation that has the case reads it (rule 2), its follow-up included.

export const agreementSchema = z.strictObject({
  agreementId: z.string(),
  what: z.string(),
  ownerOrganisationId: z.string(),
  owner: contact.nullable().describe("Null for agreements made before owners were named"),
  dueDate: z.string(),
  meetingId: z.string().nullable(),
  status: z.enum(["open", "completed", "cancelled"]),
  madeAt: z.string(),
  overdue: z.boolean(),
  dueDateChanges: z.array(
    z.strictObject({
      dueDate: z.string(),
      previousDueDate: z.string(),
      reason: z.string(),
      changedBy: z.string(),
      changedAt: z.string(),
    }),
  ),
  progress: z.array(
    z.strictObject({
      noteId: z.string(),
      note: z.string(),
      notedBy: z.string(),
      notedAt: z.string(),
    }),
  ),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable().describe("Null for completions recorded before issue 12"),
  completionNote: z.string().nullable(),
  completedLate: z.boolean().describe("Completed after the day it was due"),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

export function presentAgreement(a: AgreementView): z.input<typeof agreementSchema> {
  return {
    agreementId: a.agreementId,
    what: a.what,
    ownerOrganisationId: a.ownerOrganisationId,
    owner: a.owner && { name: a.owner.name, function: a.owner.function, reach: a.owner.reach },
    dueDate: a.dueDate,
    meetingId: a.meetingId,
    status: a.status,
    madeAt: a.madeAt,
    overdue: a.overdue,
    dueDateChanges: a.dueDateChanges.map((c) => ({
      dueDate: c.dueDate,
      previousDueDate: c.previousDueDate,
      reason: c.reason,
      changedBy: c.changedBy,
      changedAt: c.changedAt,
    })),
    progress: a.progress.map((p) => ({
      noteId: p.noteId,
      note: p.note,
      notedBy: p.notedBy,
      notedAt: p.notedAt,
    })),
    completedAt: a.completedAt,
    completedBy: a.completedBy,
    completionNote: a.completionNote,
    completedLate: a.completedLate,
    cancelledAt: a.cancelledAt,
    cancelReason: a.cancelReason,
  };
}
