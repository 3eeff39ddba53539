import {
  caseStreamId,
  evolveSession,
  initialSessionState,
  type SessionEvent,
  sessionStreamId,
  subjectStreamId,
} from "../../domain/index.js";
import type { FieldCodec } from "../../privacy/codec/fieldCodec.js";
import { readDecodedStream } from "../../privacy/codec/readDecoded.js";
import type { EventStore } from "../../store/eventStore.js";
import type { RecordedEvent } from "../../store/types.js";
import { readWholeStream } from "../../store/wholeStream.js";
import type { ListedItem } from "./agendaSection.js";
import { type SealedKind, sealedFieldsOf } from "./sealedFields.js";

/** When and why a young person was erased. */
export interface SubjectErasure {
  erasedAt: string;
  reason: string;
}

/**
 * What the subject report reads of a young person's records. The report reads no stream
 * itself: it asks this port, and presents what the recorded read lets through.
 */
export interface SubjectRecords {
  /** The case's events, personal fields decrypted, or "[erased]" once the key is gone. */
  caseHistory(caseId: string): Promise<RecordedEvent[]>;
  /** The case's items on the agendas of these sessions, only its own questions decrypted. */
  agendaItems(caseId: string, sessionIds: readonly string[]): Promise<ListedItem[]>;
  /** The erasure of the subject record, or null. */
  erasure(subjectId: string): Promise<SubjectErasure | null>;
  /** What erasing these subjects turns to "[erased]" in these streams, counted per kind; nothing decrypted. */
  sealedFields(streamIds: readonly string[], subjectIds: readonly string[]): Promise<SealedKind[]>;
}

/** The records as the event store holds them, opened with the field codec. */
export function storeSubjectRecords(store: EventStore, codec: FieldCodec): SubjectRecords {
  return {
    caseHistory: (caseId) => readDecodedStream(store, codec, caseStreamId(caseId)),
    agendaItems: (caseId, sessionIds) => listedItems(store, codec, caseId, sessionIds),
    erasure: async (subjectId) => {
      const events = await readWholeStream(store, subjectStreamId(subjectId));
      const erased = events.find((event) => event.type === "SubjectErased");
      if (!erased) return null;
      return { erasedAt: String(erased.data.erasedAt), reason: String(erased.data.reason) };
    },
    sealedFields: async (streamIds, subjectIds) => {
      const streams = await Promise.all(
        streamIds.map((streamId) => readWholeStream(store, streamId)),
      );
      return sealedFieldsOf(streams.flat(), new Set(subjectIds));
    },
  };
}

const ownItem = (event: RecordedEvent, caseId: string) =>
  event.type === "AgendaItemAdded" && event.data.caseId === caseId;

/**
 * The case's items on the agendas of these sessions. Only the case's own events are decrypted:
 * the questions about other young people on the same agenda stay sealed.
 */
async function listedItems(
  store: EventStore,
  codec: FieldCodec,
  caseId: string,
  sessionIds: readonly string[],
): Promise<ListedItem[]> {
  const perSession = await Promise.all(
    sessionIds.map(async (sessionId) => {
      const streamId = sessionStreamId(sessionId);
      const events = await readWholeStream(store, streamId);
      const added = events.filter((event) => ownItem(event, caseId));
      const keys = await codec.keysFor(added);
      // The session's own events carry no personal field: its date and status fold from them as stored.
      const session = events
        .filter((event) => !event.type.startsWith("Agenda"))
        .reduce(
          (state, event) => evolveSession(state, event as never as SessionEvent) ?? state,
          initialSessionState,
        );
      const removed = new Map(
        events
          .filter((event) => event.type === "AgendaItemRemoved")
          .map((event) => [event.data.itemId, String(event.data.removedAt)]),
      );
      return added.map((event): ListedItem => {
        const data = codec.decodeWith(keys, streamId, event.type, event.data);
        const itemId = String(data.itemId);
        return {
          sessionId,
          itemId,
          sessionDate: session.startsAt,
          sessionStatus: session.status,
          question: String(data.question),
          addedAt: String(data.addedAt),
          removedAt: removed.get(itemId) ?? null,
        };
      });
    }),
  );
  return perSession.flat();
}
