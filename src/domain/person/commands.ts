import type { Actor } from "../actor.js";
import type { MergeReason, UndoReason } from "./events.js";

/** The chair organisation (chair or privacy officer) links two subject records as one young person. */
export type MergeSubjects = {
  type: "MergeSubjects";
  actor: Actor;
  now: string;
  mergeId: string;
  covenantId: string;
  /** Each record by its subject id and the case the caller addressed it by. */
  linked: { subject: string; caseId: string }[];
  /** Subject ids already erased: an erased record can no longer be anyone's. */
  erased: string[];
  reason: MergeReason;
};

/** The chair organisation undoes a wrong merge. */
export type UndoMerge = {
  type: "UndoMerge";
  actor: Actor;
  now: string;
  mergeId: string;
  covenantId: string;
  reason: UndoReason;
};

export type PersonCommand = MergeSubjects | UndoMerge;
