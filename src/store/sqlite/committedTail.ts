import { frozen } from "../../domain/frozen.js";
import type { RecordedEvent } from "../types.js";

/** An event as the writer stored it: its columns, with data and metadata as their JSON text. */
export interface StoredRow {
  position: bigint;
  eventId: string;
  streamId: string;
  revision: number;
  type: string;
  schemaVersion: number;
  recordedAt: string;
  data: string;
  metadata: string;
  prevHash: string;
  hash: string;
}

/** Events a subscriber may be behind and still be served from memory; further back reads the file. */
const KEPT = 512;

/**
 * The events this process committed last, for its subscribers: the projector, the integrity
 * watch behind it and the notification worker each used to read every new row back and parse
 * it, while the writer had just written it. Each row is parsed once, from the very JSON text
 * stored, so a subscriber gets what a read would give; the event is frozen, since every
 * subscriber gets the same one. Only a run of consecutive positions is kept: a gap (another
 * process's commit) starts the run afresh, and whatever it does not cover is read from the file.
 */
export class CommittedTail {
  private rows: StoredRow[] = [];
  private readonly parsed: (RecordedEvent | undefined)[] = [];

  add(rows: readonly StoredRow[]): void {
    const [first] = rows;
    if (first === undefined) return;
    const last = this.rows.at(-1);
    if (last === undefined || last.position + 1n !== first.position || rows.length >= KEPT) {
      this.rows = rows.slice(-KEPT);
      this.parsed.length = 0;
      return;
    }
    for (const row of rows) this.rows.push(row);
    const surplus = this.rows.length - KEPT;
    if (surplus > 0) {
      this.rows.splice(0, surplus);
      this.parsed.splice(0, surplus);
    }
  }

  /** Up to `limit` events after `fromPosition`, or undefined when the tail does not hold the next one. */
  after(fromPosition: bigint, limit: number): RecordedEvent[] | undefined {
    const first = this.rows[0];
    if (first === undefined) return undefined;
    const start = Number(fromPosition + 1n - first.position);
    if (start < 0 || start >= this.rows.length) return undefined;
    const end = Math.min(this.rows.length, start + limit);
    const events: RecordedEvent[] = [];
    for (let i = start; i < end; i++) {
      this.parsed[i] ??= frozen(eventOf(this.rows[i]!));
      events.push(this.parsed[i]!);
    }
    return events;
  }
}

function eventOf(row: StoredRow): RecordedEvent {
  return { ...row, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) };
}
