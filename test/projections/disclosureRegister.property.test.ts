import fc from "fast-check";
import { expect, test } from "vitest";
import { CASE_CONTENT_READ } from "../../src/privacy/accessRecords.js";
import { openAccessLog } from "../../src/projections/accessLog/accessLog.js";
import { createDisclosureRegister } from "../../src/projections/disclosureRegister/disclosureRegister.js";
import type { DecodedEvent } from "../../src/projections/readModel.js";
import type { JsonObject } from "../../src/store/types.js";
import { actor, COVENANT_ID, ORG, region } from "../domain/fixtures.js";
import { scratchModelTables } from "./shelved/scratchTables.js";

// Every content, correction and reason carries this marker; a privacy-officer view that shows
// any of them, anywhere, shows the marker.
const MARK = "§content§";
const ORGS = [ORG.school, ORG.police, ORG.wijkteam, ORG.leerplicht, ORG.jeugdhulp];
const CASES = ["c-1", "c-2"];

const text = fc.string({ maxLength: 30 }).map((value) => `${MARK}${value}`);
const caseEvent = fc.oneof(
  fc.record({
    type: fc.constant("InformationShared"),
    caseId: fc.constantFrom(...CASES),
    shareId: fc.constantFrom("s-1", "s-2", "s-3"),
    sharedBy: fc.constantFrom(...ORGS),
    recipients: fc.subarray(ORGS, { minLength: 1 }),
    content: text,
  }),
  fc.record({
    type: fc.constant("ShareCorrected"),
    caseId: fc.constantFrom(...CASES),
    shareId: fc.constantFrom("s-1", "s-2", "s-3"),
    content: text,
    reason: text,
  }),
  fc.record({
    type: fc.constant("ShareRevoked"),
    caseId: fc.constantFrom(...CASES),
    shareId: fc.constantFrom("s-1", "s-2", "s-3"),
  }),
  fc.record({
    type: fc.constant(CASE_CONTENT_READ),
    caseId: fc.constantFrom(...CASES),
    organisationId: fc.constantFrom(...ORGS),
  }),
);

function recorded(
  position: number,
  event: { type: string; caseId: string } & JsonObject,
): DecodedEvent {
  const at = new Date(Date.UTC(2025, 2, 1) + position * 60_000).toISOString();
  const { type, ...fields } = event;
  const common = {
    subjectId: `subj-${event.caseId}`,
    sharedAt: at,
    correctedAt: at,
    revokedAt: at,
  };
  const data: JsonObject =
    type === "InformationShared"
      ? {
          ...common,
          dataCategories: ["signaal"],
          legalBasisId: "avg-6-1-e-publieke-taak",
          purposeId: "veiligheid-school",
          necessity: "nodig",
          expiresAt: null,
          decisionReference: null,
          weightyPublicInterest: null,
          competentAuthorityAgreement: null,
          consentIds: [],
          ...fields,
        }
      : type === CASE_CONTENT_READ
        ? {
            ...common,
            covenantId: COVENANT_ID,
            userId: "u",
            roles: ["professional"],
            itemIds: ["header"],
            purpose: "casusoverleg",
            readAt: at,
            correlationId: null,
            ...fields,
          }
        : { ...common, ...fields };
  const streamId = type === CASE_CONTENT_READ ? `access-${event.caseId}` : `case-${event.caseId}`;
  return {
    eventId: `e-${position}`,
    streamId,
    revision: position,
    position: BigInt(position + 1),
    type,
    schemaVersion: 1,
    recordedAt: at,
    data,
    metadata: {},
    prevHash: "",
    hash: "",
  };
}

const opened = (caseId: string, position: number) =>
  recorded(position, {
    type: "CaseOpened",
    caseId,
    covenantId: COVENANT_ID,
    chairOrganisationId: ORG.chair,
    openedBy: ORG.school,
    openedAt: "2025-03-01T00:00:00.000Z",
  });

test("no privacy-officer view ever contains content, whatever was shared, corrected, revoked or read", async () => {
  const covenant = region();
  const officers = [ORG.chair, ...ORGS].map((organisationId) =>
    actor(organisationId, "privacy-officer"),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(caseEvent, { maxLength: 25 }), async (events) => {
      const register = createDisclosureRegister();
      const scratch = scratchModelTables();
      const log = await openAccessLog(scratch.tables);
      const stream = [
        ...CASES.map(opened),
        ...events.map((event, i) => recorded(i + CASES.length, event as never)),
      ];
      for (const event of stream) {
        register.apply(event);
        log.apply(event);
      }
      await log.shelved?.flush(BigInt(stream.length));
      for (const officer of officers) {
        const shown = JSON.stringify([
          register.disclosures(officer, covenant),
          await log.reads(officer, covenant),
        ]);
        expect(shown).not.toContain(MARK);
      }
      scratch.close();
      // The register is not empty when something was shared: the property is not vacuous.
      const shared = events.some((event) => event.type === "InformationShared");
      expect(register.disclosures(officers[0]!, covenant).items.length > 0).toBe(shared);
    }),
    { numRuns: 200 },
  );
});
