import fc from "fast-check";
import { expect, test } from "vitest";
import {
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type CovenantCommand,
  type CovenantState,
  catalogue,
  DomainError,
  decideCase,
  decideCovenant,
  evolveCase,
  evolveCovenant,
  initialCaseState,
  initialCovenantState,
} from "../../src/domain/index.js";
import type { CaseVisibility } from "../../src/privacy/policy/caseVisibility.js";
import { createCaseView } from "../../src/projections/caseView/caseView.js";
import type { DecodedEvent } from "../../src/projections/readModel.js";
import { raiseSignal } from "../domain/case/signals.js";
import { actor, CASE_ID, COVENANT_ID, chair, ORG, regionCommands } from "../domain/fixtures.js";
import { allowed, applyCase, applyCovenant, type Model, newModel } from "./caseViewModel/model.js";
import {
  caseCommandsFor,
  covenantCommandFor,
  MINUTE,
  PRELUDE,
  step,
  VIEWERS,
} from "./caseViewModel/steps.js";

// Model-based: random commands from several organisations, and the covenant admin's
// withdrawals and readmissions, through the real deciders; after every step each
// organisation's caseView equals what an independent model of rules 1-4 allows.

const START = Date.parse("2025-03-03T08:00:00.000Z");
const SITUATIONS = {
  noAccess: 0,
  withdrawnParticipant: 0,
  shareShown: 0,
  shareHidden: 0,
  minutesShown: 0,
  minutesHidden: 0,
  chairReadsMinutesItDidNotAttend: 0,
  descriptionHidden: 0,
  lostByLeavingOrWithdrawal: 0,
  consentEnded: 0,
};

