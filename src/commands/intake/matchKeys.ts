import {
  activeMember,
  type CovenantState,
  type Identity,
  identityFrom,
  identityOfSubject,
  MATCH_STRENGTH,
  matchKeysOf,
  type Subject,
} from "../../domain/index.js";
import type { BlindIndex, BlindIndexer } from "../../privacy/identity/blindIndex.js";

/** The young person's blind indexes in one covenant, and which of them link by themselves. */
export interface YoungPersonKeys {
  all: BlindIndex[];
  strong: BlindIndex[];
}

const IDENTITY_PARTS = ["givenNames", "tussenvoegsel", "surname", "bsn", "schoolId"] as const;

/**
 * The identity a signal names, checked as the case will record it (a BSN from a kind that
 * may not send one is refused here, before any lookup). Undefined when there is nothing to
 * match on: the raiser is no member (the command then answers as for an unknown covenant),
 * or the subject as sent is incomplete (the command names the broken rule).
 */
function identityOf(
  subject: Subject,
  covenant: CovenantState,
  organisationId: string,
): Identity | undefined {
  if (!activeMember(covenant, organisationId)) return undefined;
  if (IDENTITY_PARTS.some((part) => subject[part] !== undefined)) {
    return identityFrom(subject, { covenant, organisationId });
  }
  return typeof subject.name === "string" ? identityOfSubject(subject) : undefined;
}

export function youngPersonKeys(
  indexer: BlindIndexer,
  subject: Subject,
  covenant: CovenantState,
  organisationId: string,
): YoungPersonKeys | undefined {
  const identity = identityOf(subject, covenant, organisationId);
  if (identity === undefined || covenant.covenantId === null) return undefined;
  const all = indexer.indexesOf(covenant.covenantId, matchKeysOf(identity));
  return { all, strong: all.filter((index) => MATCH_STRENGTH[index.kind] === "strong") };
}

/** What the intake lock holds: the covenant and the key's value, nothing that names anyone. */
export const lockKeyOf = (covenantId: string, index: BlindIndex) =>
  `${covenantId}:${index.kind}:${index.value.toString("hex")}`;
