import {
  MATCH_STRENGTH,
  type MatchedCase,
  type MatchKind,
  possibleMatchDecider,
  possibleMatchStreamId,
} from "../../domain/index.js";
import type { IndexHit } from "../../privacy/identity/identityIndex.js";
import { handleCommand } from "../handleCommand.js";
import type { Intake, IntakeDeps } from "./intake.js";

/**
 * Notes, for the chair, each other young person of the covenant the new case's young person
 * shares a weak key with: against that person's open case, else their latest (rule 9).
 */
export async function notePossibleMatches(
  deps: IntakeDeps,
  intake: Intake,
  opened: MatchedCase,
  hits: readonly IndexHit[],
): Promise<void> {
  let n = 0;
  for (const [subjectId, kind] of strongestKindPerSubject(hits)) {
    const cases = deps.casesOf(subjectId, intake.covenantId);
    const other = cases.find((known) => known.open) ?? cases.at(-1);
    if (!other) continue;
    const matchId = intake.newMatchId(n++);
    await handleCommand({
      deps: deps.commands,
      streamId: possibleMatchStreamId(matchId),
      decider: possibleMatchDecider,
      loadContext: async () => undefined,
      command: {
        type: "NotePossibleMatch",
        matchId,
        covenantId: intake.covenantId,
        kind,
        cases: [opened, { caseId: other.caseId, subjectId }],
        now: intake.now,
      },
    });
  }
}

function strongestKindPerSubject(hits: readonly IndexHit[]): Map<string, MatchKind> {
  const kinds = new Map<string, MatchKind>();
  for (const { subjectId, kind } of hits) {
    const known = kinds.get(subjectId);
    if (known === undefined || MATCH_STRENGTH[known] === "weak") kinds.set(subjectId, kind);
  }
  return kinds;
}
