import { describe, expect, test } from "vitest";
import { handleCovenantCommand, loadCovenant } from "../../../src/commands/covenants.js";
import { actor, covenantCommandOf, member } from "../../domain/fixtures.js";
import { COVENANT_ID, ORG } from "./support/caseApi.js";
import { caseApiForFile, caseWithWijkteam, lawfulShare } from "./support/scenario.js";

// Rule 1 through the API: an organisation withdrawn from the covenant loses every case of it
// at once, for reads and writes alike; readmitted, it does not get back what reached it before.

const given = caseApiForFile("sqlite");

/** The covenant's admin withdraws or readmits an organisation; the position of that change. */
async function membership(change: "WithdrawMember" | "AdmitMember", organisationId: string) {
  const command =
    change === "WithdrawMember"
      ? covenantCommandOf({ type: "WithdrawMember", organisationId })
      : covenantCommandOf({ type: "AdmitMember", member: member(organisationId) });
  const handled = await handleCovenantCommand(given.api.system.resources.commands, {
    ...command,
    now: new Date().toISOString(),
  });
  return String(handled.position);
}

/** Runs `meanwhile` while the organisation is withdrawn; readmits it, whatever happens; the readmission's position. */
async function whileWithdrawn(
  organisationId: string,
  meanwhile: (position: string) => Promise<void>,
) {
  let readmitted = "";
  try {
    await meanwhile(await membership("WithdrawMember", organisationId));
  } finally {
    readmitted = await membership("AdmitMember", organisationId);
  }
  return readmitted;
}

const readCase = (caseId: string, token: string, position: string) =>
  given.api.call("GET", `/v1/cases/${caseId}`, { token, headers: { "min-position": position } });

describe("an organisation withdrawn from the covenant", () => {
  test("gets 404 for its case and its writes, and the case leaves its list; readmitted, it sees the case but not the earlier share", async () => {
    const { api, tokens } = given;
    const caseId = await caseWithWijkteam(api, tokens);
    const shared = await api.call("POST", `/v1/cases/${caseId}/shares`, {
      token: tokens.school,
      body: lawfulShare(),
    });
    const readmitted = await whileWithdrawn(ORG.wijkteam, async (position) => {
      const read = await readCase(caseId, tokens.wijkteam, position);
      expect(read.status).toBe(404);
      expect(read.body.detail).toBe("No such case");
      const list = await api.call("GET", "/v1/cases", {
        token: tokens.wijkteam,
        headers: { "min-position": position },
      });
      expect(list.body.cases.map((row: { caseId: string }) => row.caseId)).not.toContain(caseId);
      const before = (await api.caseEvents(caseId)).length;
      const leave = await api.call("DELETE", `/v1/cases/${caseId}/participants/${ORG.wijkteam}`, {
        token: tokens.wijkteam,
      });
      expect(leave.status).toBe(404);
      expect(await api.caseEvents(caseId)).toHaveLength(before);
    });

    const back = await readCase(caseId, tokens.wijkteam, readmitted);
    expect(shared.status).toBe(201);
    expect(back.status).toBe(200);
    expect(back.body.shares).toEqual([]);
  });

  test("what it shared stays in the disclosure register", async () => {
    const { api, tokens } = given;
    const caseId = await caseWithWijkteam(api, tokens);
    const shared = await api.call("POST", `/v1/cases/${caseId}/shares`, {
      token: tokens.school,
      body: lawfulShare(),
    });
    await whileWithdrawn(ORG.school, async (position) => {
      expect((await readCase(caseId, tokens.school, position)).status).toBe(404);
      const covenant = await loadCovenant(api.system.resources.commands, COVENANT_ID);
      const register = api.system.resources.readModels.disclosureRegister.disclosures(
        actor(ORG.chair, "privacy-officer"),
        covenant,
        { caseId },
      ).items;
      expect(register.map((d) => [d.shareId, d.sharedBy])).toEqual([
        [shared.body.shareId, ORG.school],
      ]);
    });
  });
});
