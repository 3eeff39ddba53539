// Runs in a worker thread: opens the envelopes of a page of events while the projector's
// thread reads and folds other pages. Decryption is all it does; placing values stays with the codec.
import type { KeyObject } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { openText, type SealedFields } from "./envelope.js";

/**
 * Envelopes to open, one per index, and the keys that open them; the keys live only as long
 * as the job. Columns rather than one object per envelope: they cross threads at half the cost.
 */
export interface DecryptJob {
  keys: KeyObject[];
  /** Index into keys of each envelope's key. */
  keyOf: number[];
  streamIds: string[];
  eventTypes: string[];
  kids: string[];
  fields: string[][];
  boxes: string[];
}

/** Per envelope: the authenticated plaintext, or null when authentication failed. */
export type DecryptReply = (string | null)[];

parentPort?.on("message", (job: DecryptJob) => {
  const texts: DecryptReply = new Array(job.boxes.length);
  for (let i = 0; i < texts.length; i++) {
    const place = { streamId: job.streamIds[i]!, eventType: job.eventTypes[i]! };
    const sealed: SealedFields = {
      $enc: "v2",
      kid: job.kids[i]!,
      fields: job.fields[i]!,
      box: job.boxes[i]!,
    };
    texts[i] = openText(job.keys[job.keyOf[i]!]!, place, sealed) ?? null;
  }
  parentPort!.postMessage(texts);
});
// Starting a worker under tsx takes a few hundred milliseconds and the codec decrypts inline
// until then; a shared flag, because a busy rebuild may not turn its event loop to read a message.
if (workerData?.started instanceof Int32Array) Atomics.store(workerData.started, 0, 1);
