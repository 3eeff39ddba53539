import { describe, expect, test } from "vitest";
import {
  type CovenantState,
  decideTheme,
  evolveTheme,
  IDENTIFYING_FIELDS,
  initialThemeState,
  personalFields,
  type ThemeCommand,
  type ThemeEvent,
  type ThemeState,
} from "../../../src/domain/index.js";
import { themeAudience } from "../../../src/privacy/policy/themeVisibility.js";
import {
  actor,
  COVENANT_ID,
  chair,
  covenantCommandOf,
  expectRefused,
  NOW,
  ORG,
  region,
} from "../fixtures.js";

// Themes: signals about a phenomenon, decided against the covenant and the theme policy's audience.

const THEME_ID = "theme-1";
const school = actor(ORG.school, "professional");
const police = actor(ORG.police, "professional");
type Fields<C> = C extends unknown ? Omit<C, "actor" | "now" | "themeId"> : never;
const run = (fields: Fields<ThemeCommand>, who = school): ThemeCommand =>
  ({ actor: who, now: NOW, themeId: THEME_ID, ...fields }) as ThemeCommand;

const raise = (fields: Record<string, unknown> = {}) =>
  run({
    type: "RaiseTheme",
    covenantId: COVENANT_ID,
    title: "Messen rond het station na schooltijd",
    description: "Oudere jongens laten messen zien bij het station.",
    category: "wapens",
    level: "preventie",
    places: { organisationIds: [ORG.school], area: "Station" },
    audience: { kind: "covenant", organisationIds: [] },
    ...fields,
  } as Fields<ThemeCommand>);

/** Given events, when a command, with the covenant now: the new events (the audience from the policy). */
function decide(events: ThemeEvent[], command: ThemeCommand, covenant: CovenantState = region()) {
  const state = events.reduce(evolveTheme, initialThemeState);
  return decideTheme(command, state, {
    covenant,
    audience: themeAudience(state, covenant),
    session: null,
  });
}
const fold = (events: ThemeEvent[]): ThemeState => events.reduce(evolveTheme, initialThemeState);

describe("raising a theme", () => {
  test("Given a covenant, when a school raises a theme, then it is raised for the whole covenant", () => {
    const [raised] = decide([], raise());
    expect(raised).toMatchObject({
      type: "ThemeRaised",
      data: { raisedBy: ORG.school, category: "wapens", audience: { kind: "covenant" } },
    });
  });

  test.each(IDENTIFYING_FIELDS)(
    "Given a theme with the field %s, then it is refused naming that field",
    (field) => {
      expectRefused(
        () => decide([], raise({ [field]: "Sam de Vries" })),
        "invalid",
        "theme-identifies-person",
        field,
      );
    },
  );

  test("Given a BSN in the text, then it is refused naming the field and never the number", () => {
    expectRefused(
      () => decide([], raise({ description: "Gaat om 111 222 333." })),
      "invalid",
      "theme-bsn",
      "description",
    );
  });

  test("Given named members, then the raiser is always among them; an outsider place is refused", () => {
    const [raised] = decide(
      [],
      raise({ audience: { kind: "members", organisationIds: [ORG.police] } }),
    );
    expect(raised?.data).toMatchObject({ audience: { organisationIds: [ORG.school, ORG.police] } });
    expectRefused(
      () => decide([], raise({ places: { organisationIds: ["org-elders"], area: null } })),
      "conflict",
      "place-member",
      "org-elders",
    );
  });
});

describe("a theme restricted to named members", () => {
  const restricted = decide(
    [],
    raise({ audience: { kind: "members", organisationIds: [ORG.police] } }),
  );

  test("Given a theme for school and police, then the policy's audience is exactly those members", () => {
    expect([...themeAudience(fold(restricted), region())].sort()).toEqual(
      [ORG.police, ORG.school].sort(),
    );
  });

  test("Given the police withdrawn from the covenant, then it leaves the audience at once", () => {
    const withdrawn = region([
      covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.police }),
    ]);
    expect([...themeAudience(fold(restricted), withdrawn)]).toEqual([ORG.school]);
  });

  test("Given the chair outside the audience, when it records an action, then the theme does not exist for it", () => {
    const agree = run(
      {
        type: "AgreeCollectiveAction",
        actionId: "a-1",
        sessionId: null,
        what: "Les",
        ownerOrganisationId: ORG.police,
        dueDate: "2025-04-01",
      },
      chair,
    );
    expectRefused(() => decide(restricted, agree), "not_found", "theme-exists", THEME_ID);
  });
});

describe("collective actions", () => {
  const raised = decide([], raise());
  const agree = (ownerOrganisationId: string) =>
    run(
      {
        type: "AgreeCollectiveAction",
        actionId: "a-1",
        sessionId: null,
        what: "Voorlichting",
        ownerOrganisationId,
        dueDate: "2025-04-01",
      },
      chair,
    );

  test("Given a theme, when the covenant's chair agrees an action for the police, then the police owns it and only it completes it", () => {
    const agreed = decide(raised, agree(ORG.police));
    expect(agreed[0]).toMatchObject({
      type: "CollectiveActionAgreed",
      data: { ownerOrganisationId: ORG.police },
    });
    const complete = (who: typeof school) =>
      run({ type: "CompleteCollectiveAction", actionId: "a-1", outcome: "Gegeven" }, who);
    expectRefused(
      () => decide([...raised, ...agreed], complete(school)),
      "organisation_not_permitted",
      "action-owner-only",
    );
    const done = decide([...raised, ...agreed], complete(police));
    expectRefused(
      () => decide([...raised, ...agreed, ...done], complete(police)),
      "conflict",
      "action-completed",
      "a-1",
    );
  });

  test("Given an owner outside the covenant, then the action is refused", () => {
    expectRefused(
      () => decide(raised, agree("org-elders")),
      "conflict",
      "action-owner-audience",
      "org-elders",
    );
  });
});

describe("a theme that became a case", () => {
  test("Given the link, then the theme takes no further command and its stream holds only the case id", () => {
    const raised = decide([], raise());
    const linked = decide(raised, run({ type: "LinkThemeToCase", caseId: "case-9" }));
    expect(linked).toEqual([
      { type: "ThemeBecameCase", data: { themeId: THEME_ID, caseId: "case-9", openedAt: NOW } },
    ]);
    expect(personalFields.ThemeBecameCase).toEqual([]);
    expect(personalFields.ThemeRaised).toEqual(["title", "description", "places.area"]);
    expectRefused(
      () => decide([...raised, ...linked], run({ type: "LinkThemeToCase", caseId: "case-10" })),
      "conflict",
      "theme-became-case",
    );
  });
});
