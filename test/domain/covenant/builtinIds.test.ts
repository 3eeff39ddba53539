import { describe, expect, test } from "vitest";
import {
  type CovenantCommand,
  catalogue,
  decideCovenant,
  evolveCovenant,
} from "../../../src/domain/index.js";
import { covenantCommandOf, expectRefused, region } from "../fixtures.js";

// An id named like a member of Object.prototype is an unknown id: never found, never "taken".

const NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];

const given = (commands: CovenantCommand[] = []) => {
  let state = region(commands);
  return {
    when(command: CovenantCommand) {
      const events = decideCovenant(command, state, { catalogue });
      state = events.reduce(evolveCovenant, state);
      return { events, state };
    },
  };
};

const purpose = (purposeId: string) =>
  covenantCommandOf({ type: "AddPurpose", purposeId, description: "Een doel" });
const retention = (purposeId: string, yearsAfterClosure = 3) =>
  covenantCommandOf({ type: "SetRetention", purposeId, yearsAfterClosure });

describe.each(NAMES)("covenant ids named %s", (name) => {
  test("given no such purpose, when its retention is set, then it is refused as an unknown purpose", () => {
    expectRefused(() => given().when(retention(name)), "not_found", "purpose-exists", name);
  });

  test("given no such sharing rule, when it is removed, then it is refused as an unknown rule", () => {
    expectRefused(
      () => given().when(covenantCommandOf({ type: "RemoveSharingRule", ruleId: name })),
      "not_found",
      "sharing-rule-exists",
      name,
    );
  });

  test("given no such member, when it is withdrawn, then it is refused as an unknown member", () => {
    expectRefused(
      () => given().when(covenantCommandOf({ type: "WithdrawMember", organisationId: name })),
      "not_found",
      "member-exists",
      name,
    );
  });

  test("when a purpose of that name is added and given a term, then it is stored as its own entry", () => {
    const covenant = given();
    covenant.when(purpose(name));
    const { state } = covenant.when(retention(name, 7));
    expect(Object.hasOwn(state.purposes, name)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(state.purposes, name)?.value).toEqual({
      purposeId: name,
      description: "Een doel",
    });
    expect(Object.getOwnPropertyDescriptor(state.retentionYears, name)?.value).toBe(7);
    // Stored under "__proto__" too, the records keep their prototype and their other entries.
    expect(Object.getPrototypeOf(state.purposes)).toBe(Object.prototype);
    expect(Object.keys(state.retentionYears)).toEqual(["veiligheid-school", "zorg-jeugdige", name]);
  });

  test("when a sharing rule of that name is added, then it is no duplicate, and it can be removed", () => {
    const covenant = given();
    const rule = {
      ruleId: name,
      sharerKind: "school-vo",
      dataCategories: ["verzuim"],
      recipientKinds: ["leerplicht"],
      legalBasisIds: ["leerplichtwet-21-verzuimmelding"],
    };
    const added = covenant.when(covenantCommandOf({ type: "AddSharingRule", rule }));
    expect(added.events.map((e) => e.type)).toEqual(["SharingRuleAdded"]);
    expect(Object.getPrototypeOf(added.state.sharingRules)).toBe(Object.prototype);
    const removed = covenant.when(covenantCommandOf({ type: "RemoveSharingRule", ruleId: name }));
    expect(Object.hasOwn(removed.state.sharingRules, name)).toBe(false);
    expect(Object.keys(removed.state.sharingRules)).toHaveLength(6);
  });

  test("when a member of that name is admitted and withdrawn, then the other members stay as they were", () => {
    const covenant = given();
    const member = {
      organisationId: name,
      name: "Stichting Eigenaardig",
      partnerKind: "jongerenwerk",
      privacyOfficer: { name: "FG", email: "fg@example.org" },
    };
    covenant.when(covenantCommandOf({ type: "AdmitMember", member }));
    const { state } = covenant.when(
      covenantCommandOf({ type: "WithdrawMember", organisationId: name }),
    );
    expect(Object.getOwnPropertyDescriptor(state.members, name)?.value).toMatchObject({
      organisationId: name,
      status: "withdrawn",
    });
    expect(Object.values(state.members).filter((m) => m.status === "member")).toHaveLength(8);
  });

  test("given a withdrawal recorded for an organisation that never was a member, then evolve ignores it", () => {
    const before = region();
    const after = evolveCovenant(before, {
      type: "MemberWithdrawn",
      data: { covenantId: "cov-regio", organisationId: name, withdrawnAt: "2025-02-01T00:00:00Z" },
    });
    expect(after.members).toEqual(before.members);
  });
});
