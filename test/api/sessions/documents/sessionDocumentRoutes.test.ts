import { describe, expect, test } from "vitest";
import { COVENANT_ID, ORG } from "../../cases/support/caseApi.js";
import {
  anotherYoungPerson,
  caseApiForFile,
  join,
  openCaseBody,
} from "../../cases/support/scenario.js";
import { icsValue } from "./icsLines.js";
import { pdfText } from "./pdfText.js";

// A casustafel with three young people on the agenda, where the police is in two of the cases
// and attends one item: each organisation's PDF shows exactly what the policy lets it see.

const given = caseApiForFile();
const young = ["Yıldız Şahin", "Bram Kowalczyk", "Noor El Idrissi"] as const;
const questions = ["Hoe houden we Yıldız uit beeld?", "Wie spreekt Bram aan?", "Past hulp thuis?"];
const minutes = [
  "Yıldız is gezien bij het plein.",
  "Bram erkent de diefstal.",
  "Noor slaapt slecht.",
];

async function openCase(name: string, partners: [string, string][]) {
  const { api, tokens } = given;
  const body = { ...openCaseBody(), subject: { ...anotherYoungPerson(), name } };
  const opened = await api.call("POST", "/v1/cases", { token: tokens.school, body });
  const caseId = opened.body.caseId as string;
  for (const [organisationId, token] of partners)
    await join(api, tokens, caseId, organisationId, token);
  return caseId;
}

