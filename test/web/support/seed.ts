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
