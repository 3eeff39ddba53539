import { afterAll, describe, expect, test } from "vitest";
import {
  type CaseEvent,
  SHARE_RULES,
  type ShareInformation,
  ShareRefused,
  type ShareRule,
} from "../../../src/domain/index.js";
import {
  CASE_ID,
  caseEvent,
  caseWithPartners,
  catalogueWithBasis,
  closed,
  contextWith,
  covenantCommandOf,
  expectRefused,
  given,
  invited,
  joined,
  left,
  NECESSITY,
  NOW,
  ORG,
  opened,
  region,
} from "../fixtures.js";
import { policeShare, share } from "./shares.js";

const covered = new Set<ShareRule>();
function refused(
  events: CaseEvent[],
  cmd: ShareInformation,
  rule: ShareRule,
  value?: string | null,
  context = contextWith(),
) {
  covered.add(rule);
  expectRefused(() => given(events, context).when(cmd), "share_refused", rule, value);
  // Only this rule is broken, though it may be broken by more than one value.
  const { violations } = refusalOf(() => given(events, context).when(cmd));
  expect(new Set(violations.map((v) => v.rule))).toEqual(new Set([rule]));
  if (value !== undefined) expect(violations.map((v) => v.value)).toContain(value);
}

function refusalOf(run: () => unknown): ShareRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof ShareRefused) return error;
    throw error;
  }
  throw new Error("expected the share to be refused");
}

describe("ShareInformation: a lawful share", () => {
  test("records InformationShared with the recipients fixed at share time", () => {
    const [event] = given(caseWithPartners()).when(share());
    expect(event).toEqual(
      caseEvent("InformationShared", {
        shareId: "share-1",
        sharedBy: ORG.school,
        recipients: [ORG.wijkteam],
        dataCategories: ["signaal", "school"],
        legalBasisId: "avg-6-1-e-publieke-taak",
        purposeId: "veiligheid-school",
        necessity: NECESSITY,
        content: share().content,
        expiresAt: null,
        decisionReference: null,
        weightyPublicInterest: null,
        competentAuthorityAgreement: null,
        consentIds: [],
        sharedAt: NOW,
      }),
    );
  });

  test("a basis with a default expiry sets it when the sharer gives none", () => {
    const [event] = given(caseWithPartners()).when(
      share({ legalBasisId: "avg-6-1-d-vitaal-belang" }),
    );
    expect(event?.type === "InformationShared" && event.data.expiresAt).toBe(
      "2025-04-09T10:00:00.000Z",
    );
  });

  test("meldrecht lets a school tell Veilig Thuis, health included, without consent", () => {
    const events = given(caseWithPartners()).when(
      share({
        recipients: [ORG.veiligThuis],
        dataCategories: ["gezin", "gezondheid"],
        legalBasisId: "wmo-5-2-6-meldrecht",
      }),
    );
    expect(events).toHaveLength(1);
  });

  test("Wpg art. 20 with the decision reference and the weighty interest", () => {
    expect(given(caseWithPartners()).when(policeShare())).toHaveLength(1);
  });

  test("Wpg art. 19 with the competent authority's agreement", () => {
    const events = given(caseWithPartners()).when(
      policeShare({
        legalBasisId: "wpg-19",
        decisionReference: null,
        competentAuthorityAgreement: {
          authority: "burgemeester",
          reference: "BM-2025-044",
          agreedOn: "2025-03-09",
        },
      }),
    );
    expect(events).toHaveLength(1);
  });

  test("a basis that enters into force may be used from its first day", () => {
    const wgs = share({
      legalBasisId: "wgs-zorg-en-veiligheidshuis",
      now: "2025-03-01T07:00:00.000Z",
    });
    expect(given([opened(), invited(ORG.wijkteam), joined(ORG.wijkteam)]).when(wgs)).toHaveLength(
      1,
    );
  });
});

