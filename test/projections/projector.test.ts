import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { FieldAuthenticationError } from "../../src/privacy/codec/errors.js";
import { createCaseReadModels } from "../../src/projections/caseModels.js";
import { createProjector, type Projector } from "../../src/projections/projector.js";
import type { DecodedEvent, ReadModel } from "../../src/projections/readModel.js";
import { ORG } from "../domain/fixtures.js";
import {
  caseScript,
  professional,
  SECRET_CONTENT,
  sqliteWorld,
  type World,
} from "./projectorWorld.js";

/** Records every decoded share content per case: a model that keeps personal fields. */
function contentsByCase(): ReadModel & { contents: Map<string, string[]> } {
  const contents = new Map<string, string[]>();
  return {
    name: "contents",
    contents,
    apply(event: DecodedEvent) {
      if (event.type !== "InformationShared") return;
      const caseId = event.data.caseId as string;
      contents.set(caseId, [...(contents.get(caseId) ?? []), event.data.content as string]);
    },
    reset: () => contents.clear(),
    forgetCase: (caseId) => contents.delete(caseId),
  };
}

let world: World;
let projector: Projector | undefined;
afterEach(async () => {
  await projector?.stop();
  projector = undefined;
  await world?.close();
});

async function projectorOver(...models: ReadModel[]) {
  const started = createProjector({ ...world, models });
  projector = started;
  await started.start();
  return started;
}

/** A fresh SQLite world with a case the wijkteam joined; returns the case's script. */
async function caseWithWijkteam() {
  world = await sqliteWorld();
  const script = caseScript();
  for (const command of [script.open(), script.invite(ORG.wijkteam), script.join(ORG.wijkteam)])
    await world.run(command);
  return script;
}

describe("projector", () => {
  test("catches up from START, then follows live appends; a reader waits for its own write", async () => {
    // Given a case with one share already stored
    const script = await caseWithWijkteam();
    await world.run(script.share());
    const model = contentsByCase();

    // When the projector starts, and then another share is made
    const started = await projectorOver(model);
    expect(await started.caughtUp()).toBe(true);
    const written = await world.run(script.share({ content: "Tweede bericht" }));

    // Then waiting for that position succeeds, and the model holds both, decrypted
    expect(await started.waitFor(written, 5000)).toBe(true);
    expect(started.position).toBe(written);
    expect(model.contents.get(script.caseId)).toEqual([SECRET_CONTENT, "Tweede bericht"]);
    expect(await started.waitFor(written + 1000n, 50)).toBe(false);
  });

  test("rebuilding a model from zero gives what it held live", async () => {
    const script = await caseWithWijkteam();
    const model = contentsByCase();
    const started = await projectorOver(model);
    let last = 0n;
    for (let i = 0; i < 5; i++) last = await world.run(script.share({ content: `Bericht ${i}` }));
    await started.waitFor(last, 5000);
    const live = structuredClone(model.contents);

    await started.rebuild("contents");

    expect(model.contents).toEqual(live);
    await expect(started.rebuild("no-such-model")).rejects.toThrow(/no read model/);
  });

  test("a field that fails authentication stops the projector loudly instead of being skipped", async () => {
    // Given a signal whose encrypted description was moved into another case's stream
    world = await sqliteWorld();
    const script = caseScript();
    await world.run(script.open());
    const [, signal] = await world.store.readStream(`case-${script.caseId}`);
    await world.store.append(`case-${randomUUID()}`, [
      { eventId: randomUUID(), type: signal!.type, data: signal!.data },
    ]);

    // When the projector catches up, then it fails with the authentication error
    const started = createProjector({ ...world, models: [contentsByCase()] });
    projector = started;
    await expect(started.start()).rejects.toBeInstanceOf(FieldAuthenticationError);
    expect(started.failure).toBeInstanceOf(FieldAuthenticationError);
    expect(await started.caughtUp()).toBe(false);
    await expect(started.waitFor(1n, 10)).rejects.toBeInstanceOf(FieldAuthenticationError);
  });

  test("a live event that fails authentication stops the projector and rejects waiting readers", async () => {
    world = await sqliteWorld();
    const script = caseScript();
    await world.run(script.open());
    const started = await projectorOver(contentsByCase());
    const [, signal] = await world.store.readStream(`case-${script.caseId}`);
    const moved = await world.store.append(`case-${randomUUID()}`, [
      { eventId: randomUUID(), type: signal!.type, data: signal!.data },
    ]);

    await expect(started.waitFor(moved.position, 5000)).rejects.toBeInstanceOf(
      FieldAuthenticationError,
    );
    expect(await started.caughtUp()).toBe(false);
  });

  test("an event type the case models do not know is passed over, not thrown on", async () => {
    world = await sqliteWorld();
    const models = createCaseReadModels();
    const started = await projectorOver(...models.all);
    const caseId = randomUUID();
    const written = await world.store.append(`case-${caseId}`, [
      { eventId: randomUUID(), type: "CaseRenamedInAFutureVersion", data: { caseId } },
    ]);
    expect(await started.waitFor(written.position, 5000)).toBe(true);
    expect(started.failure).toBeNull();
    expect(models.caseView.query(caseId, professional(ORG.school), "2025-03-10T10:00:00Z")).toEqual(
      {
        kind: "none",
      },
    );
  });

  test("on SubjectErased the key is deleted and models re-read the subject's cases as [erased]", async () => {
    // Given a projected case with a share, and the subject's key cached
    const script = await caseWithWijkteam();
    await world.run(script.share());
    const model = contentsByCase();
    const started = await projectorOver(model);

    // When SubjectErased is recorded but the process crashed before deleting the key
    const erased = await world.store.append(`subject-${script.subjectId}`, [
      {
        eventId: randomUUID(),
        type: "SubjectErased",
        data: {
          subjectId: script.subjectId,
          caseIds: [],
          reason: "data-subject-request",
          erasedAt: "2025-04-01T10:00:00.000Z",
          erasedBy: null,
        },
      },
    ]);
    await started.waitFor(erased.position, 5000);

    // Then the projector deleted the key and the model no longer holds the plaintext
    expect(await world.keyStore.get(script.subjectId)).toBeUndefined();
    expect(model.contents.get(script.caseId)).toEqual(["[erased]"]);
  });
});
