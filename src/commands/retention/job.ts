import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { DomainError } from "../../domain/index.js";
import { KeyWipeIncompleteError } from "../../privacy/keys/errors.js";
import type { KeyStore } from "../../privacy/keys/keyStore.js";
import type { EventStore } from "../../store/eventStore.js";
import { START } from "../../store/types.js";
import type { CommandDeps } from "../handleCommand.js";
import { handleSubjectCommand } from "../subjects.js";
import { type DueSubject, RetentionLedger } from "./ledger.js";

/** The stream where each run that erased something leaves its summary. */
export const RETENTION_STREAM = "retention";
export const RETENTION_APPLIED = "RetentionApplied";

export type RetentionDeps = CommandDeps & { keyStore: KeyStore };

/** What one run did, in ids and counts only: safe to print and to log. */
export interface RetentionSummary {
  runId: string;
  ranAt: string;
  subjectsErased: number;
  casesErased: number;
  /** Subjects with a case past retention kept because another case still holds them. */
  subjectsHeld: number;
  /** Subjects another process erased between our scan and our command. */
  alreadyErased: number;
  /** Subjects whose erasure failed; the next run tries them again. */
  failures: { subjectId: string; error: string }[];
  /**
   * Whether no file of the key storage can still hold a key erased so far (this run's or an
   * earlier one's): the run flushes the storage once for all its erasures.
   */
  erasureComplete: boolean;
  /** When not complete: the setting or grant that prevents it (no personal data); the next run tries again. */
  incompleteBecause?: string;
}

export interface RetentionJob {
  /** Reads the store from where the last run stopped, erases every subject whose retention ended at `now`. */
  run(now?: string): Promise<RetentionSummary>;
}

const PAGE = 1000;

/**
 * The retention job: finds subjects whose cases have all been closed longer than their
 * retention (CaseClosed.retentionUntil, moved by RetentionExtended) and erases them with
 * ApplyRetention. It keeps its fold between runs, so a scheduled run reads only new events;
 * a run that finds nothing due writes nothing.
 */
export function createRetentionJob(deps: RetentionDeps): RetentionJob {
  const ledger = new RetentionLedger();
  let position = START;
  let running: Promise<unknown> = Promise.resolve();

  // The ledger folds case, subject and merge events only: the read records, most of a
  // deployed store, are paged past. A turn of the event loop after each page: a first run over
  // years of case work reads beside the requests, not in front of them.
  async function catchUp(store: EventStore): Promise<void> {
    for (;;) {
      const page = await store.readAllExceptReadRecords({ fromPosition: position, limit: PAGE });
      for (const event of page) ledger.apply(event);
      if (page.length > 0) position = (page[page.length - 1] as { position: bigint }).position;
      if (page.length < PAGE) return;
      await nextTurn();
    }
  }

  async function runOnce(now: string): Promise<RetentionSummary> {
    await catchUp(deps.store);
    const { due, held } = ledger.dueAt(now);
    const summary: RetentionSummary = {
      runId: randomUUID(),
      ranAt: now,
      subjectsErased: 0,
      casesErased: 0,
      subjectsHeld: held,
      alreadyErased: 0,
      failures: [],
      erasureComplete: false,
    };
    const erased: DueSubject[] = [];
    for (const subject of due) {
      const outcome = await erase(deps, subject, now, summary.runId);
      if (outcome === "erased") erased.push(subject);
      else if (outcome === "already-erased") summary.alreadyErased++;
      else summary.failures.push({ subjectId: subject.subjectId, error: outcome.error });
    }
    summary.subjectsErased = erased.length;
    summary.casesErased = erased.reduce((count, subject) => count + subject.caseIds.length, 0);
    if (erased.length > 0) await recordRun(deps.store, summary, erased);
    // Every run flushes, so an erasure whose flush failed or was cut short by a crash completes later.
    const flushed = await flushErased(deps.keyStore);
    summary.erasureComplete = flushed === true;
    if (flushed !== true) summary.incompleteBecause = flushed;
    await catchUp(deps.store);
    return summary;
  }

  return {
    run(now = new Date().toISOString()) {
      // Runs take turns, so a slow run and the next tick never erase the same subject twice.
      const next = running.then(() => runOnce(now));
      running = next.catch(() => {});
      return next;
    },
  };
}

async function erase(
  deps: RetentionDeps,
  subject: DueSubject,
  now: string,
  runId: string,
): Promise<"erased" | "already-erased" | { error: string }> {
  const { subjectId, caseIds, retentionUntil, covenantId } = subject;
  try {
    await handleSubjectCommand(
      deps,
      { type: "ApplyRetention", now, subjectId, caseIds, retentionUntil },
      covenantId,
      { correlationId: runId, flush: "later" },
    );
    return "erased";
  } catch (error) {
    if (error instanceof DomainError && error.rule === "already-erased") return "already-erased";
    // A name or code only: messages of foreign errors are not ours to vouch for.
    const code = error instanceof DomainError ? `${error.code}:${error.rule}` : undefined;
    return { error: code ?? (error instanceof Error ? error.name : "unknown") };
  }
}

/** True once the key storage holds no erased key in any file; else why not, as the error says it. */
async function flushErased(keyStore: KeyStore): Promise<true | string> {
  try {
    await keyStore.flushErased();
    return true;
  } catch (error) {
    if (error instanceof KeyWipeIncompleteError) return error.message;
    // A name only: messages of foreign errors are not ours to vouch for.
    return error instanceof Error ? error.name : "unknown";
  }
}

/** The run's own record beside the SubjectErased events: when it ran and what it erased. */
async function recordRun(
  store: EventStore,
  summary: RetentionSummary,
  erased: DueSubject[],
): Promise<void> {
  await store.append(
    RETENTION_STREAM,
    [
      {
        eventId: randomUUID(),
        type: RETENTION_APPLIED,
        data: {
          runId: summary.runId,
          ranAt: summary.ranAt,
          subjectIds: erased.map((subject) => subject.subjectId),
          caseIds: erased.flatMap((subject) => subject.caseIds),
          subjectsHeld: summary.subjectsHeld,
        },
        metadata: { command: "ApplyRetention", correlationId: summary.runId },
      },
    ],
    { expectedRevision: "any" },
  );
}

/** Runs the job once over the whole store: what the CLI does. */
export const runRetention = (deps: RetentionDeps, now?: string) =>
  createRetentionJob(deps).run(now);
