import fc from "fast-check";
import { expect, test } from "vitest";
import {
  type CovenantCommand,
  type CovenantState,
  catalogue,
  DomainError,
  decideCovenant,
  decideTheme,
  evolveCovenant,
  evolveTheme,
  initialCovenantState,
  initialThemeState,
  type ThemeState,
} from "../../src/domain/index.js";
import { themeAudience } from "../../src/privacy/policy/themeVisibility.js";
import type { DecodedEvent } from "../../src/projections/readModel.js";
import { createThemes } from "../../src/projections/themes/themes.js";
import {
  actor,
  COVENANT_ID,
  covenantCommandOf,
  member,
  ORG,
  regionCommands,
} from "../domain/fixtures.js";

// Model-based, beside the case property (caseViewModelBased.test.ts): random themes raised by
// members for the covenant or for named members, and the admin's withdrawals and readmissions,
// through the real deciders; after every step each organisation's list of themes, read through
// the themes projection and the visibility policy, equals what an independent model allows:
// a current member sees a theme open to the covenant, or one that names it or that it raised.

const ORGS = Object.values(ORG).filter((id) => id !== ORG.chair);
const VIEWERS = [ORG.chair, ...ORGS, "org-elders"];

type Step =
  | { kind: "raise"; by: string; named: string[] | null }
  | { kind: "withdraw"; organisationId: string }
  | { kind: "readmit"; organisationId: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("raise" as const),
    by: fc.constantFrom(...ORGS),
    named: fc.option(fc.subarray([ORG.chair, ...ORGS], { minLength: 1 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant("withdraw" as const), organisationId: fc.constantFrom(...ORGS) }),
  fc.record({ kind: fc.constant("readmit" as const), organisationId: fc.constantFrom(...ORGS) }),
);

/** The model: per theme its raiser and named members (null: the covenant); who is a member now. */
type Model = { themes: Map<string, { by: string; named: string[] | null }>; members: Set<string> };

const allowedFor = (model: Model, org: string) =>
  [...model.themes]
    .filter(
      ([, t]) =>
        model.members.has(org) && (t.named === null || t.named.includes(org) || t.by === org),
    )
    .map(([id]) => id)
    .sort();

test("each organisation's themes are exactly what the audience rules allow, after every step", () => {
  const came = { hiddenByNaming: 0, lostByWithdrawal: 0, shownNamed: 0 };
  fc.assert(
    fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => {
      const themes = createThemes();
      let covenant: CovenantState = initialCovenantState;
      const states = new Map<string, ThemeState>();
      let position = 0n;
      const feed = (streamId: string, event: { type: string; data: object }) =>
        themes.apply({
          eventId: `e-${position}`,
          streamId,
          revision: 0,
          position: position++,
          type: event.type,
          schemaVersion: 1,
          recordedAt: "2025-03-10T10:00:00.000Z",
          data: event.data,
          metadata: {},
        } as unknown as DecodedEvent);
      const runCovenant = (command: CovenantCommand) => {
        try {
          for (const event of decideCovenant(command, covenant, { catalogue })) {
            covenant = evolveCovenant(covenant, event);
            feed(`covenant-${COVENANT_ID}`, event);
          }
          return true;
        } catch (error) {
          if (error instanceof DomainError) return false;
          throw error;
        }
      };
      for (const command of regionCommands()) runCovenant(command);
      const model: Model = { themes: new Map(), members: new Set([ORG.chair, ...ORGS]) };

      steps.forEach((s, i) => {
        if (s.kind === "withdraw") {
          if (
            runCovenant(
              covenantCommandOf({ type: "WithdrawMember", organisationId: s.organisationId }),
            )
          )
            model.members.delete(s.organisationId);
        } else if (s.kind === "readmit") {
          if (
            runCovenant(
              covenantCommandOf({ type: "AdmitMember", member: member(s.organisationId) }),
            )
          )
            model.members.add(s.organisationId);
        } else {
          const themeId = `theme-${i}`;
          const audience =
            s.named === null
              ? { kind: "covenant" as const, organisationIds: [] as [] }
              : { kind: "members" as const, organisationIds: s.named };
          try {
            const events = decideTheme(
              {
                type: "RaiseTheme",
                actor: actor(s.by),
                now: "2025-03-10T10:00:00.000Z",
                themeId,
                covenantId: COVENANT_ID,
                title: `Thema ${i}`,
                description: "Wat er gezien wordt.",
                category: "wapens",
                level: "preventie",
                places: { organisationIds: [], area: "Station" },
                audience,
              },
              initialThemeState,
              { covenant, audience: new Set(), session: null },
            );
            for (const event of events) {
              states.set(themeId, evolveTheme(initialThemeState, event));
              feed(`theme-${themeId}`, event);
            }
            model.themes.set(themeId, { by: s.by, named: s.named });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            // Refused: a withdrawn raiser or named member; the model holds nothing of it.
          }
        }
        for (const org of VIEWERS) {
          const viewer = actor(org, "professional");
          const seen = themes
            .list(viewer, COVENANT_ID)
            .flatMap((v) => (v.kind === "theme" ? [v.view.themeId] : []))
            .sort();
          expect(seen, `${org} after step ${i}`).toEqual(allowedFor(model, org));
          for (const [themeId, t] of model.themes) {
            const audience = themeAudience(states.get(themeId)!, covenant);
            expect(audience.has(org), `${org} ${themeId}`).toBe(seen.includes(themeId));
            if (t.named !== null && !t.named.includes(org) && t.by !== org) came.hiddenByNaming++;
            if (!model.members.has(org) && org !== "org-elders") came.lostByWithdrawal++;
            if (t.named !== null && seen.includes(themeId)) came.shownNamed++;
          }
        }
      });
    }),
    { numRuns: 60 },
  );
  for (const [situation, times] of Object.entries(came))
    expect(times, situation).toBeGreaterThan(50);
}, 60_000);
