import { afterEach, expect, test } from "vitest";
import { handleSubjectCommand } from "../../src/commands/subjects.js";
import type { Actor } from "../../src/domain/index.js";
import { type CaseReadModels, createCaseReadModels } from "../../src/projections/caseModels.js";
import { createProjector, type Projector } from "../../src/projections/projector.js";
import { actor, COVENANT_ID, chair, ORG, SUBJECT } from "../domain/fixtures.js";
import { freshDatabaseUrl } from "../support/postgres.js";
import {
  commonCase,
  PERSONAL_TEXTS,
  postgresWorld,
  professional,
  secondProcess,
  sqliteWorld,
  type World,
} from "./projectorWorld.js";

const NOW = "2025-03-12T09:00:00.000Z";
const VIEWERS: Actor[] = [chair, ...Object.values(ORG).map((id) => professional(id))];

/** Every answer the case-side models give, as one text to search for plaintext. */
const everything = (models: CaseReadModels, caseId: string) =>
  JSON.stringify(
    VIEWERS.map((viewer) => [
      models.caseView.query(caseId, viewer, NOW),
      models.caseList.query(viewer, NOW),
      models.agreementsDue.query(viewer, NOW),
    ]),
  );

let world: World;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await world?.close();
});

async function follow(deps: Omit<World, "run">): Promise<[CaseReadModels, Projector]> {
  const models = createCaseReadModels();
  const projector = createProjector({ ...deps, models: models.all });
  closers.push(() => projector.stop());
  await projector.start();
  return [models, projector];
}

const eraseSubject = (subjectId: string, caseId: string) =>
  handleSubjectCommand(
    { ...world },
    {
      type: "EraseSubject",
      actor: actor(ORG.chair, "privacy-officer"),
      now: NOW,
      subjectId,
      caseIds: [caseId],
      reason: "data-subject-request",
    },
    COVENANT_ID,
  );

test("after SubjectErased no caseView, caseList or agreementsDue answer holds the subject's plaintext (SQLite)", async () => {
  // Given live case models that hold the subject's case, decrypted
  world = await sqliteWorld();
  const [models, projector] = await follow(world);
  const script = await commonCase(world);
  await projector.waitFor(await world.store.headPosition(), 5000);
  expect(everything(models, script.caseId)).toContain(SUBJECT.name);

  // When the covenant's privacy officer erases the subject
  const { position } = await eraseSubject(script.subjectId, script.caseId);
  expect(await projector.waitFor(position!, 5000)).toBe(true);

  // Then nothing personal is left, while the accountability data stays
  const after = everything(models, script.caseId);
  for (const text of PERSONAL_TEXTS) expect(after).not.toContain(text);
  const wijkteam = models.caseView.query(script.caseId, professional(ORG.wijkteam), NOW);
  expect(wijkteam.kind === "case" && wijkteam.view.shares[0]).toMatchObject({
    content: "[erased]",
    dataCategories: ["signaal", "school"],
    legalBasisId: "avg-6-1-e-publieke-taak",
  });
});

test("a second process that had the key cached forgets it on SubjectErased and shows no plaintext (PostgreSQL)", async () => {
  // Given two processes on one database, each with live models and the subject's key cached
  const url = await freshDatabaseUrl();
  world = await postgresWorld(url);
  const other = await secondProcess(url);
  closers.push(() => other.close());
  const [here, projectorHere] = await follow(world);
  const [there, projectorThere] = await follow(other);
  const script = await commonCase(world);
  const head = await world.store.headPosition();
  expect(await projectorThere.waitFor(head, 10_000)).toBe(true);
  expect(everything(there, script.caseId)).toContain(SUBJECT.name);
  expect(await other.keyStore.get(script.subjectId)).toBeDefined();

  // When the first process erases the subject
  const { position } = await eraseSubject(script.subjectId, script.caseId);

  // Then both processes' models hold no plaintext, and the other process dropped the key
  expect(await projectorHere.waitFor(position!, 10_000)).toBe(true);
  expect(await projectorThere.waitFor(position!, 10_000)).toBe(true);
  for (const models of [here, there]) {
    const after = everything(models, script.caseId);
    for (const text of PERSONAL_TEXTS) expect(after).not.toContain(text);
    expect(after).toContain("[erased]");
  }
  expect(await other.keyStore.get(script.subjectId)).toBeUndefined();
});
