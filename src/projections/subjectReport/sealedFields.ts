import { type EventType, personalFields } from "../../domain/index.js";
import { MARKER, PERSONAL } from "../../privacy/codec/fieldCodec.js";
import { segmentsOf, valueAt } from "../../privacy/codec/fieldPaths.js";
import type { Json, RecordedEvent } from "../../store/types.js";

/** One kind of record: how many of its events hold sealed fields, and how many of each field. */
export interface SealedKind {
  eventType: string;
  events: number;
  fields: Record<string, number>;
}

const isSealed = (value: Json | undefined) =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  value.$enc === MARKER.$enc &&
  value.in === PERSONAL;

const declaredFields = (type: string): readonly string[] =>
  Object.hasOwn(personalFields, type) ? personalFields[type as EventType] : [];

/**
 * Per event type, the personal fields sealed under these subjects' keys, read from the events
 * as stored: exactly what erasure turns to "[erased]" (an absent or empty field is not sealed).
 */
export function sealedFieldsOf(
  events: Iterable<RecordedEvent>,
  subjectIds: ReadonlySet<string>,
): SealedKind[] {
  const kinds = new Map<string, SealedKind>();
  for (const event of events) {
    const { subjectId } = event.data;
    if (typeof subjectId !== "string" || !subjectIds.has(subjectId)) continue;
    const sealed = declaredFields(event.type).filter((path) =>
      isSealed(valueAt(event.data, segmentsOf(path))),
    );
    if (sealed.length === 0) continue;
    const kind = kinds.get(event.type) ?? { eventType: event.type, events: 0, fields: {} };
    kind.events++;
    for (const path of sealed) kind.fields[path] = (kind.fields[path] ?? 0) + 1;
    kinds.set(event.type, kind);
  }
  return [...kinds.values()];
}
