import type { AccessRecorder, Reading, SeenCase, SeenTheme } from "./accessRecords.js";

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

/**
 * The same corridor for themes: a theme restricted to named members is put on record (which
 * themes, which items, by whom, why) before the presenter builds the answer. Themes open to
 * the whole covenant carry no personal data and pass without a record.
 */
export async function recordedThemeRead<Answer>(
  recorder: AccessRecorder,
  reading: Reading,
  seen: readonly SeenTheme[],
  present: () => Answer,
): Promise<Answer> {
  await recorder.recordThemes(reading, seen);
  return present();
}
