// The case work of a region, written through the service's HTTP API (the real command path):
// cases with a signal, a partner joined, a share and an agreement each; sessions with cases on
// their agenda; and a few reads of each kind, whose records the read-record fill copies.
import { DEMO_COVENANT_ID, demoOrganisations as org } from "../../src/demo/organisations.js";
import { type CaseWorkTokens, openCases, post, shareBody } from "./caseWork.js";

const AGENDA_ITEMS = 10;

const dayIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function get(url: string, path: string, token: string): Promise<void> {
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
}

/** Plans a session every ten cases, with those cases on its agenda. */
async function planSessions(url: string, tokens: CaseWorkTokens, caseIds: readonly string[]) {
  for (let first = 0; first < caseIds.length; first += AGENDA_ITEMS) {
    const { sessionId } = await post(url, "/v1/sessions", tokens.chair, {
      covenantId: DEMO_COVENANT_ID,
      startsAt: dayIn(first / AGENDA_ITEMS),
      endsAt: dayIn(first / AGENDA_ITEMS + 2 / 24),
      location: "Stadhuis, zaal 2",
      plannedOrganisationIds: [org.secondarySchool, org.wijkteam],
    });
    for (const caseId of caseIds.slice(first, first + AGENDA_ITEMS)) {
      await post(url, `/v1/sessions/${sessionId}/agenda`, tokens.chair, {
        caseId,
        question: "Hoe gaat het nu, en wie doet wat?",
      });
    }
  }
}

/** Writes the region's case work and returns its case ids; every answer must be a success. */
export async function writeCaseWork(
  url: string,
  tokens: CaseWorkTokens,
  cases: number,
): Promise<string[]> {
  const caseIds = await openCases(url, tokens, cases);
  const share = JSON.parse(shareBody) as unknown;
  for (const [n, caseId] of caseIds.entries()) {
    await post(url, `/v1/cases/${caseId}/shares`, tokens.school, share);
    await post(url, `/v1/cases/${caseId}/agreements`, tokens.chair, {
      what: "Huisbezoek plannen",
      ownerOrganisationId: org.wijkteam,
      owner: { name: "Wijkcoach", function: "wijkcoach", reach: "06-11111111" },
      dueDate: dayIn(n % 60).slice(0, 10),
    });
    // One read of the case by each partner: the records the fill copies.
    await get(url, `/v1/cases/${caseId}`, tokens.wijkteam);
    await get(url, `/v1/cases/${caseId}`, tokens.school);
  }
  await planSessions(url, tokens, caseIds);
  // Reads that show several cases: one CasesContentRead each, in the reader's own stream.
  await get(url, "/v1/cases", tokens.wijkteam);
  await get(url, "/v1/worklist", tokens.wijkteam);
  await get(url, "/v1/cases", tokens.school);
  return caseIds;
}
