import { describe, expect, test } from "vitest";
import { caseApiForFile, caseWithWijkteam, lawfulShare } from "../cases/support/scenario.js";

const WRITERS = 16;
const CASES = 2;
const WRITES_PER_WRITER = 20;

describe.each(["sqlite", "postgres"] as const)(
  "writes without If-Match under contention (%s)",
  (kind) => {
    const given = caseApiForFile(kind);

    test("given 16 writers sharing on 2 cases at once, when none sends If-Match, then every write is accepted and recorded once", async () => {
      const { api, tokens } = given;
      const cases: string[] = [];
      for (let n = 0; n < CASES; n++) cases.push(await caseWithWijkteam(api, tokens));

      const statuses = await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          const caseId = cases[writer % CASES]!;
          const answered: number[] = [];
          for (let n = 0; n < WRITES_PER_WRITER; n++) {
            const shared = await api.call("POST", `/v1/cases/${caseId}/shares`, {
              token: tokens.school,
              body: lawfulShare({ content: `Schrijver ${writer}, deling ${n}` }),
            });
            answered.push(shared.status);
          }
          return answered;
        }),
      );

      expect(statuses.flat().filter((status) => status !== 201)).toEqual([]);
      const shares = await Promise.all(
        cases.map(async (caseId) =>
          (await api.caseEvents(caseId)).filter((event) => event.type === "InformationShared"),
        ),
      );
      expect(shares.flat()).toHaveLength(WRITERS * WRITES_PER_WRITER);
    });
  },
);
