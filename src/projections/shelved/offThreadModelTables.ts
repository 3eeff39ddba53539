import { once } from "node:events";
import { startModuleWorker } from "../../store/moduleWorker.js";
import type { ModelTables } from "./modelTables.js";
import type { TablesCall, TablesReply } from "./modelTablesWorker.js";
import { SQLITE_DIALECT, sqliteModelReader } from "./sqliteModelTables.js";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** Model tables a worker thread keeps; close ends the thread and its connection. */
export type OffThreadModelTables = ModelTables & { close(): Promise<void> };

/** An SQLite store's read-model file: `casustafel.sqlite` keeps them in `casustafel.read-models.sqlite`. */
export const readModelsPath = (storePath: string) =>
  storePath === ":memory:" ? storePath : `${storePath.replace(/\.sqlite$/, "")}.read-models.sqlite`;

/**
 * The shelved models' tables in an SQLite file of their own beside the store's (`path`),
 * written by a worker thread: a burst of read records costs the service's event loop a
 * message, not a transaction over six B-trees and the WAL checkpoints that follow. Queries run
 * on this thread through a read-only connection (sqliteModelReader), so an officer's page or a
 * worklist's last look never waits behind the commits queued in the worker. The store file's
 * connection is exclusive, so the models cannot share it from another thread. Rows and
 * checkpoint still commit in one transaction in that file; losing the file loses nothing that
 * a rebuild from the events does not bring back.
 */
export async function offThreadModelTables(path: string): Promise<OffThreadModelTables> {
  const thread = startModuleWorker("./modelTablesWorker", import.meta.url, { path });
  const pending = new Map<number, Pending>();
  let next = 1;
  let lost: Error | null = null;
  let closing = false;

  thread.on("message", (reply: TablesReply) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    if ("error" in reply) call.reject(Object.assign(new Error(reply.error.message), reply.error));
    else call.resolve(reply.value);
    // An idle worker must not keep the process alive; one closing must, until it has exited.
    if (pending.size === 0 && !closing) thread.unref();
  });
  const lose = (error: Error) => {
    lost ??= error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  thread.on("error", lose);
  thread.on("exit", (code) => lose(new Error(`read-model worker exited with code ${code}`)));

  const ask = <T>(id: number, call?: TablesCall) =>
    new Promise<T>((resolve, reject) => {
      if (lost) return reject(lost);
      if (pending.size === 0) thread.ref();
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (call) thread.postMessage(call);
    });
  const call = <T>(method: TablesCall["method"], ...args: unknown[]) => {
    const id = next++;
    return ask<T>(id, { id, method, args });
  };

  try {
    await ask(0);
  } catch (error) {
    await thread.terminate();
    throw error;
  }
  // An in-memory database is the worker's alone: its queries go to the worker too.
  const reader = path === ":memory:" ? null : sqliteModelReader(path);
  return {
    dialect: SQLITE_DIALECT,
    define: (statements) => call("define", statements),
    shelves: (model) => call("shelves", model),
    liveShelf: (model, version) => call("liveShelf", model, version),
    addShelf: (model, version) => call("addShelf", model, version),
    commit: (model, generation, rows, through) => call("commit", model, generation, rows, through),
    swap: (model, generation, dropTables) => call("swap", model, generation, dropTables),
    select: reader ? reader.select : (sql, params) => call("select", sql, params),
    async close() {
      reader?.close();
      if (lost) return;
      closing = true;
      const exited = once(thread, "exit");
      await call("close");
      await exited;
    },
  };
}
