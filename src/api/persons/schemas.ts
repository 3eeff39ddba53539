import { z } from "zod";
import { MERGE_REASONS, UNDO_REASONS } from "../../domain/index.js";

export const mergeBody = z
  .strictObject({
    covenantId: z.uuid(),
    caseIds: z
      .tuple([z.uuid(), z.uuid()])
      .describe("One case of each subject record found to be the same young person"),
    reason: z.enum(MERGE_REASONS),
  })
  .meta({ id: "MergeSubjects" });

export const mergeParams = z.object({ mergeId: z.uuid() });

export const undoBody = z
  .strictObject({ covenantId: z.uuid(), reason: z.enum(UNDO_REASONS) })
  .meta({ id: "UndoMerge" });

const decidedBy = z.strictObject({ userId: z.string(), organisationId: z.string() });

export const mergeView = z
  .strictObject({
    mergeId: z.string(),
    covenantId: z.string(),
    linked: z.array(z.strictObject({ subjectId: z.string(), caseId: z.string() })),
    reason: z.string(),
    mergedAt: z.string(),
    mergedBy: decidedBy,
    undone: z
      .strictObject({ reason: z.string(), undoneAt: z.string(), undoneBy: decidedBy })
      .nullable(),
  })
  .meta({
    id: "SubjectMerge",
    description: "Two subject records linked as one young person (rule 9); ids and codes only",
  });

export const mergeList = z
  .strictObject({ items: z.array(mergeView) })
  .meta({ id: "SubjectMergeList" });

export const mergeRegisterQuery = z.object({
  covenant: z.uuid().describe("The covenant whose merges are listed"),
});
