import type { Role } from "../../../src/api/http/auth/claims.js";
import { DEMO_COVENANT_ID, demoOrganisations } from "../../../src/demo/organisations.js";
import type { Cluster, Exchange } from "./cluster.js";
import type { ServiceProcess } from "./serviceProcess.js";

/** The demo covenant every process seeds on an empty store; its organisations play the case. */
export const ORG = {
  chair: demoOrganisations.samenwerkingsverband,
  school: demoOrganisations.secondarySchool,
  wijkteam: demoOrganisations.wijkteam,
  police: demoOrganisations.police,
} as const;

export const openCaseBody = (n: number) => ({
  covenantId: DEMO_COVENANT_ID,
  subject: { name: `Leerling ${n}`, dateOfBirth: "2010-05-04", school: "Het Rivierencollege" },
  contact: { name: "Ine Bakker", function: "zorgcoördinator", reach: "06-12345678" },
  category: "drugs",
  level: "preventie",
  urgency: "high",
  description: "Vaak afwezig; lijkt betrokken bij drugshandel rond het plein.",
});

/** A share the demo covenant allows: a secondary school to the wijkteam under the public task. */
export const lawfulShare = (content: string) => ({
  recipients: [ORG.wijkteam],
  dataCategories: ["signaal", "school"],
  legalBasisId: "avg-6-1-e-publieke-taak",
  purposeId: "veiligheid-in-en-om-school",
  necessity: "Het wijkteam heeft het verzuimpatroon nodig om de hulp thuis af te stemmen.",
  content,
});

export const agreement = (what: string) => ({
  what,
  ownerOrganisationId: ORG.wijkteam,
  owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
  dueDate: "2031-01-31",
});

export async function tokensFor(cluster: Cluster) {
  const of = (organisationId: string, ...roles: Role[]) => cluster.token(organisationId, roles);
  return {
    school: await of(ORG.school, "professional"),
    chair: await of(ORG.chair, "chair"),
    wijkteam: await of(ORG.wijkteam, "professional"),
    police: await of(ORG.police, "professional"),
    covenantPrivacyOfficer: await of(ORG.chair, "privacy-officer"),
  };
}
export type Tokens = Awaited<ReturnType<typeof tokensFor>>;

export function expectOk(exchange: Exchange, what: string): Exchange {
  if (exchange.status >= 300) {
    throw new Error(`${what}: ${exchange.status} ${JSON.stringify(exchange.body)}`);
  }
  return exchange;
}

/** The header that asks a process to read at least at `position`. */
export const minPosition = (position: bigint) => ({ "min-position": position.toString() });

/** The global position a write answered with, for Min-Position. */
export const positionOf = (exchange: Exchange): bigint =>
  BigInt(exchange.headers.get("position") ?? exchange.body.position);

/**
 * The school opens a case through `opener`; the chair invites the wijkteam and the wijkteam
 * joins through `joiner`. Returns the case id and the ETag of the last write.
 */
export async function caseWithWijkteam(
  cluster: Cluster,
  tokens: Tokens,
  opener: ServiceProcess,
  joiner: ServiceProcess,
  n: number,
): Promise<{ caseId: string; etag: string; position: bigint }> {
  const opened = expectOk(
    await cluster.call(opener, "POST", "/v1/cases", {
      token: tokens.school,
      body: openCaseBody(n),
    }),
    "open",
  );
  const caseId = opened.body.caseId as string;
  expectOk(
    await cluster.call(opener, "POST", `/v1/cases/${caseId}/invitations`, {
      token: tokens.chair,
      body: { organisationId: ORG.wijkteam, message: "Graag aansluiten" },
    }),
    "invite",
  );
  const joined = expectOk(
    await cluster.call(joiner, "POST", `/v1/cases/${caseId}/participants`, {
      token: tokens.wijkteam,
      body: { contact: { name: "Karim El Amrani", function: "wijkcoach", reach: "karim@wijk.nl" } },
    }),
    "join",
  );
  return { caseId, etag: joined.headers.get("etag")!, position: positionOf(joined) };
}
