import { afterAll, beforeAll } from "vitest";
import type { Role } from "../../../../src/api/http/auth/claims.js";
import {
  type CaseApi,
  COVENANT_ID,
  type Exchange,
  ORG,
  type StoreKind,
  startCaseApi,
} from "./caseApi.js";

// The plaintexts a scenario writes: tests grep logs and stored events for them.
export const SUBJECT = { name: "Noah Verhoeven", dateOfBirth: "2010-05-04", school: "Het Baken" };
export const CONTACT = { name: "Ine Bakker", function: "zorgcoördinator", reach: "06-12345678" };
export const DESCRIPTION =
  "Noah is vaak afwezig en lijkt betrokken bij drugshandel rond het plein.";
export const SHARE_CONTENT = "Noah mist sinds januari elke maandag; gezien bij het winkelcentrum.";
export const NECESSITY =
  "Wijkteam heeft het verzuimpatroon nodig om de hulp thuis af te stemmen op wat school ziet.";
export const PLAINTEXTS = [SUBJECT.name, CONTACT.name, CONTACT.reach, DESCRIPTION, SHARE_CONTENT];

let opened = 0;
/** Each case is about a young person of its own: rule 9 would join two signals about one. */
export const anotherYoungPerson = () => ({
  ...SUBJECT,
  dateOfBirth: new Date(Date.UTC(2010, 0, 2 + opened++)).toISOString().slice(0, 10),
});

export const openCaseBody = () => ({
  covenantId: COVENANT_ID,
  subject: anotherYoungPerson(),
  contact: CONTACT,
  category: "drugs",
  level: "preventie",
  urgency: "high",
  description: DESCRIPTION,
});

export const lawfulShare = (fields: Record<string, unknown> = {}) => ({
  recipients: [ORG.wijkteam],
  dataCategories: ["signaal", "school"],
  legalBasisId: "avg-6-1-e-publieke-taak",
  purposeId: "veiligheid-school",
  necessity: NECESSITY,
  content: SHARE_CONTENT,
  ...fields,
});

/** Tokens for the organisations a scenario plays with. */
export async function tokensFor(api: CaseApi) {
  const of = (org: string, ...roles: Role[]) => api.token(org, roles);
  return {
    school: await of(ORG.school, "professional"),
    chair: await of(ORG.chair, "chair"),
    wijkteam: await of(ORG.wijkteam, "professional"),
    police: await of(ORG.police, "professional"),
    leerplicht: await of(ORG.leerplicht, "professional"),
    stranger: await of(ORG.jongerenwerk, "professional", "chair"),
    strangerOfficer: await of(ORG.jongerenwerk, "privacy-officer"),
  };
}
export type Tokens = Awaited<ReturnType<typeof tokensFor>>;

/**
 * Given the real case API on a fresh store for this test file, with the scenario's tokens:
 * call at the top of the file; the fields are set before the first test and closed after the last.
 */
export function caseApiForFile(kind: StoreKind = "sqlite"): { api: CaseApi; tokens: Tokens } {
  const given = {} as { api: CaseApi; tokens: Tokens };
  beforeAll(async () => {
    given.api = await startCaseApi(kind);
    given.tokens = await tokensFor(given.api);
  });
  afterAll(() => given.api?.close());
  return given;
}

function expectOk(exchange: Exchange, what: string): Exchange {
  if (exchange.status >= 300) {
    throw new Error(`${what}: ${exchange.status} ${JSON.stringify(exchange.body)}`);
  }
  return exchange;
}

/** The school opens a case; the chair invites the wijkteam, which joins. */
export async function caseWithWijkteam(api: CaseApi, tokens: Tokens): Promise<string> {
  const opened = expectOk(
    await api.call("POST", "/v1/cases", { token: tokens.school, body: openCaseBody() }),
    "open",
  );
  const caseId = opened.body.caseId as string;
  await join(api, tokens, caseId, ORG.wijkteam, tokens.wijkteam);
  return caseId;
}

export async function join(
  api: CaseApi,
  tokens: Tokens,
  caseId: string,
  organisationId: string,
  token: string,
): Promise<Exchange> {
  expectOk(
    await api.call("POST", `/v1/cases/${caseId}/invitations`, {
      token: tokens.chair,
      body: { organisationId, message: "Graag aansluiten" },
    }),
    "invite",
  );
  return expectOk(
    await api.call("POST", `/v1/cases/${caseId}/participants`, {
      token,
      body: { contact: { name: "Karim El Amrani", function: "wijkcoach", reach: "karim@wijk.nl" } },
    }),
    "join",
  );
}

/** A case with one of everything: a share, a consent, a meeting and an agreement. */
export async function populatedCase(api: CaseApi, tokens: Tokens) {
  const caseId = await caseWithWijkteam(api, tokens);
  const opening = (await api.caseEvents(caseId)).find((event) => event.type === "SignalRaised");
  const post = async (path: string, token: string, body: unknown) =>
    expectOk(await api.call("POST", `/v1/cases/${caseId}${path}`, { token, body }), path).body;
  const { shareId } = await post("/shares", tokens.school, lawfulShare());
  const { consentId } = await post("/consents", tokens.school, {
    giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
    method: "form",
    evidenceReference: "Toestemmingsformulier 2025-17",
    scope: {
      dataCategories: ["school"],
      recipientOrganisationIds: [ORG.wijkteam],
      purposeId: "zorg-jeugdige",
    },
    givenOn: "2025-01-02",
  });
  const { meetingId } = await post("/meetings", tokens.chair, {
    scheduledFor: "2030-01-01T10:00:00Z",
    agenda: "Eerste overleg",
  });
  const { agreementId } = await post("/agreements", tokens.chair, {
    what: "Huisbezoek plannen",
    ownerOrganisationId: ORG.wijkteam,
    owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
    dueDate: "2030-02-01",
  });
  return {
    caseId,
    signalId: opening?.data.signalId as string,
    shareId: shareId as string,
    consentId: consentId as string,
    meetingId: meetingId as string,
    agreementId: agreementId as string,
    organisationId: ORG.wijkteam as string,
  };
}
