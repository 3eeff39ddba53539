import type { CovenantState } from "../../domain/index.js";
import type { ActivityVersion } from "./register.js";

/** What mapping an event needs from the store before it: the register and a few links. */
export interface ProcessingContext {
  /** The activity version in force; undefined for an activity the covenant does not know. */
  activity(covenantId: string, activityId: string): ActivityVersion | undefined;
  covenant(covenantId: string): CovenantState | undefined;
  covenantOfCase(caseId: string): string | undefined;
  /** The subject records a merge linked, for its undoing. */
  subjectsOfMerge(mergeId: string): string[];
}

/** NEN 7513 event action codes: create, read, update, delete. */
export type EventAction = "C" | "R" | "U" | "D";
