import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CaseApi, startCaseApi } from "./support/caseApi.js";
import { caseWithWijkteam, PLAINTEXTS, type Tokens, tokensFor } from "./support/scenario.js";

// Rule 8 over HTTP: a read whose access record cannot be appended fails and shows no content.
// PostgreSQL lets a trigger refuse read records for real, while the case streams still append.
const REFUSE_READS = `
  CREATE FUNCTION refuse_reads() RETURNS trigger AS $$
  BEGIN
    IF NEW.stream_id LIKE 'access-%' THEN RAISE EXCEPTION 'read records refused'; END IF;
    RETURN NEW;
  END $$ LANGUAGE plpgsql;
  CREATE TRIGGER refuse_reads BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_reads();
`;

let api: CaseApi;
let tokens: Tokens;
let admin: pg.Client;
beforeAll(async () => {
  api = await startCaseApi("postgres");
  tokens = await tokensFor(api);
  admin = new pg.Client({ connectionString: api.system.config.store.databaseUrl });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await api.close();
});

describe("given the store refuses read records (rule 8)", () => {
  test("when a participant reads a case or its case list, then the read fails and no content leaves", async () => {
    const caseId = await caseWithWijkteam(api, tokens);
    await admin.query(REFUSE_READS);
    try {
      for (const path of [`/v1/cases/${caseId}`, "/v1/cases"]) {
        const read = await api.call("GET", path, { token: tokens.wijkteam });
        expect(read.status, path).toBe(500);
        expect(read.contentType).toMatch(/problem\+json/);
        for (const plaintext of PLAINTEXTS)
          expect(JSON.stringify(read.body)).not.toContain(plaintext);
        expect(JSON.stringify(read.body)).not.toContain(caseId);
      }
      expect(await api.accessRecords(caseId)).toEqual([]);
    } finally {
      await admin.query("DROP TRIGGER refuse_reads ON events; DROP FUNCTION refuse_reads()");
    }
    const recorded = await api.call("GET", `/v1/cases/${caseId}`, { token: tokens.wijkteam });
    expect(recorded.status).toBe(200);
    expect(await api.accessRecords(caseId)).toHaveLength(1);
  });
});
