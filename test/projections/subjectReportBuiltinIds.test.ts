import { describe, expect, test } from "vitest";
import type { CaseEvent } from "../../src/domain/index.js";
import { presentCase } from "../../src/projections/subjectReport/caseSection.js";
import { caseEvent, caseWithPartners, fold, ORG, region } from "../domain/fixtures.js";
import { BUILTIN_NAMES } from "../support/builtinNames.js";

// Consent scopes and shares name organisations and purposes the covenant may not know; the
// art. 15 report names them as unknown, never as whatever Object.prototype holds under that id.

const consentNaming = (organisationId: string, purposeId: string): CaseEvent =>
  caseEvent("ConsentRecorded", {
    consentId: "consent-1",
    givenBy: "parent",
    scope: { dataCategories: ["school"], recipientOrganisationIds: [organisationId], purposeId },
    givenOn: "2025-03-04",
    expiresAt: null,
    recordedBy: ORG.school,
    recordedAt: "2025-03-04T10:00:00.000Z",
  });

describe.each(BUILTIN_NAMES)("the subject access report, given ids named %s", (name) => {
  test("when a consent names it as recipient, then the recipient has no name", () => {
    const events = [...caseWithPartners(), consentNaming(name, "zorg-jeugdige")];
    const section = presentCase([], fold(events), region());
    expect(section.consents[0]?.recipients).toEqual([{ organisationId: name, name: null }]);
  });
});

describe.each(BUILTIN_NAMES)(
  "the subject access report, given an agenda item id named %s",
  (name) => {
    test("when the case recorded nothing of it, then it is listed without minutes, never as whatever Object.prototype holds", () => {
      const listed = {
        sessionId: "session-1",
        itemId: name,
        sessionDate: "2031-05-01T09:00:00Z",
        sessionStatus: "planned" as const,
        question: "Hoe gaat het thuis?",
        addedAt: "2031-04-01T09:00:00Z",
        removedAt: null,
      };
      const section = presentCase([], fold(caseWithPartners()), region(), [listed]);
      expect(section.agendaItems).toEqual([
        expect.objectContaining({ itemId: name, minutes: null, attendedBy: [], corrections: [] }),
      ]);
    });
  },
);
