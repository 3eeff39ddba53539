import type { Cell } from "./modelTables.js";

/** Where a page starts: after this row (the event's position and the row's ordinal in it). */
export interface RowKey {
  readonly position: bigint;
  readonly n: number;
}

export interface PageRequest {
  /** Rows per page, 1 to MAX_PAGE. */
  readonly limit: number;
  /** Absent: from the first row. */
  readonly after?: RowKey;
}

export interface Page<T> {
  readonly items: T[];
  /** The key to ask the next page after; null on the last page. */
  readonly next: RowKey | null;
}

export const MAX_PAGE = 1000;
export const FIRST_PAGE: PageRequest = { limit: MAX_PAGE };

const MAX_POSITION = 2n ** 63n - 1n;
const CURSOR = /^([1-9][0-9]{0,18})\.(0|[1-9][0-9]{0,8})$/;

/** The opaque cursor a client gets for a row key. */
export const cursorOf = (key: RowKey) =>
  Buffer.from(`${key.position}.${key.n}`).toString("base64url");

/** The row key a cursor names; undefined for anything this service did not hand out. */
export function rowKeyOf(cursor: string): RowKey | undefined {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return undefined;
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("latin1"));
  if (!match) return undefined;
  const position = BigInt(match[1]!);
  return position > MAX_POSITION ? undefined : { position, n: Number(match[2]) };
}

/** A condition of a page query, with its parameters. */
export type Condition = readonly [sql: string, params: readonly Cell[]];

/** One page of a model's table in row order, by the given conditions; every condition is ANDed. */
export function pageQuery(
  table: string,
  columns: readonly string[],
  conditions: readonly Condition[],
  page: PageRequest,
): [string, Cell[]] {
  const all: Condition[] = [...conditions];
  if (page.after) all.push(["(position, n) > (?, ?)", [page.after.position, page.after.n]]);
  const where = all.length === 0 ? "" : `WHERE ${all.map(([sql]) => sql).join(" AND ")}`;
  const sql = `SELECT position, n, ${columns.join(", ")} FROM ${table} ${where} ORDER BY position, n LIMIT ?`;
  return [sql, [...all.flatMap(([, params]) => params), page.limit + 1]];
}

/** Cuts the extra row a page query asked for into the next page's key. */
export function pageOf<R extends { position: number | bigint | string; n: number }, T>(
  rows: readonly R[],
  limit: number,
  item: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const next =
    rows.length > limit && last ? { position: BigInt(last.position), n: Number(last.n) } : null;
  return { items: shown.map(item), next };
}

/** The period conditions of withinPeriod on a column of epoch milliseconds (null: unparseable, always in). */
export function periodConditions(column: string, from?: string, to?: string): Condition[] {
  const conditions: Condition[] = [];
  const start = from === undefined ? Number.NaN : Date.parse(from);
  const end = to === undefined ? Number.NaN : Date.parse(to);
  if (!Number.isNaN(start)) conditions.push([`(${column} IS NULL OR ${column} >= ?)`, [start]]);
  if (!Number.isNaN(end)) conditions.push([`(${column} IS NULL OR ${column} < ?)`, [end]]);
  return conditions;
}

/** Epoch milliseconds of an instant, null when it does not parse (withinPeriod then keeps it). */
export const epochOf = (instant: string): number | null => {
  const at = Date.parse(instant);
  return Number.isNaN(at) ? null : at;
};
