import type { DemoUser } from "./client.js";
import type { Cast, StoryIds } from "./scenario.js";

/** One column of the side-by-side table: what one organisation's user gets for the case. */
export interface PartnerView {
  label: string;
  status: number;
  view: "case" | "invitation" | "none";
  subject: string;
  signals: number;
  policeShare: boolean;
  schoolShare: boolean;
  minutes: boolean;
  agreements: number;
  overdue: number;
  contacts: number;
}

// biome-ignore lint/suspicious/noExplicitAny: a case body as the OpenAPI "Case" schema documents it
type CaseBody = any;

export async function partnerView(
  label: string,
  user: DemoUser,
  ids: StoryIds,
): Promise<PartnerView> {
  const answer = await user.get(`/v1/cases/${ids.caseId}`);
  const body: CaseBody = answer.body;
  const view = answer.status === 200 ? (body.view as "case" | "invitation") : "none";
  const isCase = view === "case";
  const shares: { shareId: string }[] = isCase ? body.shares : [];
  const agreements: { overdue: boolean }[] = isCase ? body.agreements : [];
  return {
    label,
    status: answer.status,
    view,
    subject: isCase && body.subject ? body.subject.name : "-",
    signals: isCase ? body.signals.length : 0,
    policeShare: shares.some((share) => share.shareId === ids.policeShareId),
    schoolShare: shares.some((share) => share.shareId === ids.schoolShareId),
    minutes: isCase && body.meetings.some((m: { minutes: string | null }) => m.minutes !== null),
    agreements: agreements.length,
    overdue: agreements.filter((agreement) => agreement.overdue).length,
    contacts: isCase
      ? body.participants.filter((p: { contact: unknown }) => p.contact !== null).length
      : 0,
  };
}

/** What the privacy officers get: metadata of every disclosure and read, never content. */
export interface AuditView {
  disclosures: {
    shareId: string;
    sharedBy: string;
    recipients: string[];
    dataCategories: string[];
    legalBasisId: string;
    legalBasisCitation: string | null;
    purposeId: string;
    decisionReference: string | null;
    sharedAt: string;
  }[];
  reads: number;
  readsByOrganisation: Record<string, number>;
  /** What jongerenwerk (invited, never joined) can see now, per the visibility audit: ids only. */
  jongerenwerk: { access: string; items: string[] };
  /** Share ids in the school's privacy officer's register: only what the school gave or got. */
  schoolOfficerSees: string[];
  /** The raw audit answers, to prove no content is in them. */
  raw: string;
}

export async function auditView(cast: Cast, ids: StoryIds, covenantId: string): Promise<AuditView> {
  const officer = cast.privacyOfficer;
  const register = await officer.get(
    `/v1/audit/disclosures?covenant=${covenantId}&case=${ids.caseId}`,
  );
  const access = await officer.get(`/v1/audit/access?covenant=${covenantId}&case=${ids.caseId}`);
  const visibility = await officer.get(
    `/v1/audit/cases/${ids.caseId}/visibility?organisation=${cast.jongerenwerker.organisationId}`,
  );
  const schoolRegister = await cast.schoolPrivacyOfficer.get(
    `/v1/audit/disclosures?covenant=${covenantId}&case=${ids.caseId}`,
  );
  for (const answer of [register, access, visibility, schoolRegister]) {
    if (answer.status !== 200) throw new Error(`audit read failed: ${answer.status}`);
  }
  const readsByOrganisation: Record<string, number> = {};
  for (const read of access.body.items as { organisationId: string }[]) {
    readsByOrganisation[read.organisationId] = (readsByOrganisation[read.organisationId] ?? 0) + 1;
  }
  return {
    disclosures: register.body.items,
    reads: access.body.items.length,
    readsByOrganisation,
    jongerenwerk: {
      access: visibility.body.access,
      items: visibility.body.items.map((item: { id: string }) => item.id),
    },
    schoolOfficerSees: schoolRegister.body.items.map((item: { shareId: string }) => item.shareId),
    raw: JSON.stringify([register.body, access.body, visibility.body, schoolRegister.body]),
  };
}
