import type { FieldCodec } from "../privacy/codec/fieldCodec.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import { type EventStore, isReadRecordStream } from "../store/eventStore.js";
import type { JsonObject, RecordedEvent } from "../store/types.js";
import { readWholeStream } from "../store/wholeStream.js";
import type { DecodedEvent, ReadModel } from "./readModel.js";

export interface FeedDeps {
  store: EventStore;
  codec: FieldCodec;
  keyStore: KeyStore;
}

/** A page whose events before its first SubjectErased are being decrypted in the worker thread. */
export interface PreparedPage {
  readonly page: readonly RecordedEvent[];
  /** How many events lead up to the first SubjectErased (the page's length when none). */
  readonly leading: number;
  readonly decoded: Promise<(JsonObject | Error)[]>;
}

const caseIdsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];

/**
 * Decodes events in batches (one key-ring load per batch) and applies them, in order, to
 * a set of read models; carries out the erasure of a subject when it meets SubjectErased.
 */
export class ModelFeed {
  /** The cases each subject is about, so an erasure reaches every one of them. */
  private readonly casesOfSubject = new Map<string, Set<string>>();
  /** The models kept in tables: the only ones read records are applied to. */
  private readonly shelved: readonly ReadModel[];

  constructor(
    private readonly deps: FeedDeps,
    private readonly models: readonly ReadModel[],
  ) {
    this.shelved = models.filter((model) => model.shelved !== undefined);
  }

  /** Applies a page of stored events in order. Throws (never skips) when a field fails to decode. */
  async feed(page: readonly RecordedEvent[]): Promise<void> {
    let start = 0;
    while (start < page.length) {
      // A key ring loaded before an erasure must not decode the events that follow it.
      let end = start;
      while (end < page.length && page[end]!.type !== "SubjectErased") end++;
      if (end > start) {
        await this.applyDecoded(start === 0 && end === page.length ? page : page.slice(start, end));
      }
      if (end < page.length) {
        const erased = page[end]!;
        await this.applyDecoded([erased]);
        await this.erase(erased);
        end++;
      }
      start = end;
    }
  }

  /**
   * Commits the shelved models' rows with their checkpoint at `through`, the last event fed.
   * Each model has its own rows and checkpoint, so their commits run side by side (PostgreSQL:
   * on connections of their own); an audit question waiting for the head waits for the slower.
   */
  async flush(through: bigint): Promise<void> {
    await Promise.all(this.models.map((model) => model.shelved?.flush(through)));
  }

  /**
   * Starts decrypting the page in the worker thread, up to its first SubjectErased: the keys
   * loaded now must not open events that follow an erasure. Apply it with feedPrepared.
   */
  prepare(page: readonly RecordedEvent[]): PreparedPage {
    const { codec } = this.deps;
    const erasure = page.findIndex((event) => event.type === "SubjectErased");
    const leading = erasure === -1 ? page.length : erasure;
    const events = leading === page.length ? page : page.slice(0, leading);
    const decoded = codec.keysFor(events).then((keys) => codec.decodeManyWith(keys, events));
    // Awaited by feedPrepared; a read-ahead page never applied must not be an unhandled rejection.
    decoded.catch(() => {});
    return { page, leading, decoded };
  }

  /** Applies a prepared page in order, as feed would. Throws (never skips) when a field fails to decode. */
  async feedPrepared({ page, leading, decoded }: PreparedPage): Promise<void> {
    const data = await decoded;
    for (let i = 0; i < leading; i++) {
      const result = data[i]!;
      // Thrown only when reached, so the models hold the events before it, as with feed.
      if (result instanceof Error) throw result;
      this.applyOne(page[i]!, result);
    }
    if (leading < page.length) await this.feed(page.slice(leading));
  }

  private async applyDecoded(events: readonly RecordedEvent[]): Promise<void> {
    const { codec } = this.deps;
    const keys = await codec.keysFor(events);
    for (const event of events) {
      this.applyOne(event, codec.decodeWith(keys, event.streamId, event.type, event.data));
    }
  }

  private applyOne(event: RecordedEvent, data: JsonObject): void {
    // Events without personal fields (read records, covenant events) are applied as stored.
    const decoded: DecodedEvent = data === event.data ? event : { ...event, data };
    if (event.type === "CaseOpened") this.noteCase(decoded);
    // Read records are most of the store: a model in memory never sees them, so none can come
    // to depend on them, and a start can page past them (see the projector's start).
    const to = isReadRecordStream(event.streamId) ? this.shelved : this.models;
    for (const model of to) model.apply(decoded);
  }

  private noteCase({ data }: DecodedEvent): void {
    const { subjectId, caseId } = data;
    if (typeof subjectId !== "string" || typeof caseId !== "string") return;
    const cases = this.casesOfSubject.get(subjectId) ?? new Set<string>();
    cases.add(caseId);
    this.casesOfSubject.set(subjectId, cases);
  }

  /**
   * Drops the key from this process's memory and deletes it if storage still holds it (a
   * crash between the event and the deletion), then makes every model that keeps personal
   * fields re-read the subject's cases up to this event, now decoded as "[erased]".
   */
  private async erase(event: RecordedEvent): Promise<void> {
    const { subjectId } = event.data;
    if (typeof subjectId !== "string") return;
    const { keyStore } = this.deps;
    keyStore.forget(subjectId);
    // Deleting rewrites the key storage; only a surviving key needs it, not every replay at start-up.
    if ((await keyStore.get(subjectId)) !== undefined) await keyStore.delete(subjectId);
    const forgetting = this.models.filter((model) => model.forgetCase !== undefined);
    if (forgetting.length === 0) return;
    const caseIds = new Set([
      ...caseIdsIn(event.data.caseIds),
      ...(this.casesOfSubject.get(subjectId) ?? []),
    ]);
    for (const caseId of caseIds) {
      for (const model of forgetting) model.forgetCase?.(caseId);
      const history = await this.caseHistoryUpTo(caseId, event.position);
      const keys = await this.deps.codec.keysFor(history);
      for (const stored of history) {
        const data = this.deps.codec.decodeWith(keys, stored.streamId, stored.type, stored.data);
        for (const model of forgetting) model.apply({ ...stored, data });
      }
    }
  }

  private async caseHistoryUpTo(caseId: string, position: bigint): Promise<RecordedEvent[]> {
    const history = await readWholeStream(this.deps.store, `case-${caseId}`);
    return history.filter((stored) => stored.position <= position);
  }
}
