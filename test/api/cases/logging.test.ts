import { afterAll, beforeAll, expect, test } from "vitest";
import { type CaseApi, ORG, startCaseApi } from "./support/caseApi.js";
import {
  lawfulShare,
  PLAINTEXTS,
  populatedCase,
  SUBJECT,
  type Tokens,
  tokensFor,
} from "./support/scenario.js";

let api: CaseApi;
let tokens: Tokens;
beforeAll(async () => {
  api = await startCaseApi("sqlite");
  tokens = await tokensFor(api);
});
afterAll(() => api.close());

test("the request logs of a case scenario carry ids and routes, never names, content or identity", async () => {
  const ids = await populatedCase(api, tokens);
  await api.call("GET", `/v1/cases/${ids.caseId}`, { token: tokens.wijkteam });
  // Refusals and invalid input are where personal values most easily slip into a log line.
  await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
    token: tokens.school,
    body: lawfulShare({ recipients: [ORG.police] }),
  });
  await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
    token: tokens.school,
    body: lawfulShare({ necessity: SUBJECT.name.repeat(400) }),
  });
  await api.call("POST", "/v1/cases", {
    token: tokens.school,
    body: { subject: SUBJECT, description: PLAINTEXTS[3] },
  });
  await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
    token: tokens.school,
    raw: `{"content": "${PLAINTEXTS[4]}"`,
  });
  const requestLines = api.logs.filter((line) => line.includes('"route":"/v1/cases'));
  expect(requestLines.length).toBeGreaterThan(5);
  const logged = api.logs.join("\n");
  expect(logged).toContain('"route":"/v1/cases/{caseId}/shares"');
  expect(logged).toContain(ORG.school);
  expect(logged).toContain("422");
  const secrets = [...PLAINTEXTS, SUBJECT.dateOfBirth, "Karim El Amrani", "karim@wijk.nl"];
  for (const secret of secrets) expect(logged).not.toContain(secret);
});
