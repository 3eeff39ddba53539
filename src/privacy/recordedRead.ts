import type { AccessRecorder, NewAccessRecord } from "./accessRecords.js";

/** Who reads, why, under which request and when: the same for every case one answer shows. */
export type Reading = Pick<NewAccessRecord, "actor" | "purpose" | "correlationId" | "now">;

/** One case the policy let the reader see, with the ids of the items the answer shows from it. */
export type SeenCase = Pick<NewAccessRecord, "caseId" | "subjectId" | "covenantId" | "itemIds">;

/**
 * The recorded read (DESIGN §1, §3 rule 8), the one corridor every content response passes:
 * the policy has answered with what the reader may see; each case shown is put on record, and
 * only then does the presenter build the answer. A record that cannot be appended fails the read.
 */
export async function recordedRead<Answer>(
  recorder: AccessRecorder,
  reading: Reading,
  seen: readonly SeenCase[],
  present: () => Answer,
): Promise<Answer> {
  // Records of different cases go to different streams, so they group-commit together.
  await Promise.all(seen.map((read) => recorder.record({ ...reading, ...read })));
  return present();
}
