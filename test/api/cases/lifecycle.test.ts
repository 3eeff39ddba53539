import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CaseApi, ORG, type StoreKind, startCaseApi } from "./support/caseApi.js";
import { join, lawfulShare, populatedCase, type Tokens, tokensFor } from "./support/scenario.js";

// Every case resource's happy path, against SQLite and PostgreSQL: status, body and the
// event each request writes.

describe.each<StoreKind>(["sqlite", "postgres"])("a case's life on %s", (kind) => {
  let api: CaseApi;
  let tokens: Tokens;
  beforeAll(async () => {
    api = await startCaseApi(kind);
    tokens = await tokensFor(api);
  });
  afterAll(() => api.close());

  const lastEvent = async (caseId: string) => (await api.caseEvents(caseId)).at(-1)!;

  /** Sends one request, expects the status, and returns the body and the event it wrote. */
  async function step(
    method: string,
    path: string,
    token: string,
    body: unknown,
    status: number,
    eventType: string,
  ) {
    const caseId = path.split("/")[3]!;
    const response = await api.call(method, path, { token, body });
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.caseId).toBe(caseId);
    expect(response.headers.get("etag")).toBe(`"${response.body.revision}"`);
    expect(response.headers.get("position")).toBe(response.body.position);
    const event = await lastEvent(caseId);
    expect(event.type).toBe(eventType);
    expect(event.revision).toBe(response.body.revision);
    expect(event.metadata.actor).toMatchObject({ userId: expect.any(String) });
    return { body: response.body, event };
  }

  test("signals, consent, meeting, agreements, closure, reopening and retention", async () => {
    const ids = await populatedCase(api, tokens);
    const base = `/v1/cases/${ids.caseId}`;
    const signal = await step(
      "POST",
      `${base}/signals`,
      tokens.wijkteam,
      {
        category: "verzuim",
        level: "preventie",
        urgency: "medium",
        description: "Ook bij ons in beeld.",
      },
      201,
      "SignalRaised",
    );
    expect(signal.event.data).toMatchObject({
      signalId: signal.body.signalId,
      raisedBy: ORG.wijkteam,
    });

    const minutes = "Afgesproken dat het wijkteam een huisbezoek doet.";
    const held = await step(
      "POST",
      `${base}/meetings/${ids.meetingId}/record`,
      tokens.chair,
      {
        heldAt: "2030-01-01T11:00:00Z",
        attendees: [
          { organisationId: ORG.chair, userId: "voorzitter", confidentialityAcknowledged: true },
          { organisationId: ORG.wijkteam, userId: "wijkcoach", confidentialityAcknowledged: true },
        ],
        minutes,
        decisions: ["Huisbezoek"],
      },
      201,
      "MeetingHeld",
    );
    expect(held.event.data.meetingId).toBe(ids.meetingId);
    expect(JSON.stringify(held.event.data)).not.toContain(minutes);

    await step(
      "POST",
      `${base}/agreements/${ids.agreementId}/completion`,
      tokens.wijkteam,
      undefined,
      201,
      "AgreementCompleted",
    );
    const second = await step(
      "POST",
      `${base}/agreements`,
      tokens.chair,
      {
        what: "Gesprek met ouders",
        ownerOrganisationId: ORG.school,
        owner: { name: "Ine Bakker", function: "mentor", reach: "06-12345678" },
        dueDate: "2030-03-01",
        meetingId: ids.meetingId,
      },
      201,
      "AgreementMade",
    );
    await step(
      "POST",
      `${base}/agreements/${second.body.agreementId}/cancellation`,
      tokens.chair,
      { reason: "Ouders verhuisd" },
      201,
      "AgreementCancelled",
    );
    await step(
      "DELETE",
      `${base}/consents/${ids.consentId}`,
      tokens.school,
      undefined,
      200,
      "ConsentWithdrawn",
    );

    const closed = await step(
      "POST",
      `${base}/closure`,
      tokens.chair,
      { outcome: "resolved", reason: "Hulp loopt" },
      201,
      "CaseClosed",
    );
    expect(closed.event.data.outcome).toBe("resolved");
    await step(
      "POST",
      `${base}/reopening`,
      tokens.chair,
      { reason: "Nieuwe zorg" },
      201,
      "CaseReopened",
    );
    await step(
      "POST",
      `${base}/closure`,
      tokens.chair,
      { outcome: "referred", reason: "Naar jeugdhulp" },
      201,
      "CaseClosed",
    );
    const extended = await step(
      "POST",
      `${base}/retention-extensions`,
      tokens.chair,
      {
        retentionUntil: "2099-01-01T00:00:00Z",
        reason: "Lopende procedure",
      },
      201,
      "RetentionExtended",
    );
    expect(extended.event.data.retentionUntil).toBe("2099-01-01T00:00:00Z");
  });

  test("decline an invitation, remove a participant, leave", async () => {
    const ids = await populatedCase(api, tokens);
    const base = `/v1/cases/${ids.caseId}`;
    await step(
      "POST",
      `${base}/invitations`,
      tokens.chair,
      { organisationId: ORG.police },
      201,
      "PartnerInvited",
    );
    await step(
      "DELETE",
      `${base}/participants/${ORG.police}`,
      tokens.police,
      undefined,
      200,
      "InvitationDeclined",
    );
    await join(api, tokens, ids.caseId, ORG.leerplicht, tokens.leerplicht);
    const removed = await step(
      "DELETE",
      `${base}/participants/${ORG.leerplicht}`,
      tokens.chair,
      undefined,
      200,
      "PartnerRemoved",
    );
    expect(removed.event.data.organisationId).toBe(ORG.leerplicht);
    await step(
      "DELETE",
      `${base}/participants/${ORG.wijkteam}`,
      tokens.wijkteam,
      undefined,
      200,
      "PartnerLeft",
    );
  });

  test("an unlawful share is 422 listing every broken rule, its value and what would make it lawful; nothing is written", async () => {
    const ids = await populatedCase(api, tokens);
    const before = (await api.caseEvents(ids.caseId)).length;
    const response = await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
      token: tokens.school,
      body: lawfulShare({ recipients: [ORG.police], purposeId: "marketing" }),
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      type: "https://casustafel.example/problems/share-refused",
      title: "The share breaks one or more sharing rules",
      code: "share_refused",
      rule: "recipient-participant",
    });
    expect(response.body.violations).toEqual([
      expect.objectContaining({ rule: "recipient-participant", value: ORG.police }),
      expect.objectContaining({ rule: "covenant-purpose", value: "marketing" }),
    ]);
    for (const violation of response.body.violations) {
      expect(violation.explanation).toEqual(expect.any(String));
      expect(violation.remedy).toEqual(expect.any(String));
    }
    expect(await api.caseEvents(ids.caseId)).toHaveLength(before);
  });

  test("a consent record that breaks several rules is 422 listing each; nothing is written", async () => {
    const ids = await populatedCase(api, tokens);
    const before = (await api.caseEvents(ids.caseId)).length;
    const response = await api.call("POST", `/v1/cases/${ids.caseId}/consents`, {
      token: tokens.school,
      body: {
        giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
        method: "form",
        evidenceReference: "Toestemmingsformulier 2025-17",
        scope: {
          dataCategories: ["hobby"],
          recipientOrganisationIds: [ORG.wijkteam],
          purposeId: "reclame",
        },
        givenOn: "2999-01-01",
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.type).toBe("https://casustafel.example/problems/consent-refused");
    expect(response.body.violations.map((v: { rule: string }) => v.rule)).toEqual([
      "consent-purpose",
      "consent-data-categories",
      "consent-given-on",
    ]);
    expect(await api.caseEvents(ids.caseId)).toHaveLength(before);
  });

  test("Idempotency-Key: a repeated share replays the first answer and writes nothing new", async () => {
    const ids = await populatedCase(api, tokens);
    const headers = { "idempotency-key": `share-${ids.caseId}` };
    const first = await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
      token: tokens.school,
      body: lawfulShare(),
      headers,
    });
    expect(first.status).toBe(201);
    const count = (await api.caseEvents(ids.caseId)).length;
    const again = await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
      token: tokens.school,
      body: lawfulShare(),
      headers,
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await api.caseEvents(ids.caseId)).toHaveLength(count);
    const different = await api.call("POST", `/v1/cases/${ids.caseId}/shares`, {
      token: tokens.school,
      body: lawfulShare({ content: "Iets anders." }),
      headers,
    });
    expect(different.status).toBe(422);
    expect(different.body.type).toBe("https://casustafel.example/problems/idempotency-key-reused");
    expect(await api.caseEvents(ids.caseId)).toHaveLength(count);
  });
});
