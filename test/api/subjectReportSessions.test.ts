import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_COVENANT_ID, ORG } from "./support/demoCase.js";
import { startTestService, type TestService } from "./support/service.js";

// Rule 6 for sessions: what the table held about a young person, in their art. 15 report, over
// HTTP on the real SQLite store; another young person's item on the same session stays out.

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field; the schema test types them
type Body = any;
type Role = "chair" | "privacy-officer" | "professional";

const QUESTION = { first: "Hoe gaat het thuis bij Noah?", second: "Is het verzuim gestopt?" };
const MINUTES = "Noah vertelde over de oudere jongens bij het plein.";
const CORRECTION = `${MINUTES} En over school.`;
const ADDENDUM = "Moeder belde na afloop.";
const DRAFT = "Noah komt weer op maandag.";
const OTHER = {
  question: "Wat weet de politie van Sara?",
  minutes: "Sara is gezien bij het station.",
};
const contact = { name: "Mentor Kees Smit", function: "Mentor", reach: "k.smit@school.example" };
const wijkcoach = {
  organisationId: ORG.wijkteam,
  userId: "wijkcoach",
  confidentialityAcknowledged: true,
};

let service: TestService;
beforeAll(async () => {
  service = await startTestService("sqlite", { seedDemo: true });
}, 60_000);
afterAll(() => service?.close());

/** Every call reads after every write so far (Min-Position at the store's head). */
async function call(org: string, role: Role, method: string, path: string, body?: unknown) {
  const head = (await service.service.system.store.headPosition()).toString();
  const token = await service.token(org, [role]);
  const response = await service.call(token, method, path, body, { "min-position": head });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Body };
}
async function post(org: string, role: Role, path: string, body: unknown = {}) {
  const done = await call(org, role, "POST", path, body);
  expect(done.status, `${path}: ${JSON.stringify(done.body)}`).toBeLessThan(300);
  return done.body;
}
const chair = (path: string, body?: unknown) => post(ORG.samenwerkingsverband, "chair", path, body);
const wijkteam = (path: string, body: unknown) => post(ORG.wijkteam, "professional", path, body);
const streamOf = (streamId: string) => service.service.system.store.readStream(streamId);

let born = 0;
/** The school opens a case about a young person of their own; the wijkteam joins it. */
async function caseWithWijkteam(name: string) {
  const opened = await post(ORG.secondarySchool, "professional", "/v1/cases", {
    covenantId: DEMO_COVENANT_ID,
    subject: { name, dateOfBirth: `2012-03-${String(10 + born++)}`, school: "Het Rivierencollege" },
    contact,
    category: "verzuim",
    level: "preventie",
    urgency: "medium",
    description: "Mist sinds maart de maandagen.",
  });
  const caseId = opened.caseId as string;
  await chair(`/v1/cases/${caseId}/invitations`, {
    organisationId: ORG.wijkteam,
    message: "Graag aansluiten",
  });
  await wijkteam(`/v1/cases/${caseId}/participants`, { contact });
  return { caseId, subjectId: opened.subjectId as string };
}

async function plannedSession(day: string) {
  const { sessionId } = await chair("/v1/sessions", {
    covenantId: DEMO_COVENANT_ID,
    startsAt: `${day}T09:00:00Z`,
    endsAt: `${day}T11:00:00Z`,
    location: "Stadhuis",
    plannedOrganisationIds: [ORG.secondarySchool, ORG.wijkteam],
  });
  const add = async (caseId: string, question: string) => {
    const { itemId } = await chair(`/v1/sessions/${sessionId}/agenda`, { caseId, question });
    return `/v1/sessions/${sessionId}/agenda/${itemId}`;
  };
  return { sessionId: sessionId as string, add };
}

const record = (item: string, heldAt: string, minutes: string, decisions: string[]) =>
  chair(`${item}/record`, { heldAt, attendees: [wijkcoach], minutes, decisions });

/** Noah on two sessions: the first item approved after an accepted correction, with an addendum; the second a draft under correction. Sara on the first. */
async function twoSessions() {
  const noah = await caseWithWijkteam("Noah Verhoeven");
  const sara = await caseWithWijkteam("Sara Bakker");
  const first = await plannedSession("2031-05-01");
  const second = await plannedSession("2031-06-05");
  const approved = await first.add(noah.caseId, QUESTION.first);
  const others = await first.add(sara.caseId, OTHER.question);
  const draft = await second.add(noah.caseId, QUESTION.second);
  await record(approved, "2031-05-01T09:30:00Z", MINUTES, ["Huisbezoek"]);
  const { correctionId } = await wijkteam(`${approved}/minutes/corrections`, {
    minutes: CORRECTION,
  });
  await chair(`${approved}/minutes/corrections/${correctionId}/resolve`, { accepted: true });
  await chair(`${approved}/minutes/approve`);
  await wijkteam(`${approved}/minutes/addenda`, { text: ADDENDUM });
  await record(others, "2031-05-01T10:00:00Z", OTHER.minutes, ["Melding"]);
  await record(draft, "2031-06-05T09:30:00Z", DRAFT, []);
  await wijkteam(`${draft}/minutes/corrections`, { minutes: `${DRAFT} Soms.` });
  return { noah: noah.caseId, first, second, subjectId: noah.subjectId };
}

