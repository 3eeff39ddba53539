import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type CaseCommand, NotPermitted } from "../../src/domain/index.js";
import {
  createDisclosureRegister,
  type DisclosureRegister,
} from "../../src/projections/disclosureRegister/disclosureRegister.js";
import type { Projector } from "../../src/projections/projector.js";
import { NECESSITY, ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  privacyOfficer,
  professional,
  projectorOver,
  SHARED_CONTENT,
  settled,
  sqliteAuditWorld,
} from "../privacy/auditWorld.js";

const CORRECTED = "Correctie: het gaat om de bushalte bij de sporthal, niet het station.";
const CORRECTION_REASON = "Verkeerde plek genoemd in het eerste bericht";
const WEIGHTY = "Voorkomen van ernstige strafbare feiten tegen de jeugdige";

let world: AuditWorld;
let projector: Projector;
let register: DisclosureRegister;
let script: ReturnType<typeof caseScript>;
const ids = { toWijkteam: randomUUID(), toLeerplicht: randomUUID(), byPolice: randomUUID() };

beforeEach(async () => {
  // Given a case in which the school shared with the wijkteam and with leerplicht, and the
  // police with the wijkteam; the leerplicht share was revoked and the wijkteam one corrected
  world = await sqliteAuditWorld();
  script = caseScript();
  await caseWithPartners(world, script);
  const commands: CaseCommand[] = [
    script.share({ shareId: ids.toWijkteam, now: "2025-03-10T10:00:00.000Z" }),
    script.shareWithLeerplicht({ shareId: ids.toLeerplicht, now: "2025-04-02T10:00:00.000Z" }),
    script.share({
      shareId: ids.byPolice,
      actor: professional(ORG.police),
      dataCategories: ["politiegegevens"],
      legalBasisId: "wpg-20",
      decisionReference: "ZVH-besluit 2024/17",
      weightyPublicInterest: WEIGHTY,
      now: "2025-04-03T10:00:00.000Z",
    }),
    {
      ...script.share(),
      type: "RevokeShare",
      shareId: ids.toLeerplicht,
      now: "2025-04-05T10:00:00.000Z",
    } as CaseCommand,
    {
      ...script.share(),
      type: "CorrectShare",
      shareId: ids.toWijkteam,
      content: CORRECTED,
      reason: CORRECTION_REASON,
      now: "2025-04-06T10:00:00.000Z",
    } as CaseCommand,
  ];
  for (const command of commands) await world.run(command);
  register = createDisclosureRegister();
  projector = await projectorOver(world, register);
  await settled(world, projector);
});

afterEach(async () => {
  await projector.stop();
  await world.close();
});

const shareIdsFor = (viewer: Parameters<DisclosureRegister["disclosures"]>[0], filter = {}) =>
  world
    .covenant()
    .then((covenant) =>
      register.disclosures(viewer, covenant, filter).items.map((disclosure) => disclosure.shareId),
    );

