import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { NotPermitted } from "../../src/domain/index.js";
import {
  accessRecordsFrom,
  recordAccess,
  storeAccessRecorder,
} from "../../src/privacy/accessRecords.js";
import { type AccessLog, openAccessLog } from "../../src/projections/accessLog/accessLog.js";
import type { Projector } from "../../src/projections/projector.js";
import { produceSubjectReport } from "../../src/projections/subjectReport/report.js";
import {
  createSubjectIndex,
  type SubjectIndex,
} from "../../src/projections/subjectReport/subjectIndex.js";
import { storeSubjectRecords } from "../../src/projections/subjectReport/subjectRecords.js";
import { COVENANT_ID, chair, NECESSITY, ORG } from "../domain/fixtures.js";
import {
  type AuditWorld,
  caseScript,
  caseWithPartners,
  covenantOfficer,
  privacyOfficer,
  professional,
  projectorOver,
  SHARED_CONTENT,
  SIGNAL_TEXT,
  settled,
  sqliteAuditWorld,
} from "../privacy/auditWorld.js";
import { meetingWithAgreement } from "../privacy/meeting.js";

const MINUTES = "Besproken: verzuim op maandag en de groep bij het station.";
const AGREEMENT = "Wijkteam gaat op huisbezoek bij moeder";

let world: AuditWorld;
let projector: Projector;
let index: SubjectIndex;
let log: AccessLog;
let script: ReturnType<typeof caseScript>;
let later: ReturnType<typeof caseScript>;

beforeEach(async () => {
  // Given a young person's case: the school shared with the wijkteam and with leerplicht, a
  // meeting was held, an agreement made; the wijkteam and leerplicht read the case. A second
  // case about the same young person was opened later; another young person has a case too.
  world = await sqliteAuditWorld();
  script = caseScript();
  await caseWithPartners(world, script);
  await world.run(script.share({ shareId: "share-wijkteam" }));
  await world.run(script.shareWithLeerplicht({ shareId: "share-leerplicht" }));
  const meeting = meetingWithAgreement(script.caseId, {
    agenda: "Verzuim",
    minutes: MINUTES,
    decisions: ["Huisbezoek"],
    agreement: {
      what: AGREEMENT,
      ownerOrganisationId: ORG.wijkteam,
      owner: { name: "Ine Bakker", function: "wijkcoach", reach: "06-12345678" },
      dueDate: "2025-04-01",
    },
  });
  for (const command of meeting) await world.run(command);
  later = caseScript({ subjectId: script.subjectId });
  await world.run(later.open({ category: "pesten" }));
  await caseWithPartners(world, caseScript());
  index = createSubjectIndex();
  log = await openAccessLog(world.modelTables);
  projector = await projectorOver(world, index, log);
  const read = (organisationId: string, purpose: string, now: string) =>
    recordAccess(world.store, {
      actor: professional(organisationId),
      caseId: script.caseId,
      subjectId: script.subjectId,
      covenantId: COVENANT_ID,
      itemIds: ["header", "share-wijkteam"],
      purpose,
      now,
    });
  await read(ORG.wijkteam, "casusoverleg", "2025-03-21T08:30:00.000Z");
  await read(ORG.leerplicht, "verzuimaanpak", "2025-03-22T11:00:00.000Z");
  await settled(world, projector);
});

afterEach(async () => {
  await projector.stop();
  await world.close();
});

const readsOf = async (caseId: string) =>
  (await world.store.readAll({ limit: Number.MAX_SAFE_INTEGER }))
    .flatMap(accessRecordsFrom)
    .filter((record) => record.caseId === caseId);

const report = async (viewer = covenantOfficer) =>
  produceSubjectReport(
    {
      records: storeSubjectRecords(world.store, world.codec),
      index,
      reads: log,
      accessRecorder: storeAccessRecorder(world.store),
    },
    {
      viewer,
      covenant: await world.covenant(),
      subjectId: script.subjectId,
      now: "2025-05-01T12:00:00.000Z",
    },
  );

