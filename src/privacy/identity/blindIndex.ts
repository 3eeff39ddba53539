import { createHmac, type KeyObject } from "node:crypto";
import type { MatchKey, MatchKind } from "../../domain/index.js";
import type { MasterKey } from "../keys/masterKey.js";

/** One entry of the identity index: which key it is, and its keyed hash (32 bytes). */
export interface BlindIndex {
  readonly kind: MatchKind;
  readonly value: Buffer;
}

/** Keyed hashes of match keys: equal for the same young person within one covenant, unrelated across covenants. */
export interface BlindIndexer {
  /** The blind indexes of these match keys in this covenant. */
  indexesOf(covenantId: string, keys: readonly MatchKey[]): BlindIndex[];
}

const PURPOSE = "casustafel/identity-index/v1";

/**
 * HMAC-SHA-256 under a key derived from the master key (HKDF) per covenant: without the
 * master key an index value cannot be tested against a guessed name and birth date, and one
 * covenant's values say nothing about another's (rule 9: no matching across covenants). The
 * kind is hashed with the parts, so a BSN never equals a name key.
 */
export function createBlindIndexer(masterKey: MasterKey): BlindIndexer {
  const keys = new Map<string, KeyObject>();
  const keyOf = (covenantId: string) => {
    let key = keys.get(covenantId);
    if (key === undefined) {
      key = masterKey.derive(JSON.stringify([PURPOSE, covenantId]));
      keys.set(covenantId, key);
    }
    return key;
  };
  return {
    indexesOf(covenantId, matchKeys) {
      const key = keyOf(covenantId);
      return matchKeys.map(({ kind, parts }) => ({
        kind,
        value: createHmac("sha256", key)
          .update(JSON.stringify([kind, ...parts]))
          .digest(),
      }));
    },
  };
}
