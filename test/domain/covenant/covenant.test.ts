import { describe, expect, test } from "vitest";
import {
  type CovenantCommand,
  type CovenantEvent,
  catalogue,
  decideCovenant,
  evolveCovenant,
  initialCovenantState,
  sharingRuleAllows,
} from "../../../src/domain/index.js";
import {
  actor,
  admin,
  COVENANT_ID,
  covenantCommandOf,
  expectRefused,
  member,
  ORG,
  region,
  regionCommands,
} from "../fixtures.js";

const AT = "2025-01-01T09:00:00.000Z";
const given = (commands: CovenantCommand[]) => ({
  when: (command: CovenantCommand): CovenantEvent[] => {
    const state = commands.reduce(
      (s, c) => decideCovenant(c, s, { catalogue }).reduce(evolveCovenant, s),
      initialCovenantState,
    );
    return decideCovenant(command, state, { catalogue });
  },
});
const [establishCommand] = regionCommands();
const established = [establishCommand as CovenantCommand];

describe("EstablishCovenant", () => {
  test("an admin of the chair organisation establishes it; the chair is its first member", () => {
    expect(given([]).when(establishCommand as CovenantCommand)).toEqual([
      {
        type: "CovenantEstablished",
        data: {
          covenantId: COVENANT_ID,
          name: "Veilig in en om de school",
          chair: member(ORG.chair),
          establishedBy: admin.userId,
          establishedAt: AT,
        },
      },
    ]);
  });
  test("refused for a non-admin, an admin of another organisation, a second time, or an unknown kind", () => {
    const cmd = establishCommand as CovenantCommand;
    expectRefused(
      () => given([]).when({ ...cmd, actor: actor(ORG.chair, "chair") }),
      "not_permitted",
      "chair-admin-only",
    );
    expectRefused(
      () => given([]).when({ ...cmd, actor: actor(ORG.school, "admin") }),
      "organisation_not_permitted",
      "chair-admin-only",
      ORG.school,
    );
    expectRefused(() => given(established).when(cmd), "conflict", "covenant-id-taken", COVENANT_ID);
    const oddChair = { ...member(ORG.chair), partnerKind: "sportclub" };
    expectRefused(
      () =>
        given([]).when({ ...cmd, type: "EstablishCovenant", chair: oddChair } as CovenantCommand),
      "invalid",
      "partner-kind",
      "sportclub",
    );
  });
});

describe("members", () => {
  test("admitting and withdrawing a member", () => {
    expect(
      given(established).when(
        covenantCommandOf({ type: "AdmitMember", member: member(ORG.school) }),
      ),
    ).toEqual([
      {
        type: "MemberAdmitted",
        data: { covenantId: COVENANT_ID, member: member(ORG.school), admittedAt: AT },
      },
    ]);
    const withdraw = covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.school });
    expect(given(regionCommands()).when(withdraw)).toEqual([
      {
        type: "MemberWithdrawn",
        data: { covenantId: COVENANT_ID, organisationId: ORG.school, withdrawnAt: AT },
      },
    ]);
  });
  test("only the chair's admin maintains the covenant; to a non-member it does not exist", () => {
    const admit = (by: string) => ({
      ...covenantCommandOf({ type: "AdmitMember", member: member(ORG.police) }),
      actor: actor(by, "admin"),
    });
    expectRefused(
      () => given(established).when(admit(ORG.school)),
      "not_found",
      "covenant-exists",
      COVENANT_ID,
    );
    expectRefused(
      () => given(regionCommands()).when(admit(ORG.school)),
      "organisation_not_permitted",
      "chair-admin-only",
      ORG.school,
    );
  });
  test("no double membership; the chair cannot withdraw; an unknown member is not found", () => {
    expectRefused(
      () =>
        given(regionCommands()).when(
          covenantCommandOf({ type: "AdmitMember", member: member(ORG.school) }),
        ),
      "conflict",
      "already-member",
      ORG.school,
    );
    expectRefused(
      () =>
        given(regionCommands()).when(
          covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.chair }),
        ),
      "conflict",
      "chair-stays",
    );
    expectRefused(
      () =>
        given(regionCommands()).when(
          covenantCommandOf({ type: "WithdrawMember", organisationId: "org-x" }),
        ),
      "not_found",
      "member-exists",
      "org-x",
    );
  });
  test("a member without a privacy-officer contact is refused", () => {
    const noOfficer = { ...member(ORG.school), privacyOfficer: { name: "", email: "" } };
    expectRefused(
      () => given(established).when(covenantCommandOf({ type: "AdmitMember", member: noOfficer })),
      "invalid",
      "privacy-officer-contact",
    );
  });
  test("commands on a covenant that does not exist are not found", () => {
    expectRefused(
      () =>
        given([]).when(covenantCommandOf({ type: "AddPurpose", purposeId: "p", description: "d" })),
      "not_found",
      "covenant-exists",
    );
  });
});

