import { commandWriteProblems } from "../http/problems.js";

export const covenantTags = ["covenants"] as const;

/** Problems every covenant write can answer with. */
export const covenantWriteProblems = commandWriteProblems;
