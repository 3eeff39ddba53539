import type { Worker } from "node:worker_threads";
import { startModuleWorker } from "../../store/moduleWorker.js";
import type { DecryptJob, DecryptReply } from "./decryptWorker.js";

type Pending = { resolve: (texts: DecryptReply) => void; reject: (error: Error) => void };

// One worker per process, started on first use: a second core is what a rebuild lacks.
let worker: Worker | null = null;
// Set to 1 by the worker once it listens for jobs.
let started = new Int32Array(new SharedArrayBuffer(4));
// The worker answers jobs in the order it receives them.
const pending: Pending[] = [];

/** Whether the decrypt worker has started and can take jobs; starts it when not yet running. */
export function offThreadReady(): boolean {
  if (worker === null) start();
  return Atomics.load(started, 0) === 1;
}

/** Opens a batch of envelopes in the decrypt worker; per item the plaintext, or null when authentication failed. */
export function openOffThread(job: DecryptJob): Promise<DecryptReply> {
  const thread = worker ?? start();
  return new Promise<DecryptReply>((resolve, reject) => {
    if (pending.length === 0) thread.ref();
    pending.push({ resolve, reject });
    thread.postMessage(job);
  });
}

function start(): Worker {
  started = new Int32Array(new SharedArrayBuffer(4));
  const thread = startModuleWorker("./decryptWorker", import.meta.url, { started });
  thread.on("message", (texts: DecryptReply) => {
    pending.shift()?.resolve(texts);
    // An idle worker must not keep the process alive.
    if (pending.length === 0) thread.unref();
  });
  const lost = (error: Error) => {
    if (worker !== thread) return;
    worker = null;
    for (const job of pending.splice(0)) job.reject(error);
  };
  thread.on("error", lost);
  thread.on("exit", (code) => lost(new Error(`decrypt worker exited with code ${code}`)));
  thread.unref();
  worker = thread;
  return thread;
}
