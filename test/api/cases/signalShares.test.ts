import { describe, expect, test } from "vitest";
import { ORG } from "./support/caseApi.js";
import {
  caseApiForFile,
  caseWithWijkteam,
  DESCRIPTION,
  join,
  lawfulShare,
} from "./support/scenario.js";

// Rule 2 through the API: a signal's description is for its raiser and the chair; the raiser
// shares it with a participant in one step, as a share that every share rule checks.

const given = caseApiForFile("sqlite");

/** The school's case with the wijkteam and the police at the table, and the opening signal's id. */
async function caseWithSignal() {
  const { api, tokens } = given;
  const caseId = await caseWithWijkteam(api, tokens);
  await join(api, tokens, caseId, ORG.police, tokens.police);
  const opening = (await api.caseEvents(caseId)).find((event) => event.type === "SignalRaised");
  return { caseId, signalId: opening?.data.signalId as string };
}

const read = async (caseId: string, token: string) => {
  const position = await given.api.system.store.headPosition();
  const answer = await given.api.call("GET", `/v1/cases/${caseId}`, {
    token,
    headers: { "min-position": String(position) },
  });
  return answer.body.signals[0].description as string | null;
};

const shareSignal = (caseId: string, signalId: string, token: string, body = lawfulShare()) => {
  const { content: _content, ...withoutContent } = body;
  return given.api.call("POST", `/v1/cases/${caseId}/signals/${signalId}/shares`, {
    token,
    body: withoutContent,
  });
};

describe("a signal's description", () => {
  test("is read by the raiser and the chair; a participant reads it once the raiser shares it", async () => {
    const { caseId, signalId } = await caseWithSignal();
    const { tokens } = given;
    expect(await read(caseId, tokens.school)).toBe(DESCRIPTION);
    expect(await read(caseId, tokens.chair)).toBe(DESCRIPTION);
    expect(await read(caseId, tokens.wijkteam)).toBeNull();

    const shared = await shareSignal(caseId, signalId, tokens.school);
    expect(shared.status).toBe(201);
    const wijkteam = await given.api.call("GET", `/v1/cases/${caseId}`, {
      token: tokens.wijkteam,
      headers: { "min-position": shared.headers.get("position")! },
    });
    expect(wijkteam.body.shares).toEqual([
      expect.objectContaining({
        shareId: shared.body.shareId,
        sharedBy: ORG.school,
        recipients: [ORG.wijkteam],
        content: DESCRIPTION,
      }),
    ]);
    // Still a share, not the signal: the police, not named, learns nothing of it.
    const police = await given.api.call("GET", `/v1/cases/${caseId}`, { token: tokens.police });
    expect(JSON.stringify(police.body)).not.toContain(DESCRIPTION);
  });

  test("another participant may not share it (403); an outsider is told the case does not exist (404)", async () => {
    const { caseId, signalId } = await caseWithSignal();
    const { tokens } = given;
    const before = (await given.api.caseEvents(caseId)).length;
    const police = await shareSignal(
      caseId,
      signalId,
      tokens.police,
      lawfulShare({ recipients: [ORG.wijkteam] }),
    );
    expect(police.status).toBe(403);
    expect((await shareSignal(caseId, signalId, tokens.stranger)).status).toBe(404);
    expect(await given.api.caseEvents(caseId)).toHaveLength(before);
  });

  test("a share of it that breaks a rule is refused (422) and nothing is written", async () => {
    const { caseId, signalId } = await caseWithSignal();
    const before = (await given.api.caseEvents(caseId)).length;
    const unlawful = await shareSignal(
      caseId,
      signalId,
      given.tokens.school,
      lawfulShare({ dataCategories: ["gezondheid"] }),
    );
    expect(unlawful.status).toBe(422);
    expect(JSON.stringify(unlawful.body)).not.toContain(DESCRIPTION);
    expect(await given.api.caseEvents(caseId)).toHaveLength(before);
  });
});
