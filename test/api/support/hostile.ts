import fc from "fast-check";

/** Names every JavaScript object answers to: as ids they must never pass an existence check. */
export const BUILT_IN_NAMES = [
  "constructor",
  "__proto__",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
] as const;

/** Path segments that are not valid percent-encoding, or decode to something odd. */
export const MALFORMED_ENCODINGS = [
  "%",
  "%%",
  "%E0%A4%A",
  "%ff",
  "%C0%80",
  "%zz",
  "abc%",
  "%00",
  "%2F",
  "%2e%2e",
  "%5F_proto__",
] as const;

export const hostileValue = fc.constantFrom<string>(...BUILT_IN_NAMES, ...MALFORMED_ENCODINGS);

type Leaf = { path: (string | number)[]; value: string };

/** The string leaves of a JSON body (strings and strings in arrays), with their paths. */
export function stringLeaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === "string") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, at) => stringLeaves(item, [...path, at]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

/** A copy of `body` with the leaves at `at` (indexes into its string leaves) replaced. */
export function withLeaves(body: unknown, replaced: { at: number; value: string }[]): unknown {
  const copy = structuredClone(body);
  const leaves = stringLeaves(copy);
  for (const { at, value } of replaced) {
    const leaf = leaves[at % Math.max(leaves.length, 1)];
    if (!leaf) continue;
    let parent = copy as Record<string | number, unknown>;
    for (const key of leaf.path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    parent[leaf.path.at(-1)!] = value;
  }
  return copy;
}
