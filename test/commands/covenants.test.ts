import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { handleCovenantCommand, loadCovenant, readCovenant } from "../../src/commands/covenants.js";
import { domainCodec } from "../../src/commands/eventCodec.js";
import { type CommandDeps, readState } from "../../src/commands/handleCommand.js";
import { type Actor, covenantDecider, covenantStreamId } from "../../src/domain/index.js";
import { masterKeyFrom } from "../../src/privacy/keys/masterKey.js";
import { sqliteKeyVault } from "../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../src/privacy/keys/subjectKeys.js";
import { openSqliteEventStore, type SqliteEventStore } from "../../src/store/sqlite/index.js";

const chairOrg = randomUUID();
const admin: Actor = { userId: "admin-1", organisationId: chairOrg, roles: ["admin"] };
const now = "2026-11-01T09:00:00.000Z";

describe("loading a covenant for a rule check", () => {
  let dir: string;
  let store: SqliteEventStore;
  let deps: CommandDeps;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "covenants-"));
    store = openSqliteEventStore(join(dir, "store.sqlite"));
    const keyStore = createKeyStore({
      vault: sqliteKeyVault(store.db),
      masterKey: masterKeyFrom(new Uint8Array(32).fill(7)),
    });
    deps = { store, codec: domainCodec(keyStore) };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const established = (covenantId: string) =>
    handleCovenantCommand(deps, {
      type: "EstablishCovenant",
      actor: admin,
      now,
      covenantId,
      name: "Veilig in en om de school",
      chair: {
        organisationId: chairOrg,
        name: "Samenwerkingsverband VO",
        partnerKind: "samenwerkingsverband",
        privacyOfficer: { name: "FG", email: "fg@swv.example" },
      },
    });

  test("given a covenant loaded once, when a purpose is added, then the next load sees it", async () => {
    const covenantId = randomUUID();
    await established(covenantId);
    expect(Object.keys((await loadCovenant(deps, covenantId)).purposes)).toEqual([]);

    await handleCovenantCommand(deps, {
      type: "AddPurpose",
      actor: admin,
      now,
      covenantId,
      purposeId: "veiligheid-school",
      description: "Veiligheid in en om de school",
    });

    const covenant = await loadCovenant(deps, covenantId);
    expect(Object.keys(covenant.purposes)).toEqual(["veiligheid-school"]);
    expect(covenant.chairOrganisationId).toBe(chairOrg);
  });

  test("given no covenant stream, then the covenant reads as not established", async () => {
    expect((await loadCovenant(deps, randomUUID())).status).toBe("none");
    expect((await readCovenant(deps, randomUUID())).revision).toBe(-1);
  });

  test("given a covenant read before and after each change, then the folded copy equals the stream read whole, revision included", async () => {
    const covenantId = randomUUID();
    const whole = () => readState(deps, covenantStreamId(covenantId), covenantDecider);
    await established(covenantId);
    for (const purposeId of ["veiligheid-school", "verzuim", "zorg"]) {
      expect(await readCovenant(deps, covenantId)).toEqual(await whole());
      const { revision } = await readCovenant(deps, covenantId);
      // The revision read is the one a conditional write names: it is accepted.
      await handleCovenantCommand(
        deps,
        { type: "AddPurpose", actor: admin, now, covenantId, purposeId, description: purposeId },
        { expectedRevision: revision },
      );
    }
    expect(await readCovenant(deps, covenantId)).toEqual(await whole());
    expect((await readCovenant(deps, covenantId)).revision).toBe(3);
  });

  test("given the folded covenant every caller shares, when a caller changes it, then that throws and the next rule check sees the covenant as stored", async () => {
    const covenantId = randomUUID();
    await established(covenantId);
    const { state } = await readCovenant(deps, covenantId);
    expect(() => {
      (state as { name: string }).name = "Anders";
    }).toThrow(TypeError);
    const chair = state.members[chairOrg] as { status: string };
    expect(() => {
      chair.status = "withdrawn";
    }).toThrow(TypeError);
    expect((await loadCovenant(deps, covenantId)).members[chairOrg]?.status).toBe("member");
  });
});
