import { describe, expect, test } from "vitest";
import {
  mayAuditCase,
  mayAuditVisibilityOf,
  mayViewTrends,
  privacyOfficerScope,
} from "../../../src/privacy/policy/audit.js";
import { hasCase, visibleShares } from "../../../src/privacy/policy/caseParts.js";
import { caseVisibility } from "../../../src/privacy/policy/caseVisibility.js";
import {
  actor,
  caseWithPartners,
  covenantCommandOf,
  fold,
  NOW,
  ORG,
  region,
} from "../../domain/fixtures.js";
import { BUILTIN_NAMES } from "../../support/builtinNames.js";
import { shared } from "./caseEvents.js";

// A token's `org` named like a member of Object.prototype is an organisation like any other
// that the covenant and the case do not know: it audits nothing and sees nothing.

const covenant = region();
const state = fold([...caseWithPartners(), shared("share-1", [ORG.wijkteam])]);

describe.each(BUILTIN_NAMES)("an organisation named %s", (name) => {
  test("given it is no member, when its privacy officer asks, then it has no audit scope", () => {
    const officer = actor(name, "privacy-officer");
    expect(privacyOfficerScope(officer, covenant)).toBeNull();
    expect(mayAuditVisibilityOf(officer, covenant, name)).toBe(false);
    expect(mayAuditCase(officer, covenant, state)).toBe(false);
  });

  test("given it is no member, when its analyst or chair asks for trends, then it is refused", () => {
    expect(mayViewTrends(actor(name, "analyst", "chair"), covenant)).toBe(false);
  });

  test("given it is a member that never took part in the case, then its officer may not audit the case", () => {
    const withIt = region([
      covenantCommandOf({
        type: "AdmitMember",
        member: {
          organisationId: name,
          name: "Stichting Eigenaardig",
          partnerKind: "jongerenwerk",
          privacyOfficer: { name: "FG", email: "fg@example.org" },
        },
      }),
    ]);
    const officer = actor(name, "privacy-officer");
    expect(privacyOfficerScope(officer, withIt)?.kind).toBe("organisation");
    expect(mayAuditCase(officer, withIt, state)).toBe(false);
  });

  test("given it is no participant, when its professional looks at the case, then there is none", () => {
    expect(hasCase(state, name)).toBe(false);
    expect(caseVisibility(state, actor(name, "professional", "chair"), NOW)).toEqual({
      kind: "none",
    });
    expect(visibleShares(state, name, NOW)).toEqual([]);
  });
});
