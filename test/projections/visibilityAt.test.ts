import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, expect, test } from "vitest";
import { handleCovenantCommand } from "../../src/commands/covenants.js";
import { visibilityAt } from "../../src/projections/visibilityAt/visibilityAt.js";
import { chair, covenantCommandOf, ORG } from "../domain/fixtures.js";
import {
  commonCase,
  PERSONAL_TEXTS,
  professional,
  sqliteWorld,
  type World,
} from "./projectorWorld.js";

let world: World;
afterEach(() => world?.close());

test("visibilityAt: what the wijkteam could see before the share was revoked and before it left; ids and categories, no content", async () => {
  // Given the common case, a moment after it was set up, then a revocation and the wijkteam leaving
  world = await sqliteWorld();
  const script = await commonCase(world);
  const meeting = { caseId: script.caseId, now: "2025-03-10T12:00:00.000Z", actor: chair };
  await world.run({
    ...meeting,
    type: "ScheduleMeeting",
    meetingId: "m-1",
    scheduledFor: meeting.now,
    agenda: "Overleg",
  });
  await world.run({
    ...meeting,
    type: "RecordMeeting",
    meetingId: "m-1",
    heldAt: meeting.now,
    attendees: [{ organisationId: ORG.wijkteam, userId: "u-1", confidentialityAcknowledged: true }],
    minutes: "Notulen over de thuissituatie",
    decisions: ["Wijkteam gaat op huisbezoek"],
  });
  const history = await world.store.readStream(`case-${script.caseId}`);
  const before = new Date(Date.parse(history[0]!.recordedAt) - 1).toISOString();
  const setUp = history[history.length - 1]!.recordedAt;
  const shareId = history.find((e) => e.type === "InformationShared")!.data.shareId as string;
  await sleep(5);
  await world.run({
    caseId: script.caseId,
    now: "2025-03-11T09:00:00.000Z",
    type: "RevokeShare",
    actor: professional(ORG.school),
    shareId,
  });
  await world.run(script.leave(ORG.wijkteam));

  // When a privacy officer asks about the moment the case was set up
  const then = await visibilityAt(world.store, script.caseId, ORG.wijkteam, setUp);

  // Then the wijkteam saw the case, the share with its categories, and nothing of its content
  expect(then.access).toBe("case");
  expect(then.items).toContainEqual({
    id: `share:${shareId}`,
    kind: "share",
    categories: ["signaal", "school"],
  });
  expect(then.items).toContainEqual({ id: "subject", kind: "subject", categories: ["identiteit"] });
  expect(then.items).toContainEqual({ id: "minutes:m-1", kind: "minutes", categories: [] });
  const json = JSON.stringify(then);
  for (const text of [...PERSONAL_TEXTS, "Notulen", "huisbezoek"]) expect(json).not.toContain(text);

  // And now it sees nothing; before the case existed nothing; the police never; leerplicht its invitation
  const now = new Date().toISOString();
  expect(await visibilityAt(world.store, script.caseId, ORG.wijkteam, now)).toMatchObject({
    access: "none",
    items: [],
  });
  expect((await visibilityAt(world.store, script.caseId, ORG.wijkteam, before)).access).toBe(
    "none",
  );
  expect((await visibilityAt(world.store, script.caseId, ORG.police, setUp)).access).toBe("none");
  const invited = await visibilityAt(world.store, script.caseId, ORG.leerplicht, setUp);
  expect(invited.items.map((item) => item.id)).toEqual([`invitation:${script.caseId}`]);
  // The school, as sharer, no longer sees the revoked share
  const school = await visibilityAt(world.store, script.caseId, ORG.school, now);
  expect(school.items.map((item) => item.id)).not.toContain(`share:${shareId}`);
});

test("visibilityAt: an organisation withdrawn from the covenant could see its case until the withdrawal, and nothing after", async () => {
  // Given the common case, and the wijkteam then withdrawn from the covenant
  world = await sqliteWorld();
  const script = await commonCase(world);
  const setUp = (await world.store.readStream(`case-${script.caseId}`)).at(-1)!.recordedAt;
  await sleep(5);
  await handleCovenantCommand(world, {
    ...covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.wijkteam }),
    now: new Date().toISOString(),
  });

  // When a privacy officer asks about a moment before and a moment after the withdrawal
  const before = await visibilityAt(world.store, script.caseId, ORG.wijkteam, setUp);
  const after = await visibilityAt(
    world.store,
    script.caseId,
    ORG.wijkteam,
    new Date().toISOString(),
  );

  // Then it had the case then, and none of it now
  expect(before.access).toBe("case");
  expect(after).toMatchObject({ access: "none", items: [] });
});