describe("subject access report (rule 6)", () => {
  test("lists the data held, its sources, the actual recipients of each share, purposes and legal bases", async () => {
    const produced = await report();

    expect(produced).toMatchObject({
      subjectId: script.subjectId,
      covenantId: COVENANT_ID,
      erasure: null,
    });
    expect(produced.cases.map((section) => section.caseId)).toEqual([script.caseId, later.caseId]);
    const [section] = produced.cases;
    expect(section?.subject).toEqual({
      name: "Sam de Vries",
      dateOfBirth: "2011-01-15",
      school: "Het Baken",
    });
    expect(section?.openedBy).toEqual({
      organisationId: ORG.school,
      name: `Organisatie ${ORG.school}`,
    });
    expect(section?.signals).toEqual([
      expect.objectContaining({
        category: "verzuim",
        description: SIGNAL_TEXT,
        source: section?.openedBy,
      }),
    ]);
    expect(section?.shares.map((share) => share.recipients)).toEqual([
      [{ organisationId: ORG.wijkteam, name: `Organisatie ${ORG.wijkteam}` }],
      [{ organisationId: ORG.leerplicht, name: `Organisatie ${ORG.leerplicht}` }],
    ]);
    expect(section?.shares[0]).toMatchObject({
      source: { organisationId: ORG.school },
      dataCategories: ["signaal", "school"],
      legalBasis: { legalBasisId: "avg-6-1-e-publieke-taak", citation: expect.any(String) },
      purpose: { purposeId: "veiligheid-school", description: "Veiligheid in en om de school" },
      necessity: NECESSITY,
      content: SHARED_CONTENT,
    });
    expect(section?.meetings).toEqual([
      {
        meetingId: "m-1",
        heldAt: "2025-03-20T14:00:00.000Z",
        minutes: MINUTES,
        decisions: ["Huisbezoek"],
      },
    ]);
    expect(section?.agreements[0]).toMatchObject({
      what: AGREEMENT,
      owner: { organisationId: ORG.wijkteam },
    });
    expect(section?.participants.map((participant) => participant.organisationId)).toEqual(
      expect.arrayContaining([ORG.school, ORG.wijkteam, ORG.police, ORG.leerplicht]),
    );
  });

  test("lists the dates and purposes of reads, by organisation, without the reading employee", async () => {
    const produced = await report();

    expect(produced.reads).toEqual([
      {
        date: "2025-03-21",
        organisation: { organisationId: ORG.wijkteam, name: `Organisatie ${ORG.wijkteam}` },
        purpose: "casusoverleg",
        caseId: script.caseId,
        reads: 1,
        firstReadAt: "2025-03-21T08:30:00.000Z",
        lastReadAt: "2025-03-21T08:30:00.000Z",
      },
      {
        date: "2025-03-22",
        organisation: { organisationId: ORG.leerplicht, name: `Organisatie ${ORG.leerplicht}` },
        purpose: "verzuimaanpak",
        caseId: script.caseId,
        reads: 1,
        firstReadAt: "2025-03-22T11:00:00.000Z",
        lastReadAt: "2025-03-22T11:00:00.000Z",
      },
    ]);
    expect(JSON.stringify(produced.reads)).not.toContain("user-");
  });

  test("producing the report is itself a read: a record with purpose inzageverzoek per case, before it returns", async () => {
    await report();

    expect(await readsOf(later.caseId)).toEqual([
      expect.objectContaining({
        userId: covenantOfficer.userId,
        purpose: "inzageverzoek",
        readAt: "2025-05-01T12:00:00.000Z",
      }),
    ]);
  });

  test("its read record names the items as a case read does, so the access log has one vocabulary", async () => {
    await report();

    const own = (await readsOf(script.caseId)).find((record) => record.purpose === "inzageverzoek");
    expect(own?.itemIds).toEqual(
      expect.arrayContaining([
        `case:${script.caseId}`,
        "subject",
        `participant:${ORG.wijkteam}`,
        "share:share-wijkteam",
        expect.stringMatching(/^minutes:/),
        expect.stringMatching(/^agreement:/),
      ]),
    );
  });

  test("only the covenant's privacy officer produces it; nothing is read or recorded for anyone else", async () => {
    const before = await world.store.headPosition();
    for (const viewer of [privacyOfficer(ORG.wijkteam), professional(ORG.chair), chair]) {
      await expect(report(viewer)).rejects.toBeInstanceOf(NotPermitted);
    }
    expect(await world.store.headPosition()).toBe(before);
  });

  test("a subject the covenant holds nothing about gets an empty report", async () => {
    const produced = await produceSubjectReport(
      {
        records: storeSubjectRecords(world.store, world.codec),
        index,
        reads: log,
        accessRecorder: storeAccessRecorder(world.store),
      },
      { viewer: covenantOfficer, covenant: await world.covenant(), subjectId: "unknown-subject" },
    );
    expect(produced).toMatchObject({ cases: [], reads: [], erasure: null });
  });
});
