import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createCaseView } from "../../../src/projections/caseView/caseView.js";
import { createPossibleMatches } from "../../../src/projections/possibleMatches/possibleMatches.js";
import type { DecodedEvent } from "../../../src/projections/readModel.js";
import { createSessions } from "../../../src/projections/sessions/sessions.js";
import { createThemes } from "../../../src/projections/themes/themes.js";
import {
  possibleSubjectMatches,
  type WorklistQuery,
} from "../../../src/projections/worklist/sections.js";
import { createWorklistIndex } from "../../../src/projections/worklist/worklistIndex.js";
import { actor, ORG } from "../../domain/fixtures.js";

// The possible-matches section, fed the events as the projector would: for the chair
// organisation's chairs only, ids and the covenant's link, never anything of either case.

const covenantId = randomUUID();
const match = { matchId: randomUUID(), first: randomUUID(), second: randomUUID() };
let position = 0n;
const event = (type: string, streamId: string, data: Record<string, unknown>): DecodedEvent =>
  ({
    eventId: randomUUID(),
    type,
    streamId,
    revision: 0,
    position: position++,
    data,
    metadata: {},
    recordedAt: "2025-03-10T10:00:00.000Z",
  }) as unknown as DecodedEvent;

function worklistFor(viewer: ReturnType<typeof actor>): WorklistQuery {
  const caseView = createCaseView();
  const index = createWorklistIndex();
  const possibleMatches = createPossibleMatches();
  for (const e of [
    event("CovenantEstablished", `covenant-${covenantId}`, {
      covenantId,
      name: "Regio",
      chair: { organisationId: ORG.chair },
      establishedBy: ORG.chair,
      establishedAt: "2025-01-01T00:00:00.000Z",
    }),
    event("PossibleMatchFound", `possible-match-${match.matchId}`, {
      matchId: match.matchId,
      covenantId,
      kind: "surname-dob",
      cases: [
        { caseId: match.first, subjectId: randomUUID() },
        { caseId: match.second, subjectId: randomUUID() },
      ],
      foundAt: "2025-03-10T10:00:00.000Z",
    }),
  ]) {
    for (const model of [caseView, index, possibleMatches]) model.apply(e);
  }
  const now = "2025-03-11T10:00:00.000Z";
  return {
    viewer,
    now,
    since: null,
    seen: (caseId) => caseView.query(caseId, viewer, now),
    index,
    possibleMatches,
    sessions: createSessions(caseView),
    themes: createThemes(),
  };
}

describe("given a possible match in a covenant", () => {
  test("when the chair organisation's chair reads its worklist, then the match is there with the covenant's link", () => {
    expect(possibleSubjectMatches(worklistFor(actor(ORG.chair, "chair")))).toEqual([
      {
        kind: "possible-match",
        caseId: match.first,
        itemId: match.matchId,
        link: `/v1/covenants/${covenantId}/possible-matches`,
        date: "2025-03-10T10:00:00.000Z",
        shown: [],
      },
    ]);
  });
  test.each([
    ["a professional of the chair organisation", actor(ORG.chair, "professional")],
    ["a chair of another organisation", actor(ORG.school, "chair")],
  ])("when %s reads it, then there is none", (_who, viewer) => {
    expect(possibleSubjectMatches(worklistFor(viewer))).toEqual([]);
  });
});
