import { expect, test } from "vitest";
import { actor, chair, ORG } from "../domain/fixtures.js";
import { givenProjectedCommonCase } from "./projectedCase.js";
import { professional } from "./projectorWorld.js";

const NOW = "2025-03-12T09:00:00.000Z";
const given = givenProjectedCommonCase();

test("caseList: participants and the chair see status, category, next meeting and agreement counts; the invited see an invitation", async () => {
  const { script, models } = await given();
  const row = {
    access: "case",
    caseId: script.caseId,
    status: "open",
    signalCategory: "verzuim",
    chairOrganisationId: ORG.chair,
    nextMeeting: "2025-03-20T14:00:00.000Z",
    openAgreements: 2,
    overdueAgreements: 1,
  };
  for (const viewer of [professional(ORG.school), professional(ORG.wijkteam), chair]) {
    expect(models.caseList.query(viewer, NOW)).toEqual([expect.objectContaining(row)]);
  }
  expect(models.caseList.query(professional(ORG.leerplicht), NOW)).toEqual([
    {
      access: "invitation",
      caseId: script.caseId,
      signalCategory: "verzuim",
      chairOrganisationId: ORG.chair,
    },
  ]);
  for (const viewer of [professional(ORG.police), actor(ORG.wijkteam, "privacy-officer")]) {
    expect(models.caseList.query(viewer, NOW)).toEqual([]);
  }
});

test("caseList: an organisation that left no longer lists the case; after the meeting date there is no next meeting", async () => {
  const { world, projector, script, models } = await given();
  await projector.waitFor(await world.run(script.leave(ORG.wijkteam)), 5000);
  expect(models.caseList.query(professional(ORG.wijkteam), NOW)).toEqual([]);
  expect(models.caseList.query(chair, "2025-03-21T00:00:00.000Z")[0]).toMatchObject({
    nextMeeting: null,
    overdueAgreements: 1,
  });
});
