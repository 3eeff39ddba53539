import { describe, expect, test } from "vitest";
import { themeReadRecordsFrom } from "../../../src/privacy/themeReads.js";
import { COVENANT_ID, ORG } from "../cases/support/caseApi.js";
import { caseApiForFile, openCaseBody, SUBJECT } from "../cases/support/scenario.js";
import { pdfText } from "../sessions/documents/pdfText.js";

// Themes over HTTP on the real SQLite store: signals about a phenomenon, never about a person.

const given = caseApiForFile();
const TITLE = "Messen rond het station na schooltijd";
const DESCRIPTION = "Leerlingen melden dat oudere jongens bij het station messen laten zien.";

const raiseBody = (fields: Record<string, unknown> = {}) => ({
  covenantId: COVENANT_ID,
  title: TITLE,
  description: DESCRIPTION,
  category: "wapens",
  level: "preventie",
  places: { organisationIds: [ORG.school], area: "Stationsplein" },
  ...fields,
});

async function raise(token: string, fields: Record<string, unknown> = {}) {
  const raised = await given.api.call("POST", "/v1/themes", { token, body: raiseBody(fields) });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);
  return raised.body.themeId as string;
}

/** Reads after every write so far (Min-Position at the store's head). */
async function get(path: string, token: string) {
  const head = (await given.api.system.store.headPosition()).toString();
  return given.api.call("GET", path, { token, headers: { "min-position": head } });
}

