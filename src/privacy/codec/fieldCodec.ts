import type { Json, JsonObject } from "../../store/types.js";
import type { DataKey, KeyRing, KeyStore } from "../keys/keyStore.js";
import type { DecryptJob } from "./decryptWorker.js";
import {
  type EventPlace,
  isSealedFields,
  open,
  type SealedFields,
  seal,
  valuesOf,
} from "./envelope.js";
import { FieldAuthenticationError, KeyNotLoadedError, MissingSubjectError } from "./errors.js";
import { DataEdit, segmentsOf, valueAt } from "./fieldPaths.js";
import { offThreadReady, openOffThread } from "./offThread.js";

/** What every personal field of an erased subject reads as. */
export const ERASED = "[erased]";

/** An event as the codec sees it: its type and its data. */
export interface EventData {
  type: string;
  data: JsonObject;
}

/** An event as stored: where it is (bound into the associated data) and what it holds. */
export interface StoredEventData extends EventData {
  streamId: string;
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
  /**
   * As decodeWith for a batch, with the decryption done in a worker thread so the caller can
   * read and fold meanwhile. Per event its data, or the error decodeWith would have thrown.
   */
  decodeManyWith(
    keys: KeyRing,
    events: readonly StoredEventData[],
  ): Promise<(JsonObject | Error)[]>;
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
    return placed(data, sealed, plaintextOf(keys.get(subjectId), { streamId, eventType }, sealed));
  }

  async function decodeManyWith(keys: KeyRing, events: readonly StoredEventData[]) {
    if (!offThreadReady()) return events.map((event) => decodedOrError(keys, event));
    const decoded: (JsonObject | Error)[] = new Array(events.length);
    // Only envelopes whose key is loaded and named by the envelope go to the worker; erased
    // keys and mismatched key ids are settled here exactly as decodeWith settles them.
    const opening: { at: number; sealed: SealedFields }[] = [];
    const job: DecryptJob = {
      keys: [],
      keyOf: [],
      streamIds: [],
      eventTypes: [],
      kids: [],
      fields: [],
      boxes: [],
    };
    const keyIndex = new Map<DataKey, number>();
    for (let at = 0; at < events.length; at++) {
      const { streamId, type: eventType, data } = events[at]!;
      const sealed = data[PERSONAL];
      try {
        const subjectId = sealedSubject(eventType, data);
        if (subjectId === undefined) {
          decoded[at] = data;
          continue;
        }
        if (!keys.has(subjectId)) throw new KeyNotLoadedError(eventType);
        const dataKey = keys.get(subjectId);
        if (!isSealedFields(sealed)) throw new FieldAuthenticationError(streamId, eventType, []);
        if (dataKey === undefined || dataKey.keyId !== sealed.kid) {
          decoded[at] = placed(data, sealed, plaintextOf(dataKey, { streamId, eventType }, sealed));
          continue;
        }
        let key = keyIndex.get(dataKey);
        if (key === undefined) {
          key = job.keys.push(dataKey.key) - 1;
          keyIndex.set(dataKey, key);
        }
        opening.push({ at, sealed });
        job.keyOf.push(key);
        job.streamIds.push(streamId);
        job.eventTypes.push(eventType);
        job.kids.push(sealed.kid);
        job.fields.push(sealed.fields);
        job.boxes.push(sealed.box);
      } catch (error) {
        decoded[at] = error as Error;
      }
    }
    if (opening.length === 0) return decoded;
    const texts = await openOffThread(job);
    for (let i = 0; i < opening.length; i++) {
      const { at, sealed } = opening[i]!;
      const text = texts[i];
      const values = text === null || text === undefined ? undefined : valuesOf(text, sealed);
      const { data, type, streamId } = events[at]!;
      decoded[at] =
        values === undefined
          ? new FieldAuthenticationError(streamId, type, sealed.fields)
          : placed(data, sealed, values);
    }
    return decoded;
  }

  function decodedOrError(keys: KeyRing, { streamId, type, data }: StoredEventData) {
    try {
      return decodeWith(keys, streamId, type, data);
    } catch (error) {
      return error as Error;
    }
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
    decodeManyWith,
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

/** The event's data with each sealed path holding its value, or ERASED when there are none. */
function placed(data: JsonObject, sealed: SealedFields, values: Json[] | undefined): JsonObject {
  const edit = new DataEdit(data, PERSONAL);
  const { fields } = sealed;
  for (let i = 0; i < fields.length; i++) {
    edit.set(segmentsOf(fields[i]!), values === undefined ? ERASED : values[i]!);
  }
  return edit.result();
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