describe("purposes, sharing rules and retention", () => {
  test("purposes are added once", () => {
    const add = covenantCommandOf({
      type: "AddPurpose",
      purposeId: "veiligheid-school",
      description: "Veiligheid",
    });
    expect(given(established).when(add)).toEqual([
      {
        type: "PurposeAdded",
        data: {
          covenantId: COVENANT_ID,
          purposeId: "veiligheid-school",
          description: "Veiligheid",
          addedAt: AT,
        },
      },
    ]);
    expectRefused(
      () => given(regionCommands()).when(add),
      "conflict",
      "purpose-id-taken",
      "veiligheid-school",
    );
  });
  const ruleCommand = (rule: Record<string, unknown>) =>
    covenantCommandOf({
      type: "AddSharingRule",
      rule: {
        ruleId: "r-1",
        sharerKind: "school-vo",
        dataCategories: ["verzuim"],
        recipientKinds: ["leerplicht"],
        legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
        ...rule,
      } as never,
    });
  test("a sharing rule names known kinds, categories and bases", () => {
    expect(given(established).when(ruleCommand({}))[0]?.type).toBe("SharingRuleAdded");
    expectRefused(
      () => given(established).when(ruleCommand({ sharerKind: "kerk" })),
      "invalid",
      "partner-kind",
      "kerk",
    );
    expectRefused(
      () => given(established).when(ruleCommand({ recipientKinds: ["kerk"] })),
      "invalid",
      "partner-kind",
      "kerk",
    );
    expectRefused(
      () => given(established).when(ruleCommand({ dataCategories: ["hobby"] })),
      "invalid",
      "data-category",
      "hobby",
    );
    expectRefused(
      () => given(established).when(ruleCommand({ legalBasisIds: ["avg-99"] })),
      "invalid",
      "legal-basis",
      "avg-99",
    );
    expectRefused(
      () => given(established).when(ruleCommand({ legalBasisIds: [] })),
      "invalid",
      "sharing-rule-legal-bases",
    );
  });
  test("a removed rule no longer allows sharing", () => {
    const before = region();
    expect(
      sharingRuleAllows(
        before,
        "school-vo",
        "verzuim",
        "leerplicht",
        "leerplichtwet-21-verzuimmelding",
      ),
    ).toBe(true);
    const after = region([
      covenantCommandOf({ type: "RemoveSharingRule", ruleId: "school-leerplicht" }),
    ]);
    expect(
      sharingRuleAllows(
        after,
        "school-vo",
        "verzuim",
        "leerplicht",
        "leerplichtwet-21-verzuimmelding",
      ),
    ).toBe(false);
    expectRefused(
      () =>
        given(established).when(covenantCommandOf({ type: "RemoveSharingRule", ruleId: "r-9" })),
      "not_found",
      "sharing-rule-exists",
      "r-9",
    );
  });
  test("retention is whole years after closure, for a known purpose", () => {
    const set = covenantCommandOf({
      type: "SetRetention",
      purposeId: "veiligheid-school",
      yearsAfterClosure: 7,
    });
    expect(given(regionCommands()).when(set)).toEqual([
      {
        type: "RetentionSet",
        data: {
          covenantId: COVENANT_ID,
          purposeId: "veiligheid-school",
          yearsAfterClosure: 7,
          setAt: AT,
        },
      },
    ]);
    expectRefused(
      () =>
        given(regionCommands()).when({
          ...set,
          type: "SetRetention",
          yearsAfterClosure: 0,
        } as CovenantCommand),
      "invalid",
      "retention-years",
      "0",
    );
    expectRefused(
      () =>
        given(regionCommands()).when({
          ...set,
          type: "SetRetention",
          purposeId: "x",
        } as CovenantCommand),
      "not_found",
      "purpose-exists",
      "x",
    );
    expect(region().retentionYears).toEqual({ "veiligheid-school": 5, "zorg-jeugdige": 20 });
  });
});
