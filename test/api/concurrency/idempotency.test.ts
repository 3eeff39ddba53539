import { createHash, randomBytes, randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { requestFingerprint } from "../../../src/api/http/concurrency/idempotency.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { canonicalJson } from "../../../src/store/hashChain.js";
import { type CaseApi, type Exchange, ORG } from "../cases/support/caseApi.js";
import {
  caseApiForFile,
  caseWithWijkteam,
  lawfulShare,
  openCaseBody,
  type Tokens,
} from "../cases/support/scenario.js";

const KEY_REUSED = "https://casustafel.example/problems/idempotency-key-reused";

/** What a replay repeats: status, body and the write's headers. */
const answerOf = (exchange: Exchange) => ({
  status: exchange.status,
  body: exchange.body,
  etag: exchange.headers.get("etag"),
  position: exchange.headers.get("position"),
  location: exchange.headers.get("location"),
});
const replayed = (exchange: Exchange) => exchange.headers.get("idempotent-replayed") === "true";

describe.each(["sqlite", "postgres"] as const)("Idempotency-Key on %s", (kind) => {
  const given = caseApiForFile(kind);
  const keyed = (key: string, headers: Record<string, string> = {}) => ({
    "idempotency-key": key,
    ...headers,
  });
  // One body per key: a retry repeats its request, and each key is about a young person of its own.
  const bodies = new Map<string, ReturnType<typeof openCaseBody>>();
  const bodyOf = (key: string) => bodies.get(key) ?? bodies.set(key, openCaseBody()).get(key)!;
  const open = (api: CaseApi, tokens: Tokens, key: string) =>
    api.call("POST", "/v1/cases", {
      token: tokens.school,
      body: bodyOf(key),
      headers: keyed(key),
    });
  const share = (api: CaseApi, caseId: string, token: string, key: string, content = "Eén keer") =>
    api.call("POST", `/v1/cases/${caseId}/shares`, {
      token,
      body: lawfulShare({ content }),
      headers: keyed(key),
    });

  test("given a case opened with a key, when the POST is repeated, then the same case, ids, ETag, Position and Location come back and nothing is written", async () => {
    const { api, tokens } = given;
    const key = `open-${randomUUID()}`;
    const first = await open(api, tokens, key);
    const head = await api.system.store.headPosition();

    const again = await open(api, tokens, key);

    expect(first.status).toBe(201);
    expect(answerOf(again)).toEqual(answerOf(first));
    expect(replayed(again)).toBe(true);
    expect(replayed(first)).toBe(false);
    expect(await api.system.store.headPosition()).toBe(head);
  });

  test("given a used key, when it comes with another body, another case or another route, then each is 422 and nothing is written", async () => {
    const { api, tokens } = given;
    const [caseA, caseB] = [
      await caseWithWijkteam(api, tokens),
      await caseWithWijkteam(api, tokens),
    ];
    const key = `share-${randomUUID()}`;
    expect((await share(api, caseA, tokens.school, key)).status).toBe(201);
    const head = await api.system.store.headPosition();

    const reused = [
      await share(api, caseA, tokens.school, key, "Iets anders"),
      await share(api, caseB, tokens.school, key),
      await open(api, tokens, key),
    ];

    for (const answer of reused) {
      expect(answer.status).toBe(422);
      expect(answer.body.type).toBe(KEY_REUSED);
    }
    expect(await api.system.store.headPosition()).toBe(head);
  });

  test("given one key used by two users, then each gets a write of its own", async () => {
    const { api, tokens } = given;
    const caseId = await caseWithWijkteam(api, tokens);
    const colleague = await api.token(ORG.school, ["professional"], "collega-school");
    const key = `share-${randomUUID()}`;

    const mine = await share(api, caseId, tokens.school, key);
    const theirs = await share(api, caseId, colleague, key);

    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(replayed(theirs)).toBe(false);
    expect(theirs.body.shareId).not.toBe(mine.body.shareId);
  });

  test("given five copies of one keyed POST at once, then all answer alike, one wrote, and it wrote once", async () => {
    const { api, tokens } = given;
    const caseId = await caseWithWijkteam(api, tokens);
    const key = `share-${randomUUID()}`;

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => share(api, caseId, tokens.school, key)),
    );

    expect(answers[0]!.status).toBe(201);
    for (const answer of answers) expect(answerOf(answer)).toEqual(answerOf(answers[0]!));
    expect(answers.filter((answer) => !replayed(answer))).toHaveLength(1);
    const shares = (await api.caseEvents(caseId)).filter((e) => e.type === "InformationShared");
    expect(shares).toHaveLength(1);
  });

  test("given a keyed POST that was refused, when the state changes and it is retried, then it runs", async () => {
    const { api, tokens } = given;
    const opened = await open(api, tokens, `open-${randomUUID()}`);
    const { caseId } = opened.body;
    const key = `join-${randomUUID()}`;
    const joinCase = () =>
      api.call("POST", `/v1/cases/${caseId}/participants`, {
        token: tokens.wijkteam,
        body: { contact: { name: "Karim El Amrani", function: "wijkcoach", reach: "k@wijk.nl" } },
        headers: keyed(key),
      });
    expect((await joinCase()).status).toBeGreaterThanOrEqual(400);
    await api.call("POST", `/v1/cases/${caseId}/invitations`, {
      token: tokens.chair,
      body: { organisationId: ORG.wijkteam, message: "" },
    });

    const retried = await joinCase();

    expect(retried.status).toBe(201);
    expect(replayed(retried)).toBe(false);
  });

  test("given a keyed write with If-Match, when it is retried after later writes, then it replays instead of answering 412", async () => {
    const { api, tokens } = given;
    const caseId = await caseWithWijkteam(api, tokens);
    const revision = (await api.caseEvents(caseId)).length - 1;
    const key = `share-${randomUUID()}`;
    const withIfMatch = () =>
      api.call("POST", `/v1/cases/${caseId}/shares`, {
        token: tokens.school,
        body: lawfulShare(),
        headers: keyed(key, { "if-match": `"${revision}"` }),
      });
    const first = await withIfMatch();
    await share(api, caseId, tokens.school, `later-${randomUUID()}`);

    const again = await withIfMatch();

    expect(first.status).toBe(201);
    expect(answerOf(again)).toEqual(answerOf(first));
  });

  test("given keyed writes, then the store holds neither the key nor a plain hash of the body", async () => {
    const { api, tokens } = given;
    const key = `visible-${randomUUID()}`;
    const { body } = await open(api, tokens, key);

    const events = await api.caseEvents(body.caseId);
    const stored = JSON.stringify(events.map(({ data, metadata }) => ({ data, metadata })));

    const plainHash = createHash("sha256")
      .update(`POST /v1/cases\n${canonicalJson(bodyOf(key))}`)
      .digest("hex");
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(plainHash);
    expect(stored).toContain("requestFingerprint");
  });

  test("a malformed key is 400", async () => {
    const { api, tokens } = given;
    expect((await open(api, tokens, "short")).status).toBe(400);
  });
});

describe("request fingerprints", () => {
  test("are keyed: the same request gives the same fingerprint only under the same secret", () => {
    const body = { subject: { name: "Sam de Vries", dateOfBirth: "2011-01-15" } };
    const secret = masterKeyFrom(randomBytes(32)).derive("test fingerprint");
    const other = masterKeyFrom(randomBytes(32)).derive("test fingerprint");

    const ours = requestFingerprint(secret, "POST", "/v1/cases", body);

    expect(requestFingerprint(secret, "POST", "/v1/cases", { ...body })).toBe(ours);
    expect(requestFingerprint(other, "POST", "/v1/cases", body)).not.toBe(ours);
    const plain = createHash("sha256")
      .update(`POST /v1/cases\n${canonicalJson(body)}`)
      .digest("hex");
    expect(ours).not.toBe(plain);
  });
});
