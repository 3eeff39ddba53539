import { expect, test } from "vitest";
import { ORG } from "./support/caseApi.js";
import {
  caseApiForFile,
  lawfulShare,
  PLAINTEXTS,
  populatedCase,
  SUBJECT,
} from "./support/scenario.js";

const given = caseApiForFile("sqlite");

test("the request logs of a case scenario carry ids and routes, never names, content or identity", async () => {
  const ids = await populatedCase(given.api, given.tokens);
  await given.api.call("GET", `/v1/cases/${ids.caseId}`, { token: given.tokens.wijkteam });
  // Refusals and invalid input are where personal values most easily slip into a log line.
  await given.api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
    token: given.tokens.school,
    body: lawfulShare({ recipients: [ORG.police] }),
  });
  await given.api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
    token: given.tokens.school,
    body: lawfulShare({ necessity: SUBJECT.name.repeat(400) }),
  });
  await given.api.call("POST", "/v1/cases", {
    token: given.tokens.school,
    body: { subject: SUBJECT, description: PLAINTEXTS[3] },
  });
  await given.api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
    token: given.tokens.school,
    raw: `{"content": "${PLAINTEXTS[4]}"`,
  });
  const requestLines = given.api.logs.filter((line) => line.includes('"route":"/v1/cases'));
  expect(requestLines.length).toBeGreaterThan(5);
  const logged = given.api.logs.join("\n");
  expect(logged).toContain('"route":"/v1/cases/{caseId}/shares"');
  expect(logged).toContain(ORG.school);
  expect(logged).toContain("422");
  const secrets = [...PLAINTEXTS, SUBJECT.dateOfBirth, "Karim El Amrani", "karim@wijk.nl"];
  for (const secret of secrets) expect(logged).not.toContain(secret);
});
