import { START } from "../../store/types.js";
import type { DecodedEvent, ReadModel, Shelved } from "../readModel.js";
import type { Cell, Dialect, ModelTables } from "./modelTables.js";

/** What a model adds per event: one array of cells per row, in the spec's column order. */
export interface RowFold {
  /** Folds an event into in-memory context the rows need (the processing log's ledger); sees every event but the read records before the checkpoint, which a start pages past. */
  observe?(event: DecodedEvent): void;
  /** The rows an event adds; called only for events after the checkpoint. Never throws on a recorded event. */
  rowsOf(event: DecodedEvent): Cell[][];
}

/** How one model is shelved: its name, version, table and the fold that fills it. */
export interface ShelfSpec<F extends RowFold = RowFold> {
  readonly name: string;
  /** Bump it when the rows the fold produces change: the next start rebuilds blue-green. */
  readonly version: number;
  /** A generation's table is `${stem}_g${generation}`. */
  readonly stem: string;
  /** Columns after `position` and `n` (the event's position and the row's ordinal within it). */
  readonly columns: readonly string[];
  /** The CREATE TABLE statement of one generation's table. */
  table(table: string, dialect: Dialect): string;
  /** Its CREATE INDEX statements: a rebuilt copy gets them after its bulk load, which sorts once instead of growing each index row by row. */
  indexes(table: string): string[];
  /** A fresh fold; the in-memory context it keeps must be rebuilt from START. */
  fold(): F;
}

type Copy<F> = { generation: number; table: string; fold: F; after: bigint };

/**
 * A read model kept in tables beside the events: `apply` gathers the rows of events after its
 * checkpoint, `flush` commits them with the new checkpoint in one transaction. Queries read
 * `table`, the live copy's. A rebuild fills a new copy while this one keeps answering, and
 * `adopt` swaps to it (blue-green).
 */
export class ShelvedModel<F extends RowFold = RowFold> implements ReadModel, Shelved {
  private copy: Copy<F>;
  private pending: Cell[][] = [];
  /** True when the live copy was built by another version of the fold: start rebuilds it. */
  stale = false;

  private constructor(
    readonly tables: ModelTables,
    readonly spec: ShelfSpec<F>,
    copy: Copy<F>,
  ) {
    this.copy = copy;
  }

  /**
   * Opens the live copy, creating the first one; a leftover unfinished copy (a rebuild cut off)
   * is dropped. Processes starting together on one database open the same live copy.
   */
  static async open<F extends RowFold>(
    tables: ModelTables,
    spec: ShelfSpec<F>,
  ): Promise<ShelvedModel<F>> {
    const live = await tables.liveShelf(spec.name, spec.version);
    const table = `${spec.stem}_g${live.generation}`;
    // A copy nothing was committed to yet is filled by the start's catch-up, and indexed after
    // it (indexCopy), which sorts once instead of growing each index row by row.
    const empty = live.position === START;
    await tables.define([spec.table(table, tables.dialect), ...(empty ? [] : spec.indexes(table))]);
    const leftovers = (await tables.shelves(spec.name)).filter((shelf) => !shelf.live);
    if (leftovers.length > 0) {
      await tables.swap(
        spec.name,
        live.generation,
        leftovers.map((shelf) => `${spec.stem}_g${shelf.generation}`),
      );
    }
    const copy = { generation: live.generation, table, fold: spec.fold(), after: live.position };
    const model = new ShelvedModel(tables, spec, copy);
    model.stale = live.version !== spec.version;
    return model;
  }

  get name() {
    return this.spec.name;
  }

  get shelved(): Shelved {
    return this;
  }

  /** The live copy's fold, whose in-memory context a model may answer from too. */
  get fold(): F {
    return this.copy.fold;
  }

  /**
   * Asks the live copy's table; a query that met the old copy as it was swapped out and
   * dropped is asked again of the new one, so a rebuild never fails a request.
   */
  async query<T>(build: (table: string) => [string, Cell[]]): Promise<T[]> {
    for (;;) {
      const { table } = this.copy;
      try {
        return await this.tables.select<T>(...build(table));
      } catch (error) {
        if (this.copy.table === table) throw error;
      }
    }
  }

  get checkpoint(): bigint {
    return this.copy.after;
  }

  apply(event: DecodedEvent): void {
    const { fold, after } = this.copy;
    fold.observe?.(event);
    if (event.position <= after) return;
    const rows = fold.rowsOf(event);
    for (let n = 0; n < rows.length; n++) this.pending.push([event.position, n, ...rows[n]!]);
  }

  /** A shelved model is rebuilt blue-green (rebuildCopy, adopt), never emptied in place. */
  reset(): void {
    this.pending = [];
  }

  /** Commits the rows of events up to `through`; rows of later events, fed meanwhile, wait for the next flush. */
  async flush(through: bigint): Promise<void> {
    if (through <= this.copy.after) return;
    const pending = this.pending;
    let cut = pending.length;
    while (cut > 0 && BigInt(pending[cut - 1]![0] as bigint) > through) cut--;
    const rows = cut === pending.length ? pending : pending.slice(0, cut);
    this.pending = cut === pending.length ? [] : pending.slice(cut);
    const { generation, table } = this.copy;
    const columns = ["position", "n", ...this.spec.columns];
    await this.tables.commit(this.spec.name, generation, [{ table, columns, rows }], through);
    this.copy.after = through;
  }

  /** A new, empty copy beside the live one, for the projector to fill from START. */
  async rebuildCopy(): Promise<ShelvedModel<F>> {
    const generation = await this.tables.addShelf(this.spec.name, this.spec.version);
    const table = `${this.spec.stem}_g${generation}`;
    await this.tables.define([this.spec.table(table, this.tables.dialect)]);
    return new ShelvedModel(this.tables, this.spec, {
      generation,
      table,
      fold: this.spec.fold(),
      after: START,
    });
  }

  /** Indexes the copy once its bulk load is done (a rebuilt copy, or a first one a start filled); a no-op when it is indexed. */
  async indexCopy(): Promise<void> {
    await this.tables.define(this.spec.indexes(this.copy.table));
  }

  /** Answers from `built` from now on and drops the old copy; `built` must have caught up. */
  async adopt(built: ShelvedModel<F>): Promise<void> {
    const old = this.copy.table;
    // Queries move to the new copy before the old one is dropped (see query).
    this.copy = built.copy;
    this.pending = built.pending;
    this.stale = false;
    await this.tables.swap(this.spec.name, built.copy.generation, [old]);
  }
}
