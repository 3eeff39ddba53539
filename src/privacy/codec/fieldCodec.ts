import type { Json, JsonObject } from "../../store/types.js";
import type { DataKey, KeyRing, KeyStore } from "../keys/keyStore.js";
import { type EventPlace, isSealedFields, open, type SealedFields, seal } from "./envelope.js";
import { FieldAuthenticationError, KeyNotLoadedError, MissingSubjectError } from "./errors.js";
import { DataEdit, segmentsOf, valueAt } from "./fieldPaths.js";

/** What every personal field of an erased subject reads as. */
export const ERASED = "[erased]";

/** An event as the codec sees it: its type and its data. */
export interface EventData {
  type: string;
  data: JsonObject;
}

export interface FieldCodecOptions {
  keyStore: KeyStore;
  /** The domain's declaration: dot paths of the personal fields of an event type. */
  personalFields: (eventType: string) => readonly string[];
  /** The subject whose key encrypts the event's personal fields. */
  subjectIdOf: (eventType: string, data: JsonObject) => string | undefined;
}

/** Encrypts personal fields on the way into the store and decrypts them on the way out. */
export interface FieldCodec {
  /** The event's data with its declared personal fields sealed in one envelope; creates the subject's key on first use. */
  encode(streamId: string, event: EventData): Promise<JsonObject>;
  /** Loads the keys of the subjects whose encrypted fields these events carry, for decodeWith. */
  keysFor(events: Iterable<EventData>): Promise<KeyRing>;
  /** Decrypts synchronously with a loaded key ring: the projection hot path. Erased fields read ERASED. */
  decodeWith(keys: KeyRing, streamId: string, eventType: string, data: JsonObject): JsonObject;
  /** Loads the subject's key and decrypts one event. Erased fields read ERASED. */
  decode(streamId: string, eventType: string, data: JsonObject): Promise<JsonObject>;
}

/** Where an event's data keeps its sealed personal fields; each field's own place holds a MARKER. */
export const PERSONAL = "$personal";

/** What a personal field reads as in the store: a pointer to the event's PERSONAL envelope. */
export const MARKER = { $enc: "v2", in: PERSONAL } as const;

/**
 * The field codec of DESIGN.md §3: all personal fields of an event sealed together with
 * AES-256-GCM under the subject's data key, so decoding costs one cipher per event.
 */
export function createFieldCodec(options: FieldCodecOptions): FieldCodec {
  const { keyStore, personalFields, subjectIdOf } = options;

  /** The subject whose key opens the event's sealed fields; undefined when it has none. */
  function sealedSubject(eventType: string, data: JsonObject): string | undefined {
    if (data[PERSONAL] === undefined) return undefined;
    const subjectId = subjectIdOf(eventType, data);
    if (subjectId === undefined) throw new MissingSubjectError(eventType);
    return subjectId;
  }

  function keysFor(events: Iterable<EventData>): Promise<KeyRing> {
    const subjectIds = new Set<string>();
    for (const event of events) {
      const subjectId = sealedSubject(event.type, event.data);
      if (subjectId !== undefined) subjectIds.add(subjectId);
    }
    return keyStore.getMany(subjectIds);
  }

  function decodeWith(keys: KeyRing, streamId: string, eventType: string, data: JsonObject) {
    const subjectId = sealedSubject(eventType, data);
    if (subjectId === undefined) return data;
    if (!keys.has(subjectId)) throw new KeyNotLoadedError(eventType);
    const sealed = data[PERSONAL];
    if (!isSealedFields(sealed)) throw new FieldAuthenticationError(streamId, eventType, []);
    const values = plaintextOf(keys.get(subjectId), { streamId, eventType }, sealed);
    const edit = new DataEdit(data, PERSONAL);
    const { fields } = sealed;
    for (let i = 0; i < fields.length; i++) {
      edit.set(segmentsOf(fields[i]!), values === undefined ? ERASED : values[i]!);
    }
    return edit.result();
  }

  return {
    async encode(streamId, { type, data }) {
      const fields = personalFields(type)
        .filter((field) => present(data, field))
        .sort();
      if (fields.length === 0) return data;
      const subjectId = subjectIdOf(type, data);
      if (subjectId === undefined) throw new MissingSubjectError(type);
      const { key, keyId } = await keyStore.getOrCreate(subjectId);
      const values = fields.map((field) => valueAt(data, segmentsOf(field)) as Json);
      const edit = new DataEdit(data);
      for (const field of fields) edit.set(segmentsOf(field), { ...MARKER });
      const sealed = seal(key, keyId, { streamId, eventType: type }, fields, values);
      edit.set([PERSONAL], sealed as unknown as Json);
      return edit.result();
    },
    keysFor,
    decodeWith,
    async decode(streamId, eventType, data) {
      const keys = await keysFor([{ type: eventType, data }]);
      return decodeWith(keys, streamId, eventType, data);
    },
  };
}

// null and absent fields hold nothing personal; they stay as they are.
function present(data: JsonObject, field: string): boolean {
  const value = valueAt(data, segmentsOf(field));
  return value !== undefined && value !== null;
}

/** The sealed values, or undefined when the key is erased (every field then reads ERASED). */
function plaintextOf(
  dataKey: DataKey | undefined,
  place: EventPlace,
  sealed: SealedFields,
): Json[] | undefined {
  if (dataKey === undefined) return undefined;
  // A key id that is not the subject's key: the envelope was moved or altered, never a skip.
  const values = dataKey.keyId === sealed.kid ? open(dataKey.key, place, sealed) : undefined;
  if (values === undefined) {
    throw new FieldAuthenticationError(place.streamId, place.eventType, sealed.fields);
  }
  return values;
}
