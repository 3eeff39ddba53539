import { describe, expect, test } from "vitest";
import {
  disclosureInScope,
  mayAuditCase,
  mayAuditVisibilityOf,
  mayProduceSubjectReport,
  mayViewTrends,
  privacyOfficerScope,
  readInScope,
  withinPeriod,
} from "../../src/privacy/policy/audit.js";
import { actor, COVENANT_ID, covenantCommandOf, ORG, region } from "../domain/fixtures.js";

const covenant = region();
const officer = (organisationId: string) => actor(organisationId, "privacy-officer");

describe("privacy officer scope (rule 5)", () => {
  test("the privacy officer of the chair organisation audits the whole covenant", () => {
    expect(privacyOfficerScope(officer(ORG.chair), covenant)).toEqual({
      kind: "covenant",
      covenantId: COVENANT_ID,
    });
  });

  test("a member's privacy officer audits its own organisation", () => {
    expect(privacyOfficerScope(officer(ORG.school), covenant)).toEqual({
      kind: "organisation",
      covenantId: COVENANT_ID,
      organisationId: ORG.school,
    });
  });

  test("a professional, a chair or an admin of the chair organisation is no privacy officer", () => {
    for (const role of ["professional", "chair", "admin", "analyst"] as const) {
      expect(privacyOfficerScope(actor(ORG.chair, role), covenant)).toBeNull();
    }
  });

  test("a privacy officer of an organisation outside the covenant audits nothing", () => {
    expect(privacyOfficerScope(officer("org-elders"), covenant)).toBeNull();
  });

  test("a withdrawn member's privacy officer still audits what its organisation did", () => {
    const withdrawn = region([
      covenantCommandOf({ type: "WithdrawMember", organisationId: ORG.police }),
    ]);
    expect(privacyOfficerScope(officer(ORG.police), withdrawn)?.kind).toBe("organisation");
  });

  test("an organisation scope holds disclosures it made or received, and reads by its own users", () => {
    const scope = privacyOfficerScope(officer(ORG.wijkteam), covenant)!;
    const disclosure = {
      covenantId: COVENANT_ID,
      sharedBy: ORG.school,
      recipients: [ORG.wijkteam],
    };
    expect(disclosureInScope(scope, disclosure)).toBe(true);
    expect(
      disclosureInScope(scope, { ...disclosure, sharedBy: ORG.wijkteam, recipients: [] }),
    ).toBe(true);
    expect(disclosureInScope(scope, { ...disclosure, recipients: [ORG.police] })).toBe(false);
    expect(disclosureInScope(scope, { ...disclosure, covenantId: "cov-other" })).toBe(false);
    expect(readInScope(scope, { covenantId: COVENANT_ID, organisationId: ORG.wijkteam })).toBe(
      true,
    );
    expect(readInScope(scope, { covenantId: COVENANT_ID, organisationId: ORG.school })).toBe(false);
  });

  test("a covenant scope holds everything of its covenant and nothing of another", () => {
    const scope = privacyOfficerScope(officer(ORG.chair), covenant)!;
    expect(readInScope(scope, { covenantId: COVENANT_ID, organisationId: ORG.school })).toBe(true);
    expect(readInScope(scope, { covenantId: "cov-other", organisationId: ORG.school })).toBe(false);
  });
});

test("what an organisation could see at a past moment: the covenant's officer asks about any, a member's officer about its own", () => {
  expect(mayAuditVisibilityOf(officer(ORG.chair), covenant, ORG.police)).toBe(true);
  expect(mayAuditVisibilityOf(officer(ORG.school), covenant, ORG.school)).toBe(true);
  expect(mayAuditVisibilityOf(officer(ORG.school), covenant, ORG.police)).toBe(false);
  expect(mayAuditVisibilityOf(actor(ORG.chair, "chair"), covenant, ORG.police)).toBe(false);
});

test("a case's visibility is audited by the covenant's officer, or by a member's officer whose organisation took part", () => {
  const parties = { chairOrganisationId: ORG.chair, participants: { [ORG.school]: {} } };
  expect(mayAuditCase(officer(ORG.chair), covenant, parties)).toBe(true);
  expect(mayAuditCase(officer(ORG.school), covenant, parties)).toBe(true);
  expect(mayAuditCase(officer(ORG.police), covenant, parties)).toBe(false);
  expect(mayAuditCase(actor(ORG.school, "professional"), covenant, parties)).toBe(false);
});

describe("subject report (rule 6) and trends (rule 7)", () => {
  test("only the covenant's privacy officer produces the subject report", () => {
    expect(mayProduceSubjectReport(officer(ORG.chair), covenant)).toBe(true);
    expect(mayProduceSubjectReport(officer(ORG.school), covenant)).toBe(false);
    expect(mayProduceSubjectReport(actor(ORG.chair, "chair"), covenant)).toBe(false);
  });

  test("chairs and analysts of a current member see trends; professionals and outsiders do not", () => {
    expect(mayViewTrends(actor(ORG.chair, "chair"), covenant)).toBe(true);
    expect(mayViewTrends(actor(ORG.wijkteam, "analyst"), covenant)).toBe(true);
    expect(mayViewTrends(actor(ORG.school, "professional"), covenant)).toBe(false);
    expect(mayViewTrends(actor("org-elders", "analyst"), covenant)).toBe(false);
  });
});

test("a period is [from, to): the start is in, the end is out", () => {
  const period = { from: "2025-03-01T00:00:00.000Z", to: "2025-04-01T00:00:00.000Z" };
  expect(withinPeriod("2025-03-01T00:00:00.000Z", period)).toBe(true);
  expect(withinPeriod("2025-03-31T23:59:59.999Z", period)).toBe(true);
  expect(withinPeriod("2025-04-01T00:00:00.000Z", period)).toBe(false);
  expect(withinPeriod("2020-01-01T00:00:00.000Z", {})).toBe(true);
});