describe("disclosure register", () => {
  test("the covenant's privacy officer sees every share of the covenant as metadata", async () => {
    const all = register.disclosures(covenantOfficer, await world.covenant()).items;

    expect(all.map((d) => d.shareId)).toEqual([ids.toWijkteam, ids.toLeerplicht, ids.byPolice]);
    const [toWijkteam, toLeerplicht, byPolice] = all;
    expect(toWijkteam).toMatchObject({
      caseId: script.caseId,
      subjectId: script.subjectId,
      sharedBy: ORG.school,
      sharedByUserId: professional(ORG.school).userId,
      recipients: [ORG.wijkteam],
      dataCategories: ["signaal", "school"],
      legalBasisId: "avg-6-1-e-publieke-taak",
      purposeId: "veiligheid-school",
      necessity: NECESSITY,
      sharedAt: "2025-03-10T10:00:00.000Z",
      revokedAt: null,
    });
    expect(toWijkteam?.legalBasisCitation).toEqual(expect.any(String));
    expect(toWijkteam?.corrections).toEqual([{ correctedAt: "2025-04-06T10:00:00.000Z" }]);
    expect(toLeerplicht?.revokedAt).toBe("2025-04-05T10:00:00.000Z");
    expect(byPolice).toMatchObject({
      decisionReference: "ZVH-besluit 2024/17",
      weightyPublicInterest: WEIGHTY,
    });
  });

  test("an organisation's privacy officer sees only what its organisation made or received", async () => {
    expect(await shareIdsFor(privacyOfficer(ORG.wijkteam))).toEqual([ids.toWijkteam, ids.byPolice]);
    expect(await shareIdsFor(privacyOfficer(ORG.school))).toEqual([
      ids.toWijkteam,
      ids.toLeerplicht,
    ]);
    expect(await shareIdsFor(privacyOfficer(ORG.police))).toEqual([ids.byPolice]);
    expect(await shareIdsFor(privacyOfficer(ORG.jeugdhulp))).toEqual([]);
  });

  test("a professional, a chair and an outside privacy officer are refused", async () => {
    const covenant = await world.covenant();
    for (const viewer of [
      professional(ORG.school),
      { ...professional(ORG.chair), roles: ["chair" as const] },
      privacyOfficer("org-elders"),
    ]) {
      expect(() => register.disclosures(viewer, covenant)).toThrow(NotPermitted);
    }
  });

  test("filters by case, organisation (sharer or recipient) and period [from, to)", async () => {
    expect(await shareIdsFor(covenantOfficer, { organisationId: ORG.leerplicht })).toEqual([
      ids.toLeerplicht,
    ]);
    expect(await shareIdsFor(covenantOfficer, { caseId: randomUUID() })).toEqual([]);
    expect(await shareIdsFor(covenantOfficer, { caseId: script.caseId })).toHaveLength(3);
    const april = { from: "2025-04-01T00:00:00.000Z", to: "2025-04-03T10:00:00.000Z" };
    expect(await shareIdsFor(covenantOfficer, april)).toEqual([ids.toLeerplicht]);
    // An organisation's officer cannot widen its scope with a filter.
    expect(
      await shareIdsFor(privacyOfficer(ORG.police), { organisationId: ORG.leerplicht }),
    ).toEqual([]);
  });

  test("no content ever: neither the shared text, its correction nor the correction's reason", async () => {
    const everything = JSON.stringify(
      register.disclosures(covenantOfficer, await world.covenant()),
    );
    for (const content of [SHARED_CONTENT, CORRECTED, CORRECTION_REASON]) {
      expect(everything).not.toContain(content);
    }
    expect(everything).toContain(NECESSITY);
  });

  test("given pages of one and two, when each next is asked, then the pages together are the register in share order, and a member's officer pages only its scope", async () => {
    const covenant = await world.covenant();
    const whole = register.disclosures(covenantOfficer, covenant).items;
    for (const viewer of [covenantOfficer, privacyOfficer(ORG.leerplicht)]) {
      for (const limit of [1, 2]) {
        const paged: string[] = [];
        let page = register.disclosures(viewer, covenant, {}, { limit });
        paged.push(...page.items.map((d) => d.shareId));
        while (page.next) {
          expect(page.items).toHaveLength(limit);
          page = register.disclosures(viewer, covenant, {}, { limit, after: page.next });
          paged.push(...page.items.map((d) => d.shareId));
        }
        expect(paged).toEqual(await shareIdsFor(viewer, {}));
      }
    }
    expect(await shareIdsFor(covenantOfficer, {})).toEqual(whole.map((d) => d.shareId));
    expect(await shareIdsFor(privacyOfficer(ORG.leerplicht), {})).toEqual([ids.toLeerplicht]);
    // A cursor past the last share is an empty last page, not an error.
    const after = { position: 2n ** 62n, n: 0 };
    expect(register.disclosures(covenantOfficer, covenant, {}, { limit: 1, after })).toEqual({
      items: [],
      next: null,
    });
  });

  test("rebuilding from zero gives what the live register holds", async () => {
    const covenant = await world.covenant();
    const live = register.disclosures(covenantOfficer, covenant);

    await projector.rebuild("disclosureRegister");

    expect(register.disclosures(covenantOfficer, covenant)).toEqual(live);
  });
});
