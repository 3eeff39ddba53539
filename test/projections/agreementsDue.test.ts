import { expect, test } from "vitest";
import { chair, ORG } from "../domain/fixtures.js";
import { givenProjectedCommonCase } from "./projectedCase.js";
import { professional } from "./projectorWorld.js";

const NOW = "2025-03-12T09:00:00.000Z";
const given = givenProjectedCommonCase();

test("agreementsDue: the owner and the chair see open agreements overdue first; others none", async () => {
  const { script, models } = await given();
  for (const viewer of [professional(ORG.wijkteam), chair]) {
    const due = models.agreementsDue.query(viewer, NOW);
    expect(due.map((a) => [a.dueDate, a.overdue])).toEqual([
      ["2025-03-11", true],
      ["2025-04-01", false],
    ]);
    expect(due.every((a) => a.caseId === script.caseId)).toBe(true);
    expect(models.agreementsDue.query(viewer, NOW, "overdue").map((a) => a.what)).toEqual([
      "Verlopen afspraak",
    ]);
  }
  expect(models.agreementsDue.query(professional(ORG.school), NOW)).toEqual([]);
  expect(models.agreementsDue.query(professional(ORG.leerplicht), NOW)).toEqual([]);
});

test("agreementsDue: a completed agreement drops out; one whose due date has passed becomes overdue", async () => {
  const { world, projector, script, models } = await given();
  const agreements = models.caseView.stateOf(script.caseId)?.agreements ?? {};
  const late = Object.values(agreements).find((a) => a.dueDate === "2025-03-11")!;
  const written = await world.run({
    caseId: script.caseId,
    now: NOW,
    type: "CompleteAgreement",
    actor: professional(ORG.wijkteam),
    agreementId: late.agreementId,
  });
  await projector.waitFor(written, 5000);
  const due = models.agreementsDue.query(professional(ORG.wijkteam), "2025-04-05T00:00:00.000Z");
  expect(due.map((a) => [a.dueDate, a.overdue])).toEqual([["2025-04-01", true]]);
});
