import type pg from "pg";
import type {
  EventHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from "../eventStore.js";
import { groupCommit, type Settled } from "../groupCommit.js";
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from "../types.js";
import { START } from "../types.js";
import { type AppendRequest, appendBatch } from "./appendBatch.js";
import { selectEvents } from "./rows.js";
import { OUTSIDE_READ_RECORDS } from "./schema.js";
import { AppendSignal, catchUpSubscription } from "./subscription.js";

const MAX_REVISION = 2_147_483_647;

/**
 * The EventStore on PostgreSQL. Appends from this process are group-committed: those that
 * arrive while a commit runs share the next one, a single call of the append function. Every
 * append holds one advisory lock (APPEND_LOCK) from before it picks positions until it commits,
 * so appends from all processes commit in position order and readers never see a gap that
 * fills in later.
 */
export class PostgresEventStore implements EventStore {
  private readonly signal: AppendSignal;
  private readonly subscriptions = new Set<Subscription>();
  private readonly enqueue: (request: AppendRequest) => Promise<AppendResult>;
  private closing: Promise<void> | undefined;

  constructor(
    /** The connection pool, shared with other tables in the same database (e.g. the key store). */
    readonly pool: pg.Pool,
    options: { pollIntervalMs?: number } = {},
  ) {
    this.signal = new AppendSignal(pool, options.pollIntervalMs ?? 500);
    this.enqueue = groupCommit((batch) => this.commit(batch));
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    return this.enqueue({ streamId, events, expectedRevision: options.expectedRevision ?? "any" });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.limit ?? 1000;
    const backwards = options.direction === "backwards";
    // Revisions are int4 in the table; a larger `from` reads as "from the end".
    const from = Math.min(options.from ?? (backwards ? MAX_REVISION : 0), MAX_REVISION);
    return selectEvents(
      this.pool,
      `stream_id = $1 AND revision ${backwards ? "<=" : ">="} $2
       ORDER BY revision ${backwards ? "DESC" : "ASC"} LIMIT $3`,
      [streamId, from, limit],
    );
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    return (await selectEvents(this.pool, "event_id = $1", [eventId]))[0];
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return selectEvents(this.pool, "position > $1 ORDER BY position LIMIT $2", [
      (options.fromPosition ?? START).toString(),
      options.limit ?? 1000,
    ]);
  }

  async readAllExceptReadRecords(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return selectEvents(
      this.pool,
      `${OUTSIDE_READ_RECORDS} AND position > $1 ORDER BY position LIMIT $2`,
      [(options.fromPosition ?? START).toString(), options.limit ?? 1000],
    );
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const subscription = catchUpSubscription(
      (page) => this.readAll(page),
      this.signal,
      handler,
      options.fromPosition ?? START,
    );
    this.subscriptions.add(subscription);
    void subscription.closed.catch(() => {}).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query(
      "SELECT coalesce(max(position), 0)::text AS head FROM events",
    );
    return BigInt(rows[0].head);
  }

  async listStreams(options: { after?: string; limit?: number } = {}): Promise<string[]> {
    const { rows } = await this.pool.query<{ stream_id: string }>(
      "SELECT stream_id FROM streams WHERE stream_id > $1 ORDER BY stream_id LIMIT $2",
      [options.after ?? "", options.limit ?? 1000],
    );
    return rows.map((row) => row.stream_id);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      await this.pool.end();
    })();
    return this.closing;
  }

  /** One statement for the whole batch; if PostgreSQL refuses it, each request tries alone. */
  private async commit(batch: AppendRequest[]): Promise<Settled<AppendResult>[]> {
    try {
      return await appendBatch(this.pool, batch);
    } catch (error) {
      if (batch.length === 1) return [{ ok: false, error }];
      const results: Settled<AppendResult>[] = [];
      for (const request of batch) {
        results.push(...(await appendBatch(this.pool, [request]).catch(refused)));
      }
      return results;
    } finally {
      this.signal.wake();
    }
  }
}

const refused = (error: unknown): Settled<AppendResult>[] => [{ ok: false, error }];