async function reportOf(subjectId: string) {
  const path = `/v1/subjects/${subjectId}/report?covenant=${DEMO_COVENANT_ID}`;
  const report = await call(ORG.samenwerkingsverband, "privacy-officer", "GET", path);
  expect(report.status, JSON.stringify(report.body)).toBe(200);
  return report.body;
}

const named = (organisationId: string) => ({ organisationId, name: expect.any(String) });

describe("the art. 15 report of a young person discussed at sessions", () => {
  test("Given Noah on two sessions' agendas and Sara on the first, when Noah's report is produced, then it holds both his items with minutes, corrections and addenda, and nothing of Sara's", async () => {
    const { noah, first, second, subjectId } = await twoSessions();

    const report = await reportOf(subjectId);

    const [section] = report.cases;
    expect(section.caseId).toBe(noah);
    expect(section.agendaItems).toEqual([
      {
        sessionId: first.sessionId,
        itemId: expect.any(String),
        sessionDate: "2031-05-01T09:00:00Z",
        sessionStatus: "planned",
        question: QUESTION.first,
        addedAt: expect.any(String),
        removedAt: null,
        heldAt: "2031-05-01T09:30:00Z",
        attendedBy: [named(ORG.wijkteam)],
        minutes: CORRECTION,
        minutesStatus: "approved",
        approvedAt: expect.any(String),
        decisions: ["Huisbezoek"],
        corrections: [
          {
            correctionId: expect.any(String),
            proposedBy: named(ORG.wijkteam),
            minutes: CORRECTION,
            proposedAt: expect.any(String),
            status: "accepted",
            resolvedAt: expect.any(String),
          },
        ],
        addenda: [
          {
            addendumId: expect.any(String),
            addedBy: named(ORG.wijkteam),
            text: ADDENDUM,
            addedAt: expect.any(String),
          },
        ],
      },
      expect.objectContaining({
        sessionId: second.sessionId,
        sessionDate: "2031-06-05T09:00:00Z",
        question: QUESTION.second,
        minutes: DRAFT,
        minutesStatus: "draft",
        approvedAt: null,
        decisions: [],
        corrections: [expect.objectContaining({ minutes: `${DRAFT} Soms.`, status: "proposed" })],
        addenda: [],
      }),
    ]);
    const text = JSON.stringify(report);
    for (const of of [OTHER.question, OTHER.minutes, "Melding"]) expect(text).not.toContain(of);
  });

  test("Given Noah's items, when the report is produced, then its read record names each session item and its minutes", async () => {
    const { noah, subjectId } = await twoSessions();

    const report = await reportOf(subjectId);

    const itemIds = report.cases[0].agendaItems.map((item: { itemId: string }) => item.itemId);
    const records = await streamOf(`access-${noah}`);
    const own = records.find((record) => record.data.purpose === "inzageverzoek");
    expect(own?.data.itemIds).toEqual(
      expect.arrayContaining(
        itemIds.flatMap((id: string) => [`session-item:${id}`, `minutes:${id}`]),
      ),
    );
  });

  test("Given Noah's items, when he is erased, then his report reads [erased] for every question, minutes, correction and addendum", async () => {
    const { subjectId } = await twoSessions();
    await post(ORG.samenwerkingsverband, "privacy-officer", `/v1/subjects/${subjectId}/erasure`, {
      covenantId: DEMO_COVENANT_ID,
      reason: "data-subject-request",
    });

    const report = await reportOf(subjectId);

    const [approved, draft] = report.cases[0].agendaItems;
    expect(approved).toMatchObject({
      question: "[erased]",
      minutes: "[erased]",
      decisions: ["[erased]"],
      corrections: [expect.objectContaining({ minutes: "[erased]" })],
      addenda: [expect.objectContaining({ text: "[erased]" })],
    });
    expect(draft).toMatchObject({ question: "[erased]", minutes: "[erased]" });
    const text = JSON.stringify(report);
    for (const plain of [...Object.values(QUESTION), MINUTES, ADDENDUM, DRAFT]) {
      expect(text).not.toContain(plain);
    }
  });

  test("Given Noah's case merged with a second record of him (rule 9), when the report of that record is produced, then it holds his session items too", async () => {
    const { noah, subjectId } = await twoSessions();
    const record = await caseWithWijkteam("Noah Verhoeve");
    await chair("/v1/persons/merges", {
      covenantId: DEMO_COVENANT_ID,
      caseIds: [noah, record.caseId],
      reason: "same-name-and-birth-date",
    });

    const report = await reportOf(record.subjectId);

    expect(report.subjectIds).toContain(subjectId);
    const section = report.cases.find((one: { caseId: string }) => one.caseId === noah);
    expect(section.agendaItems.map((item: { question: string }) => item.question)).toEqual([
      QUESTION.first,
      QUESTION.second,
    ]);
  });
});
