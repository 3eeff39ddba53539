import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONTENT,
  DEMO_COVENANT_ID,
  type DemoCase,
  ORG,
  schoolRaisesCase,
  startWithDemoCase,
} from "../support/demoCase.js";
import type { StoreKind } from "../support/service.js";

type Listed = { caseId: string; subjectId: string | null };
type Body = { scope: string; items: Listed[]; next: string | null };

const casesOf = `/v1/audit/cases?covenant=${DEMO_COVENANT_ID}`;

describe.each<StoreKind>(["sqlite", "postgres"])(
  "the cases a privacy officer may audit, on %s",
  (kind) => {
    let demo: DemoCase;
    const schoolCases: string[] = [];
    const officer = (organisationId: string) =>
      demo.service.token(organisationId, ["privacy-officer"], `fg-${organisationId}`);
    const get = async (token: string, path: string) => {
      const response = await demo.service.call(token, "GET", path);
      return { status: response.status, body: (await response.json()) as Body };
    };
    const everyPage = async (token: string, first: string) => {
      const items: Listed[] = [];
      for (let next: string | null = first; next !== null; ) {
        const { status, body } = await get(token, next);
        expect(status).toBe(200);
        items.push(...body.items);
        next = body.next;
      }
      return items;
    };

    beforeAll(async () => {
      demo = await startWithDemoCase(kind);
      // Given three more cases the school raised on its own: the police takes no part in them.
      for (let n = 0; n < 3; n++) {
        schoolCases.push(
          await schoolRaisesCase(demo, { name: `Leerling ${n}`, dateOfBirth: `2011-03-0${n + 1}` }),
        );
      }
    }, 60_000);
    afterAll(() => demo?.service.close());

    it("given the covenant's officer, when it follows the pages, then it gets every case once, in the order opened, as ids", async () => {
      const token = await officer(ORG.samenwerkingsverband);
      const whole = await get(token, casesOf);
      expect(whole.status).toBe(200);
      expect(whole.body.scope).toBe("covenant");
      expect(whole.body.next).toBeNull();
      expect(whole.body.items.map((item) => item.caseId)).toEqual([
        demo.ids.caseId,
        ...schoolCases,
      ]);
      for (const item of whole.body.items) expect(item.subjectId).toMatch(/^[0-9a-f-]{36}$/);
      for (const limit of [1, 2, 3]) {
        expect(await everyPage(token, `${casesOf}&limit=${limit}`)).toEqual(whole.body.items);
      }
      const text = JSON.stringify(whole.body);
      for (const secret of [...CONTENT, "Leerling"]) expect(text).not.toContain(secret);
    });

    it("given a member's officer, when it asks, then it gets only the cases its organisation takes part in", async () => {
      const police = await get(await officer(ORG.police), casesOf);
      expect(police.body.scope).toBe("organisation");
      expect(police.body.items.map((item) => item.caseId)).toEqual([demo.ids.caseId]);
      const school = await get(await officer(ORG.secondarySchool), casesOf);
      expect(school.body.items.map((item) => item.caseId)).toEqual([
        demo.ids.caseId,
        ...schoolCases,
      ]);
    });

    it("given someone who is no privacy officer, when it asks, then the answer is a refusal naming the role", async () => {
      const mentor = await demo.service.token(ORG.secondarySchool, ["professional"]);
      const response = await demo.service.call(mentor, "GET", casesOf);
      expect(response.status).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    });

    it("given a covenant the officer has no part in, when it asks, then the covenant does not exist for it", async () => {
      const token = await officer(ORG.samenwerkingsverband);
      const response = await demo.service.call(
        token,
        "GET",
        "/v1/audit/cases?covenant=00000000-0000-4000-8000-000000000000",
      );
      expect(response.status).toBe(404);
    });
  },
);
