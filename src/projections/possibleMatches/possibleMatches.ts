import type { MatchedCase, MatchKind } from "../../domain/index.js";
import type { ReadModel } from "../readModel.js";

/** A possible match on the chair's worklist: two case ids, the kind of key, when. */
export type PossibleMatch = {
  matchId: string;
  kind: MatchKind;
  cases: [MatchedCase, MatchedCase];
  foundAt: string;
};

/** "Which cases of this covenant may be about one young person?" — for the covenant's chair. */
export interface PossibleMatchesModel extends ReadModel {
  readonly name: "possibleMatches";
  /** The covenant's possible matches, oldest first. */
  query(covenantId: string): PossibleMatch[];
}

const isMatchedCase = (value: unknown): value is MatchedCase => {
  const matched = value as MatchedCase | null;
  return typeof matched?.caseId === "string" && typeof matched.subjectId === "string";
};

export function createPossibleMatches(): PossibleMatchesModel {
  const byCovenant = new Map<string, PossibleMatch[]>();
  return {
    name: "possibleMatches",
    apply(event) {
      if (event.type !== "PossibleMatchFound") return;
      const { matchId, covenantId, kind, cases, foundAt } = event.data;
      if (typeof matchId !== "string" || typeof covenantId !== "string") return;
      if (!Array.isArray(cases) || cases.length !== 2 || !cases.every(isMatchedCase)) return;
      const match = {
        matchId,
        kind: kind as MatchKind,
        cases: [{ ...cases[0] }, { ...cases[1] }] as [MatchedCase, MatchedCase],
        foundAt: String(foundAt),
      };
      byCovenant.set(covenantId, [...(byCovenant.get(covenantId) ?? []), match]);
    },
    reset: () => byCovenant.clear(),
    query: (covenantId) => [...(byCovenant.get(covenantId) ?? [])],
  };
}
