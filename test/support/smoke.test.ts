import pg from "pg";
import { expect, test } from "vitest";
import { freshDatabaseUrl } from "./postgres.js";

test("the suite has a real PostgreSQL server", async () => {
  const client = new pg.Client({ connectionString: await freshDatabaseUrl() });
  await client.connect();
  const { rows } = await client.query("select current_setting('server_version_num')::int as v");
  await client.end();
  expect(rows[0].v).toBeGreaterThanOrEqual(150000);
});
