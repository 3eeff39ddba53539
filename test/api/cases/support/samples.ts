import { ORG } from "./caseApi.js";
import { lawfulShare, NECESSITY } from "./scenario.js";

/** The ids a fully populated case offers to fill a path. */
export interface CaseIds {
  caseId: string;
  signalId: string;
  shareId: string;
  consentId: string;
  meetingId: string;
  agreementId: string;
  organisationId: string;
}

/** A valid request for every case route, so a refusal can only come from who is asking. */
export const sampleBodies: Record<string, unknown> = {
  "GET /v1/cases/{caseId}": undefined,
  "POST /v1/cases/{caseId}/signals": {
    category: "verzuim",
    level: "preventie",
    urgency: "low",
    description: "Weer afwezig.",
  },
  "POST /v1/cases/{caseId}/invitations": { organisationId: ORG.jongerenwerk, message: "" },
  "POST /v1/cases/{caseId}/participants": {
    contact: { name: "Jan Vos", function: "jongerenwerker", reach: "jan@jw.nl" },
  },
  "DELETE /v1/cases/{caseId}/participants/{organisationId}": undefined,
  "PUT /v1/cases/{caseId}/regie": { organisationId: ORG.wijkteam },
  "POST /v1/cases/{caseId}/shares": lawfulShare({ necessity: NECESSITY }),
  "POST /v1/cases/{caseId}/signals/{signalId}/shares": lawfulShare({ content: undefined }),
  "DELETE /v1/cases/{caseId}/shares/{shareId}": undefined,
  "POST /v1/cases/{caseId}/shares/{shareId}/corrections": { content: "Anders.", reason: "Fout" },
  "POST /v1/cases/{caseId}/consents": {
    giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
    method: "form",
    evidenceReference: "Toestemmingsformulier 2025-17",
    scope: {
      dataCategories: ["school"],
      recipientOrganisationIds: [ORG.wijkteam],
      purposeId: "zorg-jeugdige",
    },
    givenOn: "2025-01-02",
  },
  "DELETE /v1/cases/{caseId}/consents/{consentId}": undefined,
  "POST /v1/cases/{caseId}/meetings": { scheduledFor: "2030-01-01T10:00:00Z", agenda: "Overleg" },
  "POST /v1/cases/{caseId}/meetings/{meetingId}/record": {
    heldAt: "2030-01-01T10:00:00Z",
    attendees: [
      { organisationId: ORG.chair, userId: "voorzitter", confidentialityAcknowledged: true },
    ],
    minutes: "Besproken.",
    decisions: [],
  },
  "POST /v1/cases/{caseId}/agreements": {
    what: "Huisbezoek",
    ownerOrganisationId: ORG.wijkteam,
    owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
    dueDate: "2030-02-01",
  },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/due-date-changes": {
    dueDate: "2030-03-01",
    reason: "Moeder pas in maart bereikbaar",
  },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/progress-notes": { note: "Gebeld" },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/completion": { note: "Gedaan" },
  "POST /v1/cases/{caseId}/agreements/{agreementId}/cancellation": { reason: "Niet meer nodig" },
  "POST /v1/cases/{caseId}/closure": { outcome: "resolved", reason: "Hulp loopt" },
  "POST /v1/cases/{caseId}/reopening": { reason: "Nieuwe zorg" },
  "POST /v1/cases/{caseId}/retention-extensions": {
    retentionUntil: "2099-01-01T00:00:00Z",
    reason: "Lopende procedure",
  },
};

/** The declared path with its parameters filled from `ids`. */
export function fillPath(path: string, ids: CaseIds): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: keyof CaseIds) => ids[name]);
}
