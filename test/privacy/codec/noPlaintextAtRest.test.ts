import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { freshDatabaseUrl } from "../../support/postgres.js";
import { databaseFilesHolding, openStoreFile, sqliteFilesHolding } from "../keys/rawFiles.js";
import { postgresCodec, signalRaised, sqliteCodec } from "./fixtures.js";

// The codec's output is stored in a probe table of the same file or database as the keys:
// what reaches disk is exactly what the codec hands to the store.
const name = "Jannigje van Oosterhout-Brabander";
const text = "Mist sinds februari elke maandag de eerste uren";
const needles = [name, text].map((needle) => Buffer.from(needle, "utf8"));

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

test("SQLite: the database file and its WAL hold no known name or text, only ciphertext", async () => {
  const { db, path } = openStoreFile();
  const { codec } = sqliteCodec(db);
  db.exec("CREATE TABLE probe_events (stream_id TEXT, type TEXT, data TEXT)");
  const insert = db.prepare("INSERT INTO probe_events VALUES (?, ?, ?)");
  const stream = `case-${randomUUID()}`;
  const event = signalRaised();
  insert.run(stream, event.type, JSON.stringify(await codec.encode(stream, event)));
  // Control: the scan finds plaintext when it is there.
  insert.run("control", event.type, JSON.stringify({ note: "control" }));

  for (const needle of needles) expect(sqliteFilesHolding(path, needle)).toEqual([]);
  expect(sqliteFilesHolding(path, Buffer.from('{"note":"control"}'))).not.toEqual([]);
  const [row] = db.prepare("SELECT data FROM probe_events WHERE stream_id = ?").all(stream) as {
    data: string;
  }[];
  expect((await codec.decode(stream, event.type, JSON.parse(row!.data))).subject).toMatchObject({
    name,
  });
});

test("PostgreSQL: no file of the database holds a known name or text, only ciphertext", async () => {
  const pool = new pg.Pool({ connectionString: await freshDatabaseUrl(), max: 2 });
  pools.push(pool);
  const { codec } = postgresCodec(pool);
  await pool.query("CREATE TABLE probe_events (stream_id text, type text, data json, doc jsonb)");
  const stream = `case-${randomUUID()}`;
  const event = signalRaised();
  const stored = await codec.encode(stream, event);
  await pool.query("INSERT INTO probe_events VALUES ($1, $2, $3::text::json, $3::text::jsonb)", [
    stream,
    event.type,
    stored,
  ]);
  await pool.query(
    "INSERT INTO probe_events VALUES ('control', 'x', $1::text::json, $1::text::jsonb)",
    [{ note: "control-marker-4711" }],
  );

  for (const needle of needles) expect(await databaseFilesHolding(pool, needle)).toEqual([]);
  expect(await databaseFilesHolding(pool, Buffer.from("control-marker-4711"))).not.toEqual([]);
});
