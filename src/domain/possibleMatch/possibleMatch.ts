import type { Decider, DomainEvent } from "../decider.js";
import type { MatchKind } from "../identity/matchKeys.js";

/** One case of a possible match: ids only, so the record holds nothing personal. */
export type MatchedCase = { caseId: string; subjectId: string };

/**
 * Intake opened a case whose young person shares a weak key (surname and date of birth)
 * with a subject of another case in the covenant: the chair decides whether they are one
 * young person (rule 9). Names the two cases and the kind of key, never what matched.
 */
export type PossibleMatchFound = DomainEvent<
  "PossibleMatchFound",
  {
    matchId: string;
    covenantId: string;
    kind: MatchKind;
    /** The case just opened, then the case it may share a young person with. */
    cases: [MatchedCase, MatchedCase];
    foundAt: string;
  }
>;

export type PossibleMatchEvent = PossibleMatchFound;
export type PossibleMatchEventType = PossibleMatchEvent["type"];

export type NotePossibleMatch = Omit<PossibleMatchFound["data"], "foundAt"> & {
  type: "NotePossibleMatch";
  now: string;
};

export type PossibleMatchState = { noted: boolean };

export const possibleMatchStreamId = (matchId: string) => `possible-match-${matchId}`;

/** A possible match is noted once: noting it again (a retried intake) writes nothing. */
export const possibleMatchDecider: Decider<
  NotePossibleMatch,
  PossibleMatchEvent,
  PossibleMatchState,
  unknown
> = {
  initialState: { noted: false },
  evolve: () => ({ noted: true }),
  decide(command, state) {
    if (state.noted) return [];
    const { type: _type, now, ...data } = command;
    return [{ type: "PossibleMatchFound", data: { ...data, foundAt: now } }];
  },
};
