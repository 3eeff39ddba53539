/**
 * Ids named like members of Object.prototype (and of functions, which such a member is):
 * a lookup `record[id]` finds these on any plain object, so each must read as an unknown id.
 */
export const BUILTIN_NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  ...Object.getOwnPropertyNames(Function.prototype),
  "prototype",
].filter((name, index, all) => all.indexOf(name) === index);

/** The ones a lower-case slug (purpose and sharing-rule ids) can spell. */
export const BUILTIN_SLUGS = BUILTIN_NAMES.filter((name) => /^[a-z0-9][a-z0-9-]*$/.test(name));
