import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { CaseCommand, RecordConsent } from "../../src/domain/index.js";
import {
  createDisclosureRegister,
  type DisclosureRegister,
} from "../../src/projections/disclosureRegister/disclosureRegister.js";
import type { Projector } from "../../src/projections/projector.js";
import { ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  professional,
  projectorOver,
  settled,
  sqliteAuditWorld,
} from "../privacy/auditWorld.js";

// The disclosure register shows the consent records a share relied on as metadata a privacy
// officer can rely on: the giver's role and authority, how, by whom; never names or evidence.

const MOTHER = "Els de Vries";
const EVIDENCE = "Toestemmingsformulier 2025-17 in het leerlingdossier";
let world: AuditWorld;
let projector: Projector;
let register: DisclosureRegister;
const ids = { parent: randomUUID(), subject: randomUUID(), share: randomUUID() };

beforeEach(async () => {
  // Given a 14-year-old's case where the school obtained the mother's and the young person's
  // consent and shared health data with the wijkteam on it; then the mother withdrew hers
  world = await sqliteAuditWorld();
  const script = caseScript();
  await caseWithPartners(world, script);
  const consent = (consentId: string, giver: RecordConsent["giver"]): CaseCommand => ({
    type: "RecordConsent",
    caseId: script.caseId,
    now: "2025-03-10T09:00:00.000Z",
    actor: professional(ORG.school),
    consentId,
    giver,
    method: giver.role === "subject" ? "verbal" : "form",
    evidenceReference: EVIDENCE,
    scope: {
      dataCategories: ["gezondheid"],
      recipientOrganisationIds: [ORG.wijkteam],
      purposeId: "veiligheid-school",
    },
    givenOn: "2025-03-10",
  });
  const commands: CaseCommand[] = [
    consent(ids.parent, { role: "parent", name: MOTHER, parentalAuthority: true }),
    consent(ids.subject, { role: "subject" }),
    script.share({
      shareId: ids.share,
      legalBasisId: "avg-9-2-a-uitdrukkelijke-toestemming",
      dataCategories: ["gezondheid"],
      recipients: [ORG.wijkteam],
    }),
    {
      type: "WithdrawConsent",
      caseId: script.caseId,
      now: "2025-03-12T09:00:00.000Z",
      actor: professional(ORG.school),
      consentId: ids.parent,
    },
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

test("when the covenant's privacy officer reads the register, then each relied-on consent shows who by role, authority, how and by whom, and its withdrawal; no name or evidence", async () => {
  const [disclosure] = register.disclosures(covenantOfficer, await world.covenant()).items;
  expect(disclosure?.shareId).toBe(ids.share);
  expect(disclosure?.consents).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        consentId: ids.parent,
        giverRole: "parent",
        parentalAuthority: true,
        method: "form",
        evidenceReferenced: true,
        recordedBy: ORG.school,
        withdrawnAt: "2025-03-12T09:00:00.000Z",
      }),
      expect.objectContaining({
        consentId: ids.subject,
        giverRole: "subject",
        parentalAuthority: null,
        method: "verbal",
        withdrawnAt: null,
      }),
    ]),
  );
  expect(JSON.stringify(disclosure)).not.toContain(MOTHER);
  expect(JSON.stringify(disclosure)).not.toContain(EVIDENCE);
});
