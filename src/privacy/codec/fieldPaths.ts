import type { Json, JsonObject } from "../../store/types.js";

const splitCache = new Map<string, readonly string[]>();

/** "subject.name" -> ["subject", "name"], remembered: the same few paths recur on every event. */
export function segmentsOf(path: string): readonly string[] {
  let segments = splitCache.get(path);
  if (segments === undefined) {
    segments = path.split(".");
    splitCache.set(path, segments);
  }
  return segments;
}

/** The value at a dot path; undefined when the path runs through something that is not an object. */
export function valueAt(data: JsonObject, segments: readonly string[]): Json | undefined {
  let current: Json | undefined = data;
  for (const segment of segments) {
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Copy-on-write edits of one event's data: the caller's object is never changed; each object
 * on a changed path is copied once, however many fields below it change.
 */
export class DataEdit {
  // Made on the first nested path: most personal fields sit at the top of the data.
  #copies: Set<JsonObject> | undefined;
  readonly #root: JsonObject;

  /** Starts from a copy of `original`, without its `omitted` key when one is named. */
  constructor(original: JsonObject, omitted?: string) {
    const root: JsonObject = {};
    for (const key in original) if (key !== omitted) root[key] = original[key]!;
    this.#root = root;
  }

  set(segments: readonly string[], value: Json): void {
    let parent = this.#root;
    for (let i = 0; i < segments.length - 1; i++) {
      const segment = segments[i]!;
      const child = parent[segment];
      if (!isObject(child)) return;
      const copy = this.#copy(child);
      parent[segment] = copy;
      parent = copy;
    }
    parent[segments[segments.length - 1]!] = value;
  }

  /** The edited data. */
  result(): JsonObject {
    return this.#root;
  }

  #copy(object: JsonObject): JsonObject {
    this.#copies ??= new Set();
    if (this.#copies.has(object)) return object;
    const copy = { ...object };
    this.#copies.add(copy);
    return copy;
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
