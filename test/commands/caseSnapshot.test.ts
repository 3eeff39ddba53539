import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { handleCaseCommand } from "../../src/commands/cases.js";
import { fold, type Snapshot } from "../../src/commands/handleCommand.js";
import { type CaseState, caseDecider, caseStreamId } from "../../src/domain/index.js";
import { readDecodedStream } from "../../src/privacy/codec/readDecoded.js";
import { WrongExpectedRevisionError } from "../../src/store/errors.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  sqliteAuditWorld,
} from "../privacy/auditWorld.js";

describe("a case command starting from the projector's snapshot", () => {
  let world: AuditWorld;
  beforeEach(async () => {
    world = await sqliteAuditWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  async function snapshotOf(caseId: string): Promise<Snapshot<CaseState>> {
    const events = await readDecodedStream(world.store, world.codec, caseStreamId(caseId));
    return { state: fold(caseDecider, events), revision: events.length - 1 };
  }

  test("given a snapshot that lags the stream, then the command folds the newer events and appends after them", async () => {
    const script = caseScript();
    await caseWithPartners(world, script);
    const stale = await snapshotOf(script.caseId);
    const shared = await handleCaseCommand(world, script.share());

    const snapshotted = { ...world, caseSnapshot: () => stale };
    const second = await handleCaseCommand(snapshotted, script.share());

    const full = await snapshotOf(script.caseId);
    expect(second.revision).toBe(shared.revision + 1);
    expect(second.revision).toBe(full.revision);
    expect(Object.keys(second.state.shares).sort()).toEqual(Object.keys(full.state.shares).sort());
    expect(Object.keys(full.state.shares)).toHaveLength(2);
  });

  test("given a snapshot, when the client's If-Match is stale, then the command is refused", async () => {
    const script = caseScript();
    await caseWithPartners(world, script);
    const current = await snapshotOf(script.caseId);
    const snapshotted = { ...world, caseSnapshot: () => current };

    const refused = await handleCaseCommand(snapshotted, script.share(), {
      expectedRevision: current.revision - 1,
    }).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(WrongExpectedRevisionError);
  });
});
