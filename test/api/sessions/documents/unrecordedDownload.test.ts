import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CaseApi, COVENANT_ID, ORG, startCaseApi } from "../../cases/support/caseApi.js";
import { caseWithWijkteam, SUBJECT, type Tokens, tokensFor } from "../../cases/support/scenario.js";

// Rule 8 for documents: a download whose access record cannot be appended fails, and no PDF
// leaves. PostgreSQL lets a trigger refuse read records for real while other streams append.
const REFUSE_READS = `
  CREATE FUNCTION refuse_reads() RETURNS trigger AS $$
  BEGIN
    IF NEW.stream_id LIKE 'access-%' THEN RAISE EXCEPTION 'read records refused'; END IF;
    RETURN NEW;
  END $$ LANGUAGE plpgsql;
  CREATE TRIGGER refuse_reads BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_reads();
`;
const MINUTES = "Noah vertelde over de oudere jongens bij het plein.";

let api: CaseApi;
let tokens: Tokens;
let admin: pg.Client;
beforeAll(async () => {
  api = await startCaseApi("postgres");
  tokens = await tokensFor(api);
  admin = new pg.Client({ connectionString: api.system.config.store.databaseUrl });
  await admin.connect();
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await api?.close();
});

async function recordedSession(): Promise<{ caseId: string; sessionId: string }> {
  const caseId = await caseWithWijkteam(api, tokens);
  const plan = await api.call("POST", "/v1/sessions", {
    token: tokens.chair,
    body: {
      covenantId: COVENANT_ID,
      startsAt: "2031-05-01T09:00:00+02:00",
      endsAt: "2031-05-01T11:00:00+02:00",
      location: "Stadhuis",
      plannedOrganisationIds: [ORG.wijkteam],
    },
  });
  const sessionId = plan.body.sessionId as string;
  const added = await api.call("POST", `/v1/sessions/${sessionId}/agenda`, {
    token: tokens.chair,
    body: { caseId, question: "Wie spreekt Noah?" },
  });
  await api.call("POST", `/v1/sessions/${sessionId}/agenda/${added.body.itemId}/record`, {
    token: tokens.chair,
    body: {
      heldAt: "2031-05-01T09:30:00+02:00",
      attendees: [
        { organisationId: ORG.wijkteam, userId: "coach", confidentialityAcknowledged: true },
      ],
      minutes: MINUTES,
      decisions: [],
    },
  });
  return { caseId, sessionId };
}

async function download(path: string) {
  const head = (await api.system.store.headPosition()).toString();
  return fetch(`${api.url}${path}`, {
    headers: { authorization: `Bearer ${tokens.wijkteam}`, "min-position": head },
  });
}

describe("given the store refuses read records (rule 8)", () => {
  test("when the wijkteam downloads the agenda or its minutes, then the download fails and no PDF leaves", async () => {
    const { caseId, sessionId } = await recordedSession();
    await admin.query(REFUSE_READS);
    try {
      for (const document of ["agenda.pdf", "minutes.pdf"]) {
        const refused = await download(`/v1/sessions/${sessionId}/${document}`);
        expect(refused.status, document).toBe(500);
        expect(refused.headers.get("content-type")).toMatch(/problem\+json/);
        expect(refused.headers.get("content-disposition")).toBeNull();
        const body = await refused.text();
        for (const plaintext of [SUBJECT.name, MINUTES]) expect(body).not.toContain(plaintext);
      }
      expect(await api.accessRecords(caseId)).toEqual([]);
    } finally {
      await admin.query("DROP TRIGGER refuse_reads ON events; DROP FUNCTION refuse_reads()");
    }
    const recorded = await download(`/v1/sessions/${sessionId}/minutes.pdf`);
    expect(recorded.status).toBe(200);
    expect(await api.accessRecords(caseId)).toHaveLength(1);
  });
});
