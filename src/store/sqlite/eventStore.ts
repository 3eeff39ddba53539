import type {
  EventHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from "../eventStore.js";
import { groupCommit } from "../groupCommit.js";
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from "../types.js";
import { CommittedTail } from "./committedTail.js";
import { type Database, openSqliteDatabase } from "./database.js";
import { type EventReader, eventReader } from "./reader.js";
import { ensureEventSchema } from "./schema.js";
import { CommitSignal, catchUpSubscription } from "./subscription.js";
import { type AppendRequest, batchWriter } from "./writer.js";

export interface SqliteEventStoreOptions {
  /** Close the database with the store; true when the store opened the file itself. */
  ownsDatabase?: boolean;
}

/** The embedded event store: one SQLite file owned by this process, appends group-committed. */
export class SqliteEventStore implements EventStore {
  private readonly reader: EventReader;
  private readonly signal = new CommitSignal();
  private readonly tail = new CommittedTail();
  private readonly commit: (request: AppendRequest) => Promise<AppendResult>;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    readonly db: Database,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    ensureEventSchema(db);
    this.reader = eventReader(db);
    const write = batchWriter(db);
    this.commit = groupCommit((batch: AppendRequest[]) => {
      const { results, rows } = write(batch);
      if (rows.length > 0) {
        this.tail.add(rows);
        this.signal.notify();
      }
      return results;
    });
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (this.closed) throw new Error("the event store is closed");
    const appended = this.commit({
      streamId,
      events,
      expectedRevision: options.expectedRevision ?? "any",
    });
    this.pending.add(appended);
    try {
      return await appended;
    } finally {
      this.pending.delete(appended);
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reader.readStream(streamId, options);
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    return this.reader.readEvent(eventId);
  }

  /** Served from the events this process just committed when they hold the next one (CommittedTail). */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { fromPosition = 0n, limit = 1000 } = options;
    return this.tail.after(fromPosition, limit) ?? this.reader.readAll({ fromPosition, limit });
  }

  async readAllExceptReadRecords(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.reader.readAllExceptReadRecords(options);
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const source = {
      signal: this.signal,
      readAll: (fromPosition: bigint, limit: number) =>
        this.tail.after(fromPosition, limit) ?? this.reader.readAll({ fromPosition, limit }),
    };
    const subscription = catchUpSubscription(source, handler, options.fromPosition ?? 0n);
    this.subscriptions.add(subscription);
    void subscription.closed.catch(() => {}).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    return this.reader.headPosition();
  }

  async listStreams(options?: { after?: string; limit?: number }): Promise<string[]> {
    return this.reader.listStreams(options);
  }

  /** Lets in-flight appends finish, stops subscriptions, and closes the file if the store owns it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.pending]);
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.options.ownsDatabase) this.db.close();
  }
}

/** Opens the store file at `path` (creating it and its schema) as the embedded event store. */
export function openSqliteEventStore(path: string): SqliteEventStore {
  return new SqliteEventStore(openSqliteDatabase(path), { ownsDatabase: true });
}
