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
  decideSession,
  evolveCase,
  evolveCovenant,
  evolveSession,
  initialCaseState,
  initialCovenantState,
  initialSessionState,
  type SessionCommand,
  type SessionState,
} from "../../src/domain/index.js";
import type { CaseVisibility } from "../../src/privacy/policy/caseVisibility.js";
import { createCaseView } from "../../src/projections/caseView/caseView.js";
import type { DecodedEvent } from "../../src/projections/readModel.js";
import { createSessions, type SessionsModel } from "../../src/projections/sessions/sessions.js";
import { raiseSignal } from "../domain/case/signals.js";
import { actor, CASE_ID, COVENANT_ID, chair, ORG, regionCommands } from "../domain/fixtures.js";
import { allowed, applyCase, applyCovenant, type Model, newModel } from "./caseViewModel/model.js";
import {
  caseCommandsFor,
  covenantCommandFor,
  MINUTE,
  PRELUDE,
  sessionCommandsFor,
  step,
  VIEWERS,
} from "./caseViewModel/steps.js";

// Model-based: random commands from several organisations, and the covenant admin's
// withdrawals and readmissions, through the real deciders; after every step each
// organisation's caseView, and its sessions (agenda items recorded with their own
// attendance, and the case's meetings read as one-item sessions), equal what an independent
// model of rules 1-4 allows: rule 4 per item.

const START = Date.parse("2025-03-03T08:00:00.000Z");
const SITUATIONS = {
  noAccess: 0,
  withdrawnParticipant: 0,
  shareShown: 0,
  shareHidden: 0,
  minutesShown: 0,
  minutesHidden: 0,
  itemMinutesShown: 0,
  itemMinutesHidden: 0,
  chairReadsMinutesItDidNotAttend: 0,
  descriptionHidden: 0,
  lostByLeavingOrWithdrawal: 0,
  consentEnded: 0,
};

/** Decides commands against the case and its covenant and feeds every event to a caseView. */
function world() {
  const caseView = createCaseView();
  const sessions = createSessions(caseView);
  const sessionStates = new Map<string, SessionState>();
  let state: CaseState = initialCaseState;
  let covenant: CovenantState = initialCovenantState;
  const revision = { case: 0, covenant: 0, session: 0 };
  const feed = (
    streamId: string,
    at: string,
    event: { type: string; data: object },
    rev: number,
  ) => {
    const stored = {
      eventId: `${streamId}-${rev}`,
      streamId,
      revision: rev,
      position: BigInt(revision.case + revision.covenant + revision.session),
      type: event.type,
      schemaVersion: 1,
      recordedAt: at,
      data: event.data,
      metadata: {},
      prevHash: "",
      hash: "",
    } as DecodedEvent;
    caseView.apply(stored);
    sessions.apply(stored);
  };
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
    sessions,
    /** Plans a session and puts the case on its agenda; refusals leave it unplanned. */
    runSession(command: SessionCommand): boolean {
      const current = sessionStates.get(command.sessionId) ?? initialSessionState;
      const context = { covenant, cases: { [CASE_ID]: state } };
      const events = refused(() => decideSession(command, current, context)) ?? [];
      for (const event of events as ReturnType<typeof decideSession>) {
        sessionStates.set(
          command.sessionId,
          evolveSession(sessionStates.get(command.sessionId) ?? current, event),
        );
        feed(`session-${command.sessionId}`, command.now, event, revision.session++);
      }
      return events.length > 0;
    },
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
      const { caseView, sessions, runCase, runCovenant, runSession } = world();
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
        // An item is recorded only on the agenda of a session (the API looks it up there).
        const planned = sessionCommandsFor(s, i, now, model).every((command) =>
          runSession(command),
        );
        for (const command of planned ? caseCommandsFor(s, i, now, model) : []) {
          for (const text of textsOf(command)) everyText.add(text);
          const events = runCase(command);
          if (events === null) break;
          applyCase(model, command, events);
          if (command.type === "ShareSignal") came.signalShared++;
        }

        // One comparison per step, of every organisation's view, keeps the run fast and the diff readable.
        const observed: Record<string, Seen & { sessions: SeenInSessions }> = {};
        const expected: Record<string, Seen & { sessions: SeenInSessions }> = {};
        for (const org of VIEWERS) {
          const viewer = org === ORG.chair ? chair : actor(org);
          const seen = caseView.query(CASE_ID, viewer, at);
          const allowedHere = allowed(model, org, now);
          count(came, model, org, now, allowedHere);
          observed[org] = {
            ...observe(seen, everyText),
            sessions: observeSessions(sessions, viewer, at, everyText),
          };
          expected[org] = {
            ...shownByModel(allowedHere, everyText),
            sessions: sessionsByModel(allowedHere, everyText),
          };
        }
        expect(observed).toEqual(expected);
      });
    }),
    { numRuns: 200 },
  );
  for (const [situation, times] of Object.entries(came))
    expect(times, situation).toBeGreaterThan(50);
  // CPU-bound (about 8,000 steps, each compared for eight organisations): room on a busy machine.
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

/** The minutes an organisation reads across its sessions, and every free text they show. */
type SeenInSessions = { minutes: string[]; texts: string[] };

function observeSessions(
  sessions: SessionsModel,
  viewer: ReturnType<typeof actor>,
  at: string,
  everyText: Set<string>,
): SeenInSessions {
  const visible = sessions.list(viewer, at);
  const json = JSON.stringify(visible, (_, value) => (value instanceof Map ? [...value] : value));
  const minutes = visible.flatMap((v) =>
    v.kind === "session" ? v.view.agenda.flatMap((item) => item.minutes?.minutes ?? []) : [],
  );
  return {
    minutes: minutes.sort(),
    texts: [...everyText].filter((text) => json.includes(`"${text}"`)).sort(),
  };
}

function sessionsByModel(
  allowedHere: ReturnType<typeof allowed>,
  everyText: Set<string>,
): SeenInSessions {
  const minutes = [...allowedHere.minutes, ...allowedHere.itemMinutes].map((m) => m.text).sort();
  const permitted = new Set(minutes);
  return { minutes, texts: [...everyText].filter((text) => permitted.has(text)).sort() };
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
  if (command.type === "RecordMeeting" || command.type === "RecordAgendaItem")
    return [command.minutes];
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
    itemMinutesShown: expected.itemMinutes.length > 0 && org !== ORG.chair,
    itemMinutesHidden:
      expected.access === "case" && model.itemMinutes.length > expected.itemMinutes.length,
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
