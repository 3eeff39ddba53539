import { openPostgresEventStore, type PostgresEventStore } from "../../src/store/postgres/index.js";
import { freshDatabaseUrl } from "../support/postgres.js";
import { eventStoreContract } from "./contract.js";

let last: PostgresEventStore | undefined;

eventStoreContract("postgres", {
  async open() {
    last = await openPostgresEventStore(await freshDatabaseUrl(), { pollIntervalMs: 200 });
    return last;
  },
  async tamper(streamId, revision) {
    const { rowCount } = await last!.pool.query(
      `UPDATE events SET data = json_build_object('tampered', true)
       WHERE stream_id = $1 AND revision = $2`,
      [streamId, revision],
    );
    if (rowCount !== 1) throw new Error(`no stored row ${streamId}@${revision} to tamper with`);
  },
});
