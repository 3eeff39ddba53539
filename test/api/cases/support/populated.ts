import { afterAll, beforeAll } from "vitest";
import { type CaseApi, startCaseApi } from "./caseApi.js";
import type { CaseIds } from "./samples.js";
import { populatedCase, type Tokens, tokensFor } from "./scenario.js";

export interface PopulatedCaseApi {
  api: CaseApi;
  tokens: Tokens;
  ids: CaseIds;
}

/**
 * Registers hooks that start the case API on SQLite with one populated case for the whole
 * file, and close it after; the fields are filled once beforeAll ran.
 */
export function populatedCaseApi(): PopulatedCaseApi {
  const populated = {} as PopulatedCaseApi;
  beforeAll(async () => {
    const api = await startCaseApi("sqlite");
    const tokens = await tokensFor(api);
    Object.assign(populated, { api, tokens, ids: await populatedCase(api, tokens) });
  });
  afterAll(() => populated.api?.close());
  return populated;
}
