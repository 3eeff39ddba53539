// Runs in a worker thread: owns the read-model file and answers the model tables' calls in the
// order they arrive, so inserts, index updates, commits and WAL checkpoints of the shelved logs
// never hold the service's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { openSqliteDatabase } from "../../store/sqlite/database.js";
import type { ModelTables } from "./modelTables.js";
import { sqliteModelTables } from "./sqliteModelTables.js";

/** A call of one ModelTables method, numbered so its reply finds it. */
export interface TablesCall {
  id: number;
  method: Exclude<keyof ModelTables, "dialect"> | "close";
  args: unknown[];
}

/** A call's result, or its error by name and message (0 is the open's own reply). */
export type TablesReply =
  | { id: number; value: unknown }
  | { id: number; error: { name: string; message: string } };

const port = parentPort!;
const failed = (id: number, error: unknown): TablesReply => ({
  id,
  error: { name: (error as Error).name ?? "Error", message: (error as Error).message ?? "" },
});

let tables: ModelTables;
let close: () => void;
try {
  // Shared: the service's thread reads the file through a read-only connection of its own.
  const db = openSqliteDatabase((workerData as { path: string }).path, { shared: true });
  tables = sqliteModelTables(db);
  close = () => db.close();
  port.postMessage({ id: 0, value: null } satisfies TablesReply);
} catch (error) {
  port.postMessage(failed(0, error));
  port.close();
}

port.on("message", async ({ id, method, args }: TablesCall) => {
  if (method === "close") {
    close();
    port.postMessage({ id, value: null } satisfies TablesReply);
    port.close();
    return;
  }
  try {
    const call = tables[method] as (...args: unknown[]) => Promise<unknown>;
    port.postMessage({ id, value: await call(...args) } satisfies TablesReply);
  } catch (error) {
    port.postMessage(failed(id, error));
  }
});
