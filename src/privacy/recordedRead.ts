import type { AccessRecorder, Reading, SeenCase } from "./accessRecords.js";

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
  await recorder.record(reading, seen);
  return present();
}
