import { afterEach } from "vitest";
import { createCaseReadModels } from "../../src/projections/caseModels.js";
import { createProjector, type Projector } from "../../src/projections/projector.js";
import { commonCase, sqliteWorld, type World } from "./projectorWorld.js";

/**
 * Given the common case on a fresh SQLite store, with the case read models caught up.
 * Call at the top of a test file: the store and projector are closed after each test.
 */
export function givenProjectedCommonCase() {
  let world: World | undefined;
  let projector: Projector | undefined;
  afterEach(async () => {
    await projector?.stop();
    await world?.close();
    projector = undefined;
    world = undefined;
  });
  return async () => {
    const opened = await sqliteWorld();
    world = opened;
    const script = await commonCase(opened);
    const models = createCaseReadModels();
    const started = createProjector({ ...opened, models: models.all });
    projector = started;
    await started.start();
    return { world: opened, projector: started, script, models };
  };
}
