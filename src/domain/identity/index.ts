export { parseBsn, passesElfproef } from "./bsn.js";
export {
  displayName,
  type Identity,
  type IdentityInput,
  type IdentitySource,
  identityFrom,
} from "./identity.js";
export {
  MATCH_STRENGTH,
  type MatchKey,
  type MatchKind,
  type MatchStrength,
  matchKeysOf,
} from "./matchKeys.js";
export { identityOfSubject } from "./recorded.js";
