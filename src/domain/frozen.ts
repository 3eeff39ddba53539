/**
 * The value frozen all the way down, in place: for objects many callers share (a stored event,
 * the folded covenant), so a change to one throws where it is made instead of reaching every
 * other reader. A subtree already frozen is taken as frozen throughout, as this leaves it.
 */
export function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) frozen(member);
    Object.freeze(value);
  }
  return value;
}
