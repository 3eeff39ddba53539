import { describe, expect, test } from "vitest";
import { COVENANT_ID } from "../cases/support/caseApi.js";
import { caseApiForFile } from "../cases/support/scenario.js";
import {
  DESCRIPTION,
  establishAnotherCovenant,
  freshBirthDate,
  freshBsn,
  ORG,
  type Person,
  raise,
  signalAbout,
} from "./support.js";

// Rule 9 at intake: one young person, one open case per covenant, matched on blind indexes.
describe.each(["sqlite", "postgres"] as const)("signal intake on %s", (kind) => {
  const given = caseApiForFile(kind);
  const daan = (fields: Partial<Person> = {}): Person => ({
    givenNames: "Daan",
    surname: "Jansen",
    dateOfBirth: freshBirthDate(),
    ...fields,
  });
  const chairToken = () => given.api.token(ORG.chair, ["chair"]);
  const readCase = async (caseId: string, org: string, roles = ["professional"] as const) =>
    given.api.call("GET", `/v1/cases/${caseId}`, { token: await given.api.token(org, [...roles]) });
  // Read-your-writes: the list is asked at the store's head (Min-Position), as a client that
  // just raised the signal would, not whatever the read models had applied by then.
  const possibleMatches = async (org: string) =>
    given.api.call("GET", `/v1/covenants/${COVENANT_ID}/possible-matches`, {
      token: await given.api.token(org, ["chair", "professional"]),
      headers: { "min-position": String(await given.api.system.store.headPosition()) },
    });

  test("given a school's case about Daan with his BSN, when the police raises a signal with that BSN, then it joins his case and the police learns only the case id and the chair", async () => {
    const { api } = given;
    const bsn = freshBsn();
    const first = await raise(api, ORG.school, signalAbout(daan({ bsn })));
    const police = "Politie ziet Daan 's avonds bij het station met oudere jongens.";

    const second = await raise(
      api,
      ORG.police,
      signalAbout(daan({ bsn, givenNames: "D.", surname: "Janssen" }), undefined, police),
    );

    expect(first.status).toBe(201);
    expect(first.body.outcome).toBe("opened-case");
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      outcome: "joined-existing-case",
      caseId: first.body.caseId,
      chairOrganisationId: ORG.chair,
    });
    // Not the case's revision, which would tell how much happened in it (express's body hash is fine).
    expect(second.headers.get("etag") ?? "").not.toMatch(/^"\d+"$/);
    expect(second.headers.get("location")).toBeNull();
    const events = await api.caseEvents(first.body.caseId);
    const raised = events.filter((event) => event.type === "SignalRaised").map((e) => e.data);
    expect(raised).toHaveLength(2);
    expect(raised[1]).toMatchObject({ raisedBy: ORG.police, matchedOn: "bsn" });
    expect(events.some((event) => event.type === "PartnerJoined")).toBe(false);
  });

  test("given a matched signal, then the chair sees it and who raised it, and the raiser is no participant", async () => {
    const { api } = given;
    const person = daan({ surname: "Özdemir", tussenvoegsel: undefined });
    const first = await raise(api, ORG.school, signalAbout(person));
    const police = "Melding politie over Daan bij het winkelcentrum.";

    await raise(api, ORG.police, signalAbout({ ...person, surname: "OZDEMIR" }, undefined, police));

    const chair = await api.call("GET", `/v1/cases/${first.body.caseId}`, {
      token: await chairToken(),
    });
    expect(chair.status).toBe(200);
    const signal = chair.body.signals.find((s: { raisedBy: string }) => s.raisedBy === ORG.police);
    expect(signal).toMatchObject({ raisedBy: ORG.police, description: police });
    expect(
      chair.body.participants.map((p: { organisationId: string }) => p.organisationId),
    ).toEqual([ORG.school]);
    expect((await readCase(first.body.caseId, ORG.police)).status).toBe(404);
    const school = await readCase(first.body.caseId, ORG.school);
    const seenBySchool = school.body.signals.find(
      (s: { raisedBy: string }) => s.raisedBy === ORG.police,
    );
    expect(seenBySchool.description).toBeNull();
  });

  test("given tussenvoegsel typed another way (Berg, van der), then the full name still matches strongly", async () => {
    const { api } = given;
    const person = daan({ tussenvoegsel: "van der", surname: "Berg" });
    const first = await raise(api, ORG.school, signalAbout(person));

    const second = await raise(
      api,
      ORG.wijkteam,
      signalAbout({ ...person, tussenvoegsel: undefined, surname: "Berg, van der" }),
    );

    expect(second.status).toBe(200);
    expect(second.body.caseId).toBe(first.body.caseId);
  });

  test("given a weak match only (Vd Berg for van der Berg), then a new case opens for a new subject and the chair alone sees the possible match", async () => {
    const { api } = given;
    const person = daan({ tussenvoegsel: "van der", surname: "Berg" });
    const first = await raise(api, ORG.school, signalAbout(person));

    const second = await raise(
      api,
      ORG.police,
      signalAbout({ ...person, tussenvoegsel: undefined, surname: "Vd Berg" }),
    );

    expect(second.status).toBe(201);
    expect(second.body.caseId).not.toBe(first.body.caseId);
    expect(second.body.subjectId).not.toBe(first.body.subjectId);
    const listed = await possibleMatches(ORG.chair);
    expect(listed.status).toBe(200);
    expect(listed.body.possibleMatches).toContainEqual({
      matchId: expect.any(String),
      kind: "surname-dob",
      cases: [
        { caseId: second.body.caseId, subjectId: second.body.subjectId },
        { caseId: first.body.caseId, subjectId: first.body.subjectId },
      ],
      foundAt: expect.any(String),
    });
    // Neither case's partners learn of the other: not from the list, not from the cases.
    for (const org of [ORG.school, ORG.police]) {
      expect((await possibleMatches(org)).status).toBe(403);
    }
    expect((await readCase(first.body.caseId, ORG.police)).status).toBe(404);
    expect((await readCase(second.body.caseId, ORG.school)).status).toBe(404);
    const policeView = await readCase(second.body.caseId, ORG.police);
    expect(JSON.stringify(policeView.body)).not.toContain(first.body.caseId);
  });

  test("given no match (another birth date), then a new case opens and no possible match is noted", async () => {
    const { api } = given;
    const first = await raise(api, ORG.school, signalAbout(daan()));
    const before = (await possibleMatches(ORG.chair)).body.possibleMatches.length;

    const second = await raise(api, ORG.police, signalAbout(daan()));

    expect(second.status).toBe(201);
    expect(second.body.subjectId).not.toBe(first.body.subjectId);
    expect((await possibleMatches(ORG.chair)).body.possibleMatches).toHaveLength(before);
  });

  test("given Daan's case in one covenant, when a signal with his BSN is raised in another, then it never matches across covenants", async () => {
    const { api } = given;
    const person = daan({ bsn: freshBsn() });
    const first = await raise(api, ORG.school, signalAbout(person));
    const other = await establishAnotherCovenant(api);

    const second = await raise(api, ORG.school, signalAbout(person, other));

    expect(second.status).toBe(201);
    expect(second.body.caseId).not.toBe(first.body.caseId);
    expect(second.body.subjectId).not.toBe(first.body.subjectId);
  });

  test("given Daan's case was closed, when a new signal about him arrives, then a new case opens for the same subject", async () => {
    const { api } = given;
    const person = daan({ bsn: freshBsn() });
    const first = await raise(api, ORG.school, signalAbout(person));
    const closed = await api.call("POST", `/v1/cases/${first.body.caseId}/closure`, {
      token: await chairToken(),
      body: { outcome: "resolved", reason: "Het gaat weer goed." },
    });
    expect(closed.status).toBe(201);

    const second = await raise(api, ORG.police, signalAbout(person));

    expect(second.status).toBe(201);
    expect(second.body.caseId).not.toBe(first.body.caseId);
    expect(second.body.subjectId).toBe(first.body.subjectId);
  });

  test("given a partner kind that may not use the BSN, when it sends one, then 422 names the rule and nothing is written", async () => {
    const { api } = given;
    const head = await api.system.store.headPosition();

    const refused = await raise(api, ORG.jongerenwerk, signalAbout(daan({ bsn: freshBsn() })));

    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("bsn-partner-kind");
    expect(await api.system.store.headPosition()).toBe(head);
  });

  test("given a matched signal, then its answer carries no personal data and nothing of the case", async () => {
    const { api } = given;
    const person = daan({ bsn: freshBsn(), givenNames: "Mohamed Amine", surname: "El Amrani" });
    const first = await raise(api, ORG.school, signalAbout(person));

    const second = await raise(api, ORG.police, signalAbout(person));

    const answer = JSON.stringify(second.body);
    for (const secret of ["Mohamed", "Amrani", person.dateOfBirth, person.bsn!, DESCRIPTION]) {
      expect(answer).not.toContain(secret);
    }
    expect(answer).not.toContain(first.body.subjectId);
    expect(Object.keys(second.body).sort()).toEqual(["caseId", "chairOrganisationId", "outcome"]);
  });

  test("given eight signals at once about one new young person, then one case opens and the others join it", async () => {
    const { api } = given;
    const person = daan({ bsn: freshBsn() });
    const raisers = [ORG.school, ORG.police, ORG.wijkteam, ORG.leerplicht];

    const answers = await Promise.all(
      [...raisers, ...raisers].map((org) => raise(api, org, signalAbout(person))),
    );

    const opened = answers.filter((answer) => answer.status === 201);
    const joined = answers.filter((answer) => answer.status === 200);
    expect(opened).toHaveLength(1);
    expect(joined).toHaveLength(7);
    for (const answer of joined) expect(answer.body.caseId).toBe(opened[0]!.body.caseId);
    const events = await api.caseEvents(opened[0]!.body.caseId);
    expect(events.filter((event) => event.type === "SignalRaised")).toHaveLength(8);
  });
});
