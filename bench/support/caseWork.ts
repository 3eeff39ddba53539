import { mintDevToken } from "../../src/api/http/auth/devTokens.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_COVENANT_ID, demoOrganisations } from "../../src/demo/organisations.js";
import type { LoadRequest } from "./loadGenerator.js";

const SCHOOL = demoOrganisations.secondarySchool;
const WIJKTEAM = demoOrganisations.wijkteam;
const CHAIR = demoOrganisations.samenwerkingsverband;

/** Tokens minted with the dev key pair the service processes share under DATA_DIR. */
export async function caseWorkTokens(dataDir: string) {
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir });
  const mint = (organisationId: string, role: "professional" | "chair") =>
    mintDevToken(config, {
      organisationId,
      roles: [role],
      userId: `bench-${role}-${organisationId}`,
    });
  return {
    school: await mint(SCHOOL, "professional"),
    chair: await mint(CHAIR, "chair"),
    wijkteam: await mint(WIJKTEAM, "professional"),
  };
}
export type CaseWorkTokens = Awaited<ReturnType<typeof caseWorkTokens>>;

/** POSTs a JSON body with the bearer token; any status from 300 up fails the bench. */
export async function post(
  url: string,
  path: string,
  token: string,
  body: unknown,
): Promise<Record<string, string | undefined>> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer as Record<string, string | undefined>;
}

/** Opens `count` cases (a school's signal, the wijkteam invited and joined), `parallel` at a time. */
export async function openCases(
  url: string,
  tokens: CaseWorkTokens,
  count: number,
  parallel = 8,
): Promise<string[]> {
  const cases: string[] = [];
  const one = async (n: number) => {
    const { caseId } = await post(url, "/v1/cases", tokens.school, {
      covenantId: DEMO_COVENANT_ID,
      subject: { name: `Leerling ${n}`, dateOfBirth: "2010-05-04", school: "Het Rivierencollege" },
      contact: { name: "Ine Bakker", function: "zorgcoördinator", reach: "06-12345678" },
      category: "drugs",
      level: "preventie",
      urgency: "high",
      description: "Vaak afwezig; lijkt betrokken bij drugshandel rond het plein.",
    });
    await post(url, `/v1/cases/${caseId}/invitations`, tokens.chair, {
      organisationId: WIJKTEAM,
      message: "",
    });
    await post(url, `/v1/cases/${caseId}/participants`, tokens.wijkteam, {
      contact: { name: "Karim El Amrani", function: "wijkcoach", reach: "karim@wijk.nl" },
    });
    cases.push(caseId!);
  };
  for (let start = 0; start < count; start += parallel) {
    await Promise.all(
      Array.from({ length: Math.min(parallel, count - start) }, (_, i) => one(start + i)),
    );
  }
  return cases;
}

/** A lawful share from the school to the wijkteam, as a request body. */
export const shareBody = JSON.stringify({
  recipients: [WIJKTEAM],
  dataCategories: ["signaal", "school"],
  legalBasisId: "avg-6-1-e-publieke-taak",
  purposeId: "veiligheid-in-en-om-school",
  necessity: "Het wijkteam heeft het verzuimpatroon nodig om de hulp thuis af te stemmen.",
  content: "Mist sinds januari elke maandag; gezien bij het winkelcentrum tijdens schooltijd.",
});

/**
 * The mix every connection loops over: `writeShare` of the requests share information on a
 * random case, the rest read a random case's view (which also appends a read record).
 */
export function caseWorkMix(
  cases: readonly string[],
  token: string,
  writeShare: number,
): LoadRequest[] {
  const authorization = `Bearer ${token}`;
  return [
    {
      setupRequest: (request): LoadRequest => {
        const caseId = cases[Math.floor(Math.random() * cases.length)];
        if (Math.random() < writeShare) {
          return {
            ...request,
            method: "POST",
            path: `/v1/cases/${caseId}/shares`,
            headers: { authorization, "content-type": "application/json" },
            body: shareBody,
          };
        }
        return {
          ...request,
          method: "GET",
          path: `/v1/cases/${caseId}`,
          headers: { authorization },
          body: undefined,
        };
      },
    },
  ];
}
