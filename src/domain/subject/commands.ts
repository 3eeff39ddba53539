import type { Actor } from "../actor.js";
import type { ErasureReason } from "./events.js";

/** A covenant privacy officer erases a subject's personal data in the given cases. */
export type EraseSubject = {
  type: "EraseSubject";
  actor: Actor;
  now: string;
  subjectId: string;
  caseIds: string[];
  reason: Exclude<ErasureReason, "retention">;
};

/** The retention job erases a subject whose cases' retention has ended; no user is involved. */
export type ApplyRetention = {
  type: "ApplyRetention";
  now: string;
  subjectId: string;
  caseIds: string[];
  /** The latest retentionUntil over those cases (from CaseClosed / RetentionExtended). */
  retentionUntil: string;
};

export type SubjectCommand = EraseSubject | ApplyRetention;