/** Decides commands against the case and its covenant and feeds every event to a caseView. */
function world() {
  const caseView = createCaseView();
  let state: CaseState = initialCaseState;
  let covenant: CovenantState = initialCovenantState;
  const revision = { case: 0, covenant: 0 };
  const feed = (streamId: string, at: string, event: { type: string; data: object }, rev: number) =>
    caseView.apply({
      eventId: `${streamId}-${rev}`,
      streamId,
      revision: rev,
      position: BigInt(revision.case + revision.covenant),
      type: event.type,
      schemaVersion: 1,
      recordedAt: at,
      data: event.data,
      metadata: {},
      prevHash: "",
      hash: "",
    } as DecodedEvent);
  const refused = (decide: () => unknown[]) => {
    try {
      return decide();
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  };
  return {
    caseView,
    /** The events the case command produced, or null when the decider refused it. */
    runCase(command: CaseCommand): CaseEvent[] | null {
      const events = refused(() =>
        decideCase(command, state, { covenant, catalogue, subjectErased: false }),
      );
      for (const event of (events ?? []) as CaseEvent[]) {
        state = evolveCase(state, event);
        feed(`case-${CASE_ID}`, command.now, event, revision.case++);
      }
      return events as CaseEvent[] | null;
    },
    runCovenant(command: CovenantCommand): boolean {
      const events = refused(() => decideCovenant(command, covenant, { catalogue }));
      for (const event of events ?? []) {
        covenant = evolveCovenant(covenant, event as never);
        feed(`covenant-${COVENANT_ID}`, command.now, event as CaseEvent, revision.covenant++);
      }
      return events !== null;
    },
  };
}

test("each organisation's caseView shows exactly what rules 1-4 allow, after every step", () => {
  // How often each interesting situation came up across all runs, so the property is not vacuous.
  const came = { ...SITUATIONS, signalShared: 0 };
  fc.assert(
    fc.property(fc.array(step, { minLength: 15, maxLength: 40 }), (steps) => {
      const { caseView, runCase, runCovenant } = world();
      for (const command of regionCommands()) runCovenant(command);
      const model = newModel();
      let now = START;
      runCase(
        raiseSignal({
          now: new Date(now).toISOString(),
          actor: actor(ORG.school),
          signalId: "s-0",
          category: "verzuim",
          description: "Verzuimt.",
        }),
      );
      const everyText = new Set(["Verzuimt."]);

      [...PRELUDE, ...steps].forEach((s, i) => {
        now += MINUTE;
        if (s.kind === "wait") now += s.minutes * MINUTE;
        const at = new Date(now).toISOString();
        const membership = covenantCommandFor(s, at, model);
        if (membership && runCovenant(membership)) applyCovenant(model, membership);
        for (const command of caseCommandsFor(s, i, now, model)) {
          for (const text of textsOf(command)) everyText.add(text);
          const events = runCase(command);
          if (events === null) break;
          applyCase(model, command, events);
          if (command.type === "ShareSignal") came.signalShared++;
        }

        // One comparison per step, of every organisation's view, keeps the run fast and the diff readable.
        const observed: Record<string, Seen> = {};
        const expected: Record<string, Seen> = {};
        for (const org of VIEWERS) {
          const seen = caseView.query(CASE_ID, org === ORG.chair ? chair : actor(org), at);
          const allowedHere = allowed(model, org, now);
          count(came, model, org, now, allowedHere);
          observed[org] = observe(seen, everyText);
          expected[org] = shownByModel(allowedHere, everyText);
        }
        expect(observed).toEqual(expected);
      });
    }),
    { numRuns: 100 },
  );
  for (const [situation, times] of Object.entries(came))
    expect(times, situation).toBeGreaterThan(50);
  // CPU-bound (about 4,000 steps, each compared for eight organisations): room on a busy machine.
}, 120_000);

/** What an organisation's view shows, in the terms the model speaks. */
type Seen = {
  access: string;
  shares: string[][];
  minutes: string[];
  descriptions: string[];
  /** Every free text written so far that appears anywhere in the answer: nothing more. */
  texts: string[];
};

function observe(seen: CaseVisibility, everyText: Set<string>): Seen {
  const view = seen.kind === "case" ? seen.view : null;
  const json = JSON.stringify(seen);
  return {
    access: seen.kind,
    shares: (view?.shares ?? []).map((x) => [x.shareId, x.content]).sort(),
    minutes: (view?.meetings ?? []).flatMap((m) => (m.minutes ? [m.minutes] : [])).sort(),
    descriptions: (view?.signals ?? []).flatMap((x) => x.description ?? []).sort(),
    texts: [...everyText].filter((text) => json.includes(`"${text}"`)).sort(),
  };
}

function shownByModel(allowedHere: ReturnType<typeof allowed>, everyText: Set<string>): Seen {
  const shares = allowedHere.shares.map((x) => [x.id, x.content]).sort();
  const minutes = allowedHere.minutes.map((m) => m.text).sort();
  const descriptions = allowedHere.descriptions.map((x) => x.description).sort();
  const permitted = new Set([...shares.map(([, content]) => content), ...minutes, ...descriptions]);
  return {
    access: allowedHere.access,
    shares,
    minutes,
    descriptions,
    texts: [...everyText].filter((text) => permitted.has(text)).sort(),
  };
}

/** The free texts a command writes, so the test can look for each of them in every answer. */
function textsOf(command: CaseCommand): string[] {
  if (command.type === "ShareInformation" || command.type === "CorrectShare")
    return [command.content];
  if (command.type === "RecordMeeting") return [command.minutes];
  if (command.type === "RaiseSignal") return [command.description];
  return [];
}

/** Counts the situations this view of `org` exercised; the property fails if any stays rare. */
function count(
  came: Record<keyof typeof SITUATIONS, number>,
  model: Model,
  org: string,
  now: number,
  expected: ReturnType<typeof allowed>,
) {
  const situations: Record<keyof typeof SITUATIONS, boolean> = {
    noAccess: expected.access !== "case",
    withdrawnParticipant: expected.access !== "case" && model.status.get(org) === "joined",
    shareShown: expected.shares.length > 0,
    shareHidden: expected.access === "case" && model.shares.length > expected.shares.length,
    minutesShown: expected.minutes.length > 0,
    minutesHidden: expected.access === "case" && model.minutes.length > expected.minutes.length,
    chairReadsMinutesItDidNotAttend:
      org === ORG.chair && model.minutes.some((m) => !m.attendees.includes(org)),
    descriptionHidden:
      expected.access === "case" && model.signals.length > expected.descriptions.length,
    lostByLeavingOrWithdrawal:
      expected.access === "case" &&
      [...model.shares, ...model.minutes].some((item) => item.lostBy.has(org)),
    consentEnded: model.shares.some(
      (s) =>
        s.consentIds.length > 0 &&
        !s.revoked &&
        s.expiresAt > now &&
        (s.sharer === org || s.holders.has(org)) &&
        !expected.shares.includes(s),
    ),
  };
  for (const [situation, happened] of Object.entries(situations))
    if (happened) came[situation as keyof typeof SITUATIONS]++;
}
