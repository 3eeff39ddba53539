import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../src/domain/index.js";
import { startTestService, type TestService } from "./support/service.js";

describe("catalogue resources", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service?.close());

  const list = async (path: string) => {
    const response = await fetch(`${service.url}${path}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Record<string, unknown>[] }).items;
  };

  it("serves every legal basis with its requirements and the unverified flag, without a token", async () => {
    const bases = await list("/v1/catalogue/legal-bases");
    expect(bases.map((basis) => basis.id)).toEqual(catalogue.legalBases.map((basis) => basis.id));
    expect(bases.find((basis) => basis.id === "wpg-20")).toMatchObject({
      regime: "Wpg",
      requirements: { decisionReference: true, weightyPublicInterest: true },
    });
    expect(bases.some((basis) => basis.unverified === true)).toBe(true);
  });

  it("serves data categories, signal categories with examples, partner kinds and levels", async () => {
    const categories = await list("/v1/catalogue/data-categories");
    expect(categories.find((c) => c.id === "gezondheid")).toMatchObject({ special: "art9" });
    const signals = await list("/v1/catalogue/signal-categories");
    expect(signals.find((s) => s.id === "drugs")?.examples).not.toHaveLength(0);
    const kinds = await list("/v1/catalogue/partner-kinds");
    expect(kinds.map((k) => k.id)).toContain("leerplicht");
    const levels = await list("/v1/catalogue/levels");
    expect(levels.map((l) => l.id)).toEqual(["sterke-basis", "preventie", "incident"]);
  });

  it("is described in the OpenAPI document", async () => {
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/v1/catalogue/legal-bases",
        "/v1/covenants/{covenantId}/sharing-rules",
      ]),
    );
  });
});