async function session() {
  const plan = await given.api.call("POST", "/v1/sessions", {
    token: given.tokens.chair,
    body: {
      covenantId: COVENANT_ID,
      startsAt: "2031-03-01T15:00:00+01:00",
      endsAt: "2031-03-01T17:00:00+01:00",
      location: "Stadhuis",
      plannedOrganisationIds: [ORG.school, ORG.police],
    },
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  return plan.body.sessionId as string;
}

describe("raising a theme", () => {
  test("Given a school, when it raises a theme for the covenant, then every member sees it and a stranger gets 404", async () => {
    const { tokens } = given;
    const themeId = await raise(tokens.school);
    const byPolice = await get(`/v1/themes/${themeId}`, tokens.police);
    expect(byPolice.status).toBe(200);
    expect(byPolice.body).toMatchObject({ title: TITLE, category: "wapens", raisedBy: ORG.school });
    const outsider = await given.api.token("org-elders", ["professional"]);
    expect((await get(`/v1/themes/${themeId}`, outsider)).status).toBe(404);
    const stored = await given.api.system.store.readStream(`theme-${themeId}`);
    expect(JSON.stringify(stored.map((e) => e.data))).not.toContain(DESCRIPTION);
  });

  test.each([
    ["subject", { name: SUBJECT.name }],
    ["bsn", "111222333"],
    ["name", SUBJECT.name],
    ["dateOfBirth", SUBJECT.dateOfBirth],
  ])(
    "Given a theme with a field %s that identifies a person, then it is refused with 400 naming the field",
    async (field, value) => {
      const refused = await given.api.call("POST", "/v1/themes", {
        token: given.tokens.school,
        body: raiseBody({ [field]: value }),
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain(field);
      expect(JSON.stringify(refused.body)).not.toContain(SUBJECT.name);
    },
  );

  test("Given a description with a BSN in it, then it is refused with 422 theme-bsn naming the field, not the number", async () => {
    const refused = await given.api.call("POST", "/v1/themes", {
      token: given.tokens.school,
      body: raiseBody({ description: "Gaat om leerling 1112.22.333 van klas 2b." }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe("theme-bsn");
    expect(JSON.stringify(refused.body)).toContain("description");
    expect(JSON.stringify(refused.body)).not.toContain("1112.22.333");
  });
});

describe("a theme restricted to named members", () => {
  test("Given a theme for the school and the police, when the wijkteam asks, then it does not exist; the police's read is recorded", async () => {
    const { api, tokens } = given;
    const themeId = await raise(tokens.school, {
      audience: { kind: "members", organisationIds: [ORG.police] },
    });
    expect((await get(`/v1/themes/${themeId}`, tokens.wijkteam)).status).toBe(404);
    const listed = await get(`/v1/themes?covenant=${COVENANT_ID}`, tokens.wijkteam);
    expect(listed.body.themes.map((t: { themeId: string }) => t.themeId)).not.toContain(themeId);
    const byPolice = await get(`/v1/themes/${themeId}`, tokens.police);
    expect(byPolice.status).toBe(200);
    const requestId = byPolice.headers.get("x-request-id");
    const events = await api.system.store.readAll({ limit: Number.MAX_SAFE_INTEGER });
    const records = events.flatMap(themeReadRecordsFrom);
    expect(records.filter((r) => r.correlationId === requestId)).toEqual([
      expect.objectContaining({
        themeId,
        organisationId: ORG.police,
        itemIds: [`theme:${themeId}`],
      }),
    ]);
  });
});

describe("the purpose a theme's reader states", () => {
  test("Given a theme restricted to the police, when the police read it without a purpose, with toezicht, or with one it may not state, then the record says werkgroep, then toezicht, and the third is a 400 recorded nowhere", async () => {
    const { api, tokens } = given;
    const themeId = await raise(tokens.school, {
      audience: { kind: "members", organisationIds: [ORG.police] },
    });
    const head = async () => (await api.system.store.headPosition()).toString();
    const read = async (headers: Record<string, string> = {}, query = "") =>
      api.call("GET", `/v1/themes/${themeId}${query}`, {
        token: tokens.police,
        headers: { "min-position": await head(), ...headers },
      });
    const purposesOf = async () => {
      const events = await api.system.store.readAll({ limit: Number.MAX_SAFE_INTEGER });
      return events
        .flatMap(themeReadRecordsFrom)
        .filter((record) => record.themeId === themeId)
        .map((record) => record.purpose);
    };

    expect((await read()).status).toBe(200);
    expect((await read({ "Purpose-Of-Use": "toezicht" })).status).toBe(200);
    expect((await read({}, "?purposeOfUse=werkgroep")).status).toBe(200);
    const refused = await read({}, "?purposeOfUse=nieuwsgierig");

    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ in: "query", path: "/purposeOfUse" }),
    ]);
    expect(await purposesOf()).toEqual(["werkgroep", "toezicht", "werkgroep"]);
  });
});

describe("the werkgroep and its collective actions", () => {
  test("Given a theme on a werkgroep agenda, when the chair records minutes and two actions, then each owner's worklist and the chair's overview list them", async () => {
    const { tokens } = given;
    const themeId = await raise(tokens.school);
    const sessionId = await session();
    const call = (path: string, body: unknown, token = tokens.chair) =>
      given.api.call("POST", `/v1/themes/${themeId}${path}`, { token, body });
    expect((await call("/agenda", { sessionId })).status).toBe(200);
    const discussed = await call("/discussions", {
      sessionId,
      minutes: "Politie surveilleert; Halt geeft voorlichting.",
      decisions: ["Extra surveillance na schooltijd"],
    });
    expect(discussed.status, JSON.stringify(discussed.body)).toBe(200);
    const action = (ownerOrganisationId: string, what: string) =>
      call("/actions", { sessionId, what, ownerOrganisationId, dueDate: "2020-01-01" });
    const police = await action(ORG.police, "Surveillance bij het station na schooltijd");
    const school = await action(ORG.school, "Les over wapenbezit in alle eerste klassen");
    expect([police.status, school.status]).toEqual([201, 201]);

    const worklist = await get("/v1/worklist", tokens.police);
    const entries = worklist.body.sections.flatMap((s: { entries: unknown[] }) => s.entries);
    expect(entries).toContainEqual(
      expect.objectContaining({
        kind: "action-due",
        themeId,
        itemId: police.body.actionId,
        overdue: true,
      }),
    );
    expect(entries.map((e: { itemId: string }) => e.itemId)).not.toContain(school.body.actionId);
    const overview = await get("/v1/collective-actions", tokens.chair);
    const ids = overview.body.actions.map((a: { actionId: string }) => a.actionId);
    expect(ids).toEqual(expect.arrayContaining([police.body.actionId, school.body.actionId]));

    const byWrongOwner = await call(
      `/actions/${police.body.actionId}/complete`,
      { outcome: "Klaar" },
      tokens.school,
    );
    expect(byWrongOwner.status).toBe(403);
    const done = await call(
      `/actions/${police.body.actionId}/complete`,
      { outcome: "Vier weken gesurveilleerd" },
      tokens.police,
    );
    expect(done.status).toBe(200);
    const after = await get("/v1/collective-actions", tokens.police);
    expect(after.body.actions.map((a: { actionId: string }) => a.actionId)).not.toContain(
      police.body.actionId,
    );
  });
  test("Given an open theme and one the police restricted to the chair on a werkgroep agenda, when the session is read, then each organisation finds the themes it may see, by id and link only", async () => {
    const { tokens } = given;
    const open = await raise(tokens.school);
    const restricted = await raise(tokens.police, {
      audience: { kind: "members", organisationIds: [ORG.chair] },
    });
    const sessionId = await session();
    for (const themeId of [open, restricted]) {
      const put = await given.api.call("POST", `/v1/themes/${themeId}/agenda`, {
        token: tokens.chair,
        body: { sessionId },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
    const themesOf = async (token: string) => {
      const read = await get(`/v1/sessions/${sessionId}`, token);
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      return read.body.themes as { themeId: string; link: string }[];
    };
    expect(await themesOf(tokens.police)).toEqual(
      expect.arrayContaining([
        { themeId: open, link: `/v1/themes/${open}` },
        { themeId: restricted, link: `/v1/themes/${restricted}` },
      ]),
    );
    // The school is planned for the session but not among the restricted theme's members.
    expect(await themesOf(tokens.school)).toEqual([{ themeId: open, link: `/v1/themes/${open}` }]);
  });
});

describe("trends and the newsletter overview", () => {
  test("Given themes, then trends count them by category, school and month, apart from young people; the PDF names no person", async () => {
    const { tokens } = given;
    await given.api.call("POST", "/v1/cases", { token: tokens.school, body: openCaseBody() });
    const themeId = await raise(tokens.school, {
      category: "polarisatie",
      title: "Polarisatie in klas 3",
    });
    const month = new Date().toISOString().slice(0, 7);
    const trends = await get(`/v1/trends/themes?covenant=${COVENANT_ID}`, tokens.chair);
    expect(trends.status).toBe(200);
    expect(trends.body.cells).toContainEqual({
      category: "polarisatie",
      school: ORG.school,
      month,
      themes: 1,
    });
    const pdf = await fetch(`${given.api.url}/v1/theme-overview.pdf?covenant=${COVENANT_ID}`, {
      headers: { authorization: `Bearer ${tokens.chair}` },
    });
    expect(pdf.status).toBe(200);
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain("Polarisatie in klas 3");
    for (const personal of [SUBJECT.name, SUBJECT.school, SUBJECT.dateOfBirth]) {
      expect(text).not.toContain(personal);
    }
    expect(themeId).toBeTruthy();
  });
});

describe("a theme that turns out to be about one young person", () => {
  test("Given a theme, when a case is opened from it, then the theme keeps only the link and its stream holds no personal data", async () => {
    const { api, tokens } = given;
    const themeId = await raise(tokens.school);
    await get(`/v1/themes/${themeId}`, tokens.school);
    const { covenantId: _c, ...signal } = openCaseBody();
    const opened = await api.call("POST", `/v1/themes/${themeId}/case`, {
      token: tokens.school,
      body: {
        ...signal,
        subject: { name: "Sem de Wit", dateOfBirth: "2011-02-03", school: "Het Baken" },
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const theme = await get(`/v1/themes/${themeId}`, tokens.school);
    expect(theme.body).toMatchObject({
      status: "became-case",
      caseId: opened.body.caseId,
      title: null,
      description: null,
    });
    const byPolice = await get(`/v1/themes/${themeId}`, tokens.police);
    expect(byPolice.body.caseId).toBeNull();
    const events = await api.system.store.readStream(`theme-${themeId}`);
    const stored = JSON.stringify(events.map((e) => e.data));
    for (const personal of ["Sem de Wit", "2011-02-03", "Het Baken"])
      expect(stored).not.toContain(personal);
    const decoded = await api.system.resources.codec.decode(
      `theme-${themeId}`,
      "ThemeRaised",
      events[0]!.data,
    );
    expect(decoded.description).toBe("[erased]");
  });

  test("Given a theme, when opening its case is retried with the same Idempotency-Key, then the retry answers as the first time; without the key it is refused before any second case is opened", async () => {
    const { api, tokens } = given;
    const themeId = await raise(tokens.school);
    const { covenantId: _c, ...signal } = openCaseBody();
    const body = {
      ...signal,
      subject: { name: "Noor de Wit", dateOfBirth: "2011-04-05", school: "Het Baken" },
    };
    const keyed = { "idempotency-key": `theme-case-${themeId}` };
    const post = (headers: Record<string, string> = {}) =>
      api.call("POST", `/v1/themes/${themeId}/case`, { token: tokens.school, body, headers });
    const first = await post(keyed);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const opened = async () =>
      (await api.system.store.readAll({ limit: 100_000 })).filter((e) => e.type === "CaseOpened")
        .length;
    const before = await opened();
    const retry = await post(keyed);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.body).toEqual(first.body);
    const unkeyed = await post();
    expect(unkeyed.status).toBe(409);
    expect(unkeyed.body).toMatchObject({ rule: "theme-became-case" });
    expect(await opened()).toBe(before);
  });
});
