import { commandWriteProblems } from "../http/problems.js";

/** Problems every case write can answer with; a hidden case is always 404. */
export const caseWriteProblems = commandWriteProblems;

export const caseTags = ["cases"] as const;
