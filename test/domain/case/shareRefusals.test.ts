import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type CaseEvent,
  SHARE_RULE_TEXTS,
  SHARE_RULES,
  type ShareInformation,
  ShareRefused,
  type ShareRule,
} from "../../../src/domain/index.js";
import { CASE_ID, caseWithPartners, closed, given, ORG } from "../fixtures.js";
import { share } from "./shares.js";

// DESIGN §4: a refused share lists EVERY rule it breaks, in the order of SHARE_RULES, each
// with a plain-language explanation and what would make it lawful, and no personal data.

function refusalOf(events: CaseEvent[], command: ShareInformation): ShareRefused {
  try {
    given(events).when(command);
  } catch (error) {
    if (error instanceof ShareRefused) return error;
    throw error;
  }
  throw new Error("expected the share to be refused");
}

/** Independent ways to break a lawful share, each with the rule and value it must be refused by. */
const breakers: Record<
  string,
  { fields: Partial<ShareInformation>; closes?: boolean; rule: ShareRule; value: string | null }
> = {
  closedCase: { fields: {}, closes: true, rule: "case-open", value: CASE_ID },
  recipientNotJoined: {
    fields: { recipients: [ORG.wijkteam, ORG.leerplicht] },
    rule: "recipient-participant",
    value: ORG.leerplicht,
  },
  unknownPurpose: {
    fields: { purposeId: "marketing" },
    rule: "covenant-purpose",
    value: "marketing",
  },
  hollowNecessity: {
    fields: { necessity: "Noodzakelijk voor de casus." },
    rule: "necessity-statement",
    value: "avg-6-1-e-publieke-taak",
  },
  pastExpiry: {
    fields: { expiresAt: "2025-03-09T00:00:00.000Z" },
    rule: "expiry-in-future",
    value: "2025-03-09T00:00:00.000Z",
  },
};

describe("given a share that breaks several rules at once", () => {
  test("when it is refused, then every broken rule is listed in SHARE_RULES order, each explained", () => {
    const all = Object.values(breakers);
    const command = share(Object.assign({}, ...all.map((b) => b.fields)));
    const refusal = refusalOf([...caseWithPartners(), closed()], command);
    expect(refusal.violations.map(({ rule, value }) => ({ rule, value }))).toEqual(
      all.map(({ rule, value }) => ({ rule, value })),
    );
    for (const violation of refusal.violations) {
      expect(violation.explanation).toBe(SHARE_RULE_TEXTS[violation.rule as ShareRule].explanation);
      expect(violation.remedy).toBe(SHARE_RULE_TEXTS[violation.rule as ShareRule].remedy);
    }
  });

  test("for any combination of independent breaks, each one is listed and nothing else", () => {
    const names = Object.keys(breakers);
    fc.assert(
      fc.property(fc.subarray(names, { minLength: 1 }), (chosen) => {
        const picked = chosen.map((name) => breakers[name]!);
        const events = picked.some((b) => b.closes)
          ? [...caseWithPartners(), closed()]
          : caseWithPartners();
        const refusal = refusalOf(events, share(Object.assign({}, ...picked.map((b) => b.fields))));
        const expected = picked
          .map(({ rule, value }) => ({ rule, value }))
          .sort((a, b) => SHARE_RULES.indexOf(a.rule) - SHARE_RULES.indexOf(b.rule));
        expect(refusal.violations.map(({ rule, value }) => ({ rule, value }))).toEqual(expected);
      }),
    );
  });

  test("then neither the message nor any violation carries the share's content or necessity", () => {
    const content = "Sam woont bij oma op de Lindelaan 4 sinds de scheiding.";
    const necessity = "Sam woont bij oma; noodzakelijk.";
    const refusal = refusalOf(
      [...caseWithPartners(), closed()],
      share({ content, necessity, purposeId: "marketing" }),
    );
    const told = JSON.stringify({ message: refusal.message, violations: refusal.violations });
    for (const secret of ["Sam", "Lindelaan", "oma"]) expect(told).not.toContain(secret);
  });
});

test("every share rule has an explanation and a remedy, each a sentence", () => {
  for (const rule of SHARE_RULES) {
    expect(SHARE_RULE_TEXTS[rule].explanation, rule).toMatch(/^[A-Z].{10,}\.$/);
    expect(SHARE_RULE_TEXTS[rule].remedy, rule).toMatch(/^[A-Z].{10,}\.$/);
  }
});
