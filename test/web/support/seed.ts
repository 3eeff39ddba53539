import { DEMO_COVENANT_ID } from "../../../src/demo/organisations.js";
import type { TestService } from "../../api/support/service.js";

/** Opens `count` cases through the API as one organisation, each about another young person. */
export async function openCases(
  service: TestService,
  token: string,
  count: number,
  category: string,
  concurrency = 4,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const response = await service.call(token, "POST", "/v1/cases", {
        covenantId: DEMO_COVENANT_ID,
        subject: {
          name: `Jongere ${category} ${index}`,
          dateOfBirth: `20${10 + (index % 5)}-0${1 + (index % 9)}-1${index % 10}`,
          school: "Het Rivierencollege",
        },
        contact: { name: "Mentor", function: "Mentor", reach: "mentor@school.example" },
        category,
        level: "preventie",
        urgency: "medium",
        description: `Zorg nummer ${index} over deze jongere.`,
      });
      if (response.status !== 201) throw new Error(`opening a case: ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The chair invites `organisationId` to every case it chairs: that many entries on its worklist. */
export async function inviteToEveryCase(
  service: TestService,
  chairToken: string,
  organisationId: string,
  concurrency = 4,
): Promise<number> {
  const listed = await service.call(chairToken, "GET", "/v1/cases");
  const { cases } = (await listed.json()) as { cases: { caseId: string }[] };
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const { caseId } = cases[next++]!;
      const response = await service.call(chairToken, "POST", `/v1/cases/${caseId}/invitations`, {
        organisationId,
      });
      if (response.status !== 201 && response.status !== 200) {
        throw new Error(`inviting: ${response.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return cases.length;
}
