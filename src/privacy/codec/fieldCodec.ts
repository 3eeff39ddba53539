import type { Json, JsonObject } from "../../store/types.js";
import type { KeyRing, KeyStore } from "../keys/keyStore.js";
import { type Envelope, isEnvelope, open, seal } from "./envelope.js";
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
  /** The event's data with every declared personal field replaced by an envelope; creates the subject's key on first use. */
  encode(streamId: string, event: EventData): Promise<JsonObject>;
  /** Loads the keys of the subjects whose encrypted fields these events carry, for decodeWith. */
  keysFor(events: Iterable<EventData>): Promise<KeyRing>;
  /** Decrypts synchronously with a loaded key ring: the projection hot path. Erased fields read ERASED. */
  decodeWith(keys: KeyRing, streamId: string, eventType: string, data: JsonObject): JsonObject;
  /** Loads the subject's key and decrypts one event. Erased fields read ERASED. */
  decode(streamId: string, eventType: string, data: JsonObject): Promise<JsonObject>;
}

/** The field codec of DESIGN.md §3: AES-256-GCM per field under the subject's data key. */
export function createFieldCodec(options: FieldCodecOptions): FieldCodec {
  const { keyStore, personalFields, subjectIdOf } = options;

  /** The subject of an event that holds at least one envelope; undefined when it holds none. */
  function encryptedSubject(eventType: string, data: JsonObject): string | undefined {
    const fields = personalFields(eventType);
    for (const field of fields) {
      if (isEnvelope(valueAt(data, segmentsOf(field)))) {
        const subjectId = subjectIdOf(eventType, data);
        if (subjectId === undefined) throw new MissingSubjectError(eventType);
        return subjectId;
      }
    }
    return undefined;
  }

  function keysFor(events: Iterable<EventData>): Promise<KeyRing> {
    const subjectIds = new Set<string>();
    for (const event of events) {
      const subjectId = encryptedSubject(event.type, event.data);
      if (subjectId !== undefined) subjectIds.add(subjectId);
    }
    return keyStore.getMany(subjectIds);
  }

  function decodeWith(keys: KeyRing, streamId: string, eventType: string, data: JsonObject) {
    const fields = personalFields(eventType);
    let edit: DataEdit | undefined;
    let subjectId: string | undefined;
    for (const field of fields) {
      const segments = segmentsOf(field);
      const value = valueAt(data, segments);
      if (!isEnvelope(value)) continue;
      subjectId ??= subjectIdOf(eventType, data);
      if (subjectId === undefined) throw new MissingSubjectError(eventType);
      if (!keys.has(subjectId)) throw new KeyNotLoadedError(eventType);
      edit ??= new DataEdit(data);
      edit.set(segments, plaintextOf(keys, subjectId, { streamId, eventType, field }, value));
    }
    return edit ? edit.result() : data;
  }

  return {
    async encode(streamId, { type, data }) {
      const fields = personalFields(type).filter((field) => present(data, field));
      if (fields.length === 0) return data;
      const subjectId = subjectIdOf(type, data);
      if (subjectId === undefined) throw new MissingSubjectError(type);
      const { key, keyId } = await keyStore.getOrCreate(subjectId);
      const edit = new DataEdit(data);
      for (const field of fields) {
        const segments = segmentsOf(field);
        const value = valueAt(data, segments) as Json;
        edit.set(
          segments,
          seal(key, keyId, { streamId, eventType: type, field }, value) as unknown as Json,
        );
      }
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

function plaintextOf(
  keys: KeyRing,
  subjectId: string,
  place: { streamId: string; eventType: string; field: string },
  envelope: Envelope,
): Json {
  const dataKey = keys.get(subjectId);
  if (dataKey === undefined) return ERASED;
  // A key id that is not the subject's key: the envelope was moved or altered, never a skip.
  if (dataKey.keyId !== envelope.kid) {
    throw new FieldAuthenticationError(place.streamId, place.eventType, place.field);
  }
  const plaintext = open(dataKey.key, place, envelope);
  if (plaintext === undefined) {
    throw new FieldAuthenticationError(place.streamId, place.eventType, place.field);
  }
  return plaintext;
}
