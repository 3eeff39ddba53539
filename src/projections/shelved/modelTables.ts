/** A value in a model's row: what both SQLite and PostgreSQL bind without conversion on our side. */
export type Cell = string | number | bigint | null;

/** Rows a model adds to one of its tables; the first two columns are always position and n. */
export interface RowsToAdd {
  readonly table: string;
  readonly columns: readonly string[];
  /** Each row starts with the event's position and its ordinal within the event. */
  readonly rows: readonly (readonly Cell[])[];
}

/** One built copy of a model's tables: its generation names the tables, its version the code that filled them. */
export interface Shelf {
  readonly generation: number;
  readonly version: number;
  /** The last event its rows include (START when none). */
  readonly position: bigint;
  /** The copy the service answers from; at most one per model. */
  readonly live: boolean;
}

/** The column types a model's DDL is written with, so one definition serves both databases. */
export interface Dialect {
  readonly name: "sqlite" | "postgres";
  /** A text column compared byte by byte (so prefix ranges match startsWith). */
  readonly text: string;
  /** A 64-bit integer column. */
  readonly int: string;
  /** Appended after a CREATE TABLE's closing parenthesis. */
  readonly tableSuffix: string;
}

/**
 * The port persisted read models live behind: their tables beside the events (the same SQLite
 * file and connection, or the same PostgreSQL database), each model's rows committed in one
 * transaction with its checkpoint, so a restart resumes exactly where the rows end.
 * Statements use `?` placeholders; the PostgreSQL adapter numbers them.
 */
export interface ModelTables {
  readonly dialect: Dialect;
  /** Runs idempotent DDL (CREATE ... IF NOT EXISTS) in one transaction. */
  define(statements: readonly string[]): Promise<void>;
  /** Every built copy of the model, live or being built. */
  shelves(model: string): Promise<Shelf[]>;
  /**
   * The model's live copy; when it has none, registers a new, empty one at `version` as live.
   * One atomic step, so processes starting together on one database agree on the copy.
   */
  liveShelf(model: string, version: number): Promise<Shelf>;
  /** Registers a new, empty copy of the model at `version`, not live; returns its generation. */
  addShelf(model: string, version: number): Promise<number>;
  /**
   * Adds the rows of events after the shelf's stored checkpoint and moves it to `through`, in
   * one transaction; rows at or before the stored checkpoint were committed already (by this
   * process before a crash, or by another process on the same database) and are left out.
   * Throws, adding nothing, when the copy's checkpoint is gone (a swap dropped the copy).
   */
  commit(
    model: string,
    generation: number,
    rows: readonly RowsToAdd[],
    through: bigint,
  ): Promise<void>;
  /** Makes `generation` the live copy and drops the others' tables, in one transaction. */
  swap(model: string, generation: number, dropTables: readonly string[]): Promise<void>;
  /** A query over the model's tables. */
  select<T>(sql: string, params: readonly Cell[]): Promise<T[]>;
}

export const CHECKPOINTS = "read_model_checkpoints";

/** The error of a commit to a copy whose checkpoint is gone (a swap dropped it): names only. */
export const missingShelf = (model: string, generation: number) =>
  new Error(`read model ${model} has no copy ${generation} to commit to`);