/** Cases of the three; the police is in the first two, and attends only the second item. */
async function heldSession() {
  const { api, tokens } = given;
  const caseIds = [
    await openCase(young[0], [
      [ORG.wijkteam, tokens.wijkteam],
      [ORG.police, tokens.police],
    ]),
    await openCase(young[1], [[ORG.police, tokens.police]]),
    await openCase(young[2], [[ORG.wijkteam, tokens.wijkteam]]),
  ];
  const plan = await api.call("POST", "/v1/sessions", {
    token: tokens.chair,
    body: {
      covenantId: COVENANT_ID,
      startsAt: "2031-05-01T09:00:00+02:00",
      endsAt: "2031-05-01T11:00:00+02:00",
      location: "Stadhuis, zaal 3",
      plannedOrganisationIds: [ORG.school, ORG.wijkteam, ORG.police],
    },
  });
  const sessionId = plan.body.sessionId as string;
  const itemIds: string[] = [];
  for (const [index, caseId] of caseIds.entries()) {
    const added = await api.call("POST", `/v1/sessions/${sessionId}/agenda`, {
      token: tokens.chair,
      body: { caseId, question: questions[index] },
    });
    itemIds.push(added.body.itemId as string);
  }
  const attendees = [
    [ORG.school, ORG.wijkteam],
    [ORG.school, ORG.police],
    [ORG.school, ORG.wijkteam],
  ];
  for (const [index, itemId] of itemIds.entries()) {
    const recorded = await api.call("POST", `/v1/sessions/${sessionId}/agenda/${itemId}/record`, {
      token: tokens.chair,
      body: {
        heldAt: "2031-05-01T09:30:00+02:00",
        attendees: attendees[index]!.map((organisationId) => ({
          organisationId,
          userId: `user-${index}`,
          confidentialityAcknowledged: true,
        })),
        minutes: minutes[index],
        decisions: [`Besluit ${index + 1}`],
        agreements: [
          {
            what: `Afspraak ${index + 1}`,
            ownerOrganisationId: attendees[index]![1],
            owner: { name: `Eigenaar ${index + 1}`, function: "coördinator", reach: "06-12345678" },
            dueDate: "2031-05-15",
          },
        ],
      },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  }
  return { sessionId, caseIds, itemIds };
}

async function download(sessionId: string, document: string, token: string) {
  const head = (await given.api.system.store.headPosition()).toString();
  return fetch(`${given.api.url}/v1/sessions/${sessionId}/${document}`, {
    headers: { authorization: `Bearer ${token}`, "min-position": head },
  });
}
const textOf = async (response: Response) => pdfText(Buffer.from(await response.arrayBuffer()));

describe("the minutes PDF of a session with three young people", () => {
  test("Given the police attended only the second item, when it downloads the minutes, then it sees that item's content and nothing of the others", async () => {
    const { sessionId } = await heldSession();

    const response = await download(sessionId, "minutes.pdf", given.tokens.police);

    expect(response.status).toBe(200);
    const text = await textOf(response);
    expect(text).toContain("Agendapunt 1: niet bijgewoond");
    expect(text).toContain(`Agendapunt 2: ${young[1]}`);
    expect(text).toContain(`Vraag aan de tafel: ${questions[1]}`);
    expect(text).toContain(minutes[1]);
    expect(text).toContain("Concept: nog niet vastgesteld door de voorzitter.");
    expect(text).toContain("• Besluit 2");
    expect(text).toContain("Afspraak 2 — Eigenaar:");
    expect(text).toContain("(Eigenaar 2)");
    for (const hidden of [young[0], young[2], questions[0], questions[2], minutes[0], minutes[2]]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).not.toContain("Besluit 1");
    expect(text).not.toContain("Afspraak 1");
    expect(text).not.toContain("Eigenaar 1");
    expect(text).not.toContain("Agendapunt 3");
  });

  test("Given the wijkteam attended the first and third items, then its minutes hold those two and not the police's item", async () => {
    const { sessionId } = await heldSession();

    const text = await textOf(await download(sessionId, "minutes.pdf", given.tokens.wijkteam));

    expect(text).toContain(`Agendapunt 1: ${young[0]}`);
    expect(text).toContain(minutes[0]);
    expect(text).toContain(`Agendapunt 2: ${young[2]}`);
    expect(text).toContain(minutes[2]);
    for (const hidden of [young[1], questions[1], minutes[1], "Besluit 2"]) {
      expect(text).not.toContain(hidden);
    }
  });

  test("Given the police downloads the minutes, then the access records name exactly the items its PDF shows", async () => {
    const { sessionId, caseIds, itemIds } = await heldSession();
    const before = await Promise.all(
      caseIds.map(async (id) => (await given.api.accessRecords(id)).length),
    );

    await download(sessionId, "minutes.pdf", given.tokens.police);

    const added = await Promise.all(
      caseIds.map(async (id, i) => (await given.api.accessRecords(id)).slice(before[i])),
    );
    expect(added[0]).toEqual([]);
    expect(added[1]).toHaveLength(1);
    expect(added[1]![0]!.itemIds).toEqual(
      expect.arrayContaining(["subject", `session-item:${itemIds[1]}`, `minutes:${itemIds[1]}`]),
    );
    expect(added[2]).toEqual([]);
  });
});

describe("the agenda PDF", () => {
  test("Given the police is in two of the three cases, then its agenda lists those two with their questions and not the third", async () => {
    const { sessionId } = await heldSession();

    const text = await textOf(await download(sessionId, "agenda.pdf", given.tokens.police));

    expect(text).toContain(`Agendapunt 1: ${young[0]} Vraag aan de tafel: ${questions[0]}`);
    expect(text).toContain(`Agendapunt 2: ${young[1]} Vraag aan de tafel: ${questions[1]}`);
    expect(text).toContain("Waar: Stadhuis, zaal 3");
    expect(text).toContain("Wanneer: donderdag 1 mei 2031 om 09:00 – 11:00");
    for (const hidden of [young[2], questions[2], ...minutes]) expect(text).not.toContain(hidden);
  });
});

describe("the invite of a session", () => {
  test("Given the session is rescheduled and then cancelled, then the invite keeps its UID, its SEQUENCE rises, and it ends as a cancellation", async () => {
    const { api, tokens } = given;
    const planned = await api.call("POST", "/v1/sessions", {
      token: tokens.chair,
      body: {
        covenantId: COVENANT_ID,
        startsAt: "2031-06-01T09:00:00+02:00",
        endsAt: "2031-06-01T11:00:00+02:00",
        videoLink: "https://video.example.nl/casustafel",
        plannedOrganisationIds: [ORG.police],
      },
    });
    const later = planned.body.sessionId as string;
    const first = await (await download(later, "invite.ics", tokens.police)).text();
    await api.call("POST", `/v1/sessions/${later}/reschedule`, {
      token: tokens.chair,
      body: {
        startsAt: "2031-06-08T09:00:00+02:00",
        endsAt: "2031-06-08T11:00:00+02:00",
        reason: "Vakantie",
      },
    });
    const moved = await (await download(later, "invite.ics", tokens.police)).text();
    await api.call("POST", `/v1/sessions/${later}/cancel`, {
      token: tokens.chair,
      body: { reason: "Geen zaken" },
    });
    const cancelled = await (await download(later, "invite.ics", tokens.police)).text();

    expect(icsValue(first, "UID")).toBe(`session-${later}@casustafel`);
    expect(icsValue(moved, "UID")).toBe(icsValue(first, "UID"));
    expect(Number(icsValue(moved, "SEQUENCE"))).toBeGreaterThan(
      Number(icsValue(first, "SEQUENCE")),
    );
    expect(icsValue(moved, "DTSTART")).toBe("20310608T070000Z");
    expect(icsValue(moved, "LOCATION")).toBe("https://video.example.nl/casustafel");
    expect(Number(icsValue(cancelled, "SEQUENCE"))).toBeGreaterThan(
      Number(icsValue(moved, "SEQUENCE")),
    );
    expect(icsValue(cancelled, "STATUS")).toBe("CANCELLED");
    expect(icsValue(cancelled, "METHOD")).toBe("CANCEL");
  });

  test("Given a held session with three young people, then its invite carries no name, question or minutes", async () => {
    const { sessionId } = await heldSession();

    const ics = await (await download(sessionId, "invite.ics", given.tokens.school)).text();

    expect(icsValue(ics, "SUMMARY")).toBe("Casustafel Veilig in en om de school");
    for (const personal of [...young, ...questions, ...minutes, "Noah", "Yıldız", "Bram", "Noor"]) {
      expect(ics).not.toContain(personal);
    }
  });
});