describe("ShareInformation is refused, naming the one rule it breaks and nothing else", () => {
  test("case-open: the case is closed", () => {
    refused([...caseWithPartners(), closed()], share(), "case-open", CASE_ID);
  });
  test("sharer-participant: the sharing organisation left the case", () => {
    refused([...caseWithPartners(), left(ORG.school)], share(), "sharer-participant", ORG.school);
  });
  test("recipients-named: no recipients", () => {
    refused(caseWithPartners(), share({ recipients: [] }), "recipients-named", null);
  });
  test("recipients-named: the sharer names itself", () => {
    refused(
      caseWithPartners(),
      share({ recipients: [ORG.wijkteam, ORG.school] }),
      "recipients-named",
      ORG.school,
    );
  });
  test("recipient-participant: leerplicht is invited but has not joined", () => {
    refused(
      caseWithPartners(),
      share({ recipients: [ORG.leerplicht] }),
      "recipient-participant",
      ORG.leerplicht,
    );
  });
  test("recipient-participant: a recipient left the case", () => {
    refused(
      [...caseWithPartners(), left(ORG.wijkteam)],
      share(),
      "recipient-participant",
      ORG.wijkteam,
    );
  });
  test("sharer-covenant-member: the school withdrew from the covenant", () => {
    const covenant = region([
      covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.school }),
    ]);
    refused(
      caseWithPartners(),
      share(),
      "sharer-covenant-member",
      ORG.school,
      contextWith(covenant),
    );
  });
  test("recipient-covenant-member: the wijkteam withdrew from the covenant", () => {
    const covenant = region([
      covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.wijkteam }),
    ]);
    refused(
      caseWithPartners(),
      share(),
      "recipient-covenant-member",
      ORG.wijkteam,
      contextWith(covenant),
    );
  });
  test("data-categories-named: no categories", () => {
    refused(caseWithPartners(), share({ dataCategories: [] }), "data-categories-named", null);
  });
  test("data-category-known: a category outside the catalogue", () => {
    refused(
      caseWithPartners(),
      share({ dataCategories: ["hobby"] }),
      "data-category-known",
      "hobby",
    );
  });
  test("covenant-purpose: a purpose the covenant does not have", () => {
    refused(caseWithPartners(), share({ purposeId: "marketing" }), "covenant-purpose", "marketing");
  });
  test("basis-exists: an unknown basis", () => {
    refused(caseWithPartners(), share({ legalBasisId: "avg-6-1-z" }), "basis-exists", "avg-6-1-z");
  });
  test("basis-valid-on-date: the WGS before 2025-03-01", () => {
    const early = share({
      legalBasisId: "wgs-zorg-en-veiligheidshuis",
      now: "2025-02-28T12:00:00.000Z",
    });
    refused(caseWithPartners(), early, "basis-valid-on-date", "wgs-zorg-en-veiligheidshuis");
  });
  test("basis-valid-on-date: a basis whose validity ended", () => {
    const context = contextWith(
      region(),
      catalogueWithBasis("avg-6-1-e-publieke-taak", { validUntil: "2025-03-09" }),
    );
    refused(caseWithPartners(), share(), "basis-valid-on-date", "avg-6-1-e-publieke-taak", context);
  });
  test("basis-sharer-kind: a school cannot rely on legitimate interests, even if the covenant says so", () => {
    refused(
      caseWithPartners(),
      share({ legalBasisId: "avg-6-1-f-gerechtvaardigd-belang" }),
      "basis-sharer-kind",
      "school-vo",
    );
  });
  test("basis-recipient-kind: meldrecht allows Veilig Thuis as the only recipient", () => {
    const meldrecht = share({
      recipients: [ORG.veiligThuis, ORG.wijkteam],
      legalBasisId: "wmo-5-2-6-meldrecht",
    });
    refused(caseWithPartners(), meldrecht, "basis-recipient-kind", "wijkteam");
  });
  test("basis-data-category: the absence report does not cover the family situation", () => {
    const events = [...caseWithPartners(), joined(ORG.leerplicht)];
    const report = share({
      recipients: [ORG.leerplicht],
      dataCategories: ["verzuim", "gezin"],
      legalBasisId: "leerplichtwet-21-verzuimmelding",
    });
    refused(events, report, "basis-data-category", "gezin");
  });
  test("special-category-art9: health data under a basis without an art. 9 exception", () => {
    const catalogue = catalogueWithBasis("avg-6-1-e-publieke-taak", {
      dataCategories: ["signaal", "school", "gezondheid"],
    });
    const covenant = region([
      covenantCommandOf({
        type: "AddSharingRule",
        rule: {
          ruleId: "r-health",
          sharerKind: "school-vo",
          dataCategories: ["gezondheid"],
          recipientKinds: ["wijkteam"],
          legalBasisIds: ["avg-6-1-e-publieke-taak"],
        },
      }),
    ]);
    refused(
      caseWithPartners(),
      share({ dataCategories: ["signaal", "gezondheid"] }),
      "special-category-art9",
      "gezondheid",
      contextWith(covenant, catalogue),
    );
  });
  test("criminal-data-art10: criminal data under a basis without art. 10 / Wpg cover", () => {
    const catalogue = catalogueWithBasis("avg-6-1-e-publieke-taak", {
      dataCategories: ["signaal", "strafrechtelijk"],
    });
    const covenant = region([
      covenantCommandOf({
        type: "AddSharingRule",
        rule: {
          ruleId: "r-crime",
          sharerKind: "school-vo",
          dataCategories: ["strafrechtelijk"],
          recipientKinds: ["wijkteam"],
          legalBasisIds: ["avg-6-1-e-publieke-taak"],
        },
      }),
    ]);
    refused(
      caseWithPartners(),
      share({ dataCategories: ["strafrechtelijk"] }),
      "criminal-data-art10",
      "strafrechtelijk",
      contextWith(covenant, catalogue),
    );
  });
  test("covenant-sharing-rule: the covenant removed the rule before the share", () => {
    const covenant = region([
      covenantCommandOf({ type: "RemoveSharingRule", ruleId: "school-publiek" }),
    ]);
    refused(
      caseWithPartners(),
      share(),
      "covenant-sharing-rule",
      "school-vo>signaal>wijkteam",
      contextWith(covenant),
    );
  });
  test("covenant-sharing-rule: the police may not give police data to Veilig Thuis in this covenant", () => {
    refused(
      caseWithPartners(),
      policeShare({ recipients: [ORG.veiligThuis] }),
      "covenant-sharing-rule",
      "politie>politiegegevens>veilig-thuis",
    );
  });
  test.each([
    ["empty", ""],
    ["a stock phrase", "Noodzakelijk voor de casus."],
    ["long but hollow", "noodzakelijk noodzakelijk noodzakelijk noodzakelijk noodzakelijk"],
    ["too short", "Zie dossier van de school."],
  ])("necessity-statement: %s", (_label, necessity) => {
    refused(
      caseWithPartners(),
      share({ necessity }),
      "necessity-statement",
      "avg-6-1-e-publieke-taak",
    );
  });
  test("expiry-in-future: an expiry before the share", () => {
    refused(
      caseWithPartners(),
      share({ expiresAt: "2025-03-09T00:00:00.000Z" }),
      "expiry-in-future",
      "2025-03-09T00:00:00.000Z",
    );
  });
  test("wpg-decision-reference: Wpg art. 20 without the samenwerkingsverband's decision", () => {
    refused(
      caseWithPartners(),
      policeShare({ decisionReference: "  " }),
      "wpg-decision-reference",
      "wpg-20",
    );
  });
  test("wpg-weighty-public-interest: Wpg art. 20 without the weighty public interest", () => {
    refused(
      caseWithPartners(),
      policeShare({ weightyPublicInterest: null }),
      "wpg-weighty-public-interest",
      "wpg-20",
    );
  });
  test("wpg-competent-authority: Wpg art. 19 without the mayor's or prosecutor's agreement", () => {
    refused(
      caseWithPartners(),
      policeShare({ legalBasisId: "wpg-19", decisionReference: null }),
      "wpg-competent-authority",
      "wpg-19",
    );
  });
  test("wpg-competent-authority: an agreement dated after the share does not count", () => {
    const later = policeShare({
      legalBasisId: "wpg-19",
      competentAuthorityAgreement: {
        authority: "officier-van-justitie",
        reference: "OM-1",
        agreedOn: "2025-03-11",
      },
    });
    refused(caseWithPartners(), later, "wpg-competent-authority", "wpg-19");
  });
});

afterAll(() => {
  const consentRules: ShareRule[] = ["consent-age-known", "consent-subject", "consent-parents"];
  const missing = SHARE_RULES.filter((rule) => !covered.has(rule) && !consentRules.includes(rule));
  expect(
    missing,
    "share rules without a refusal test in this file (consent rules: consent.test.ts)",
  ).toEqual([]);
});
