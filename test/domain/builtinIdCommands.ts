import fc from "fast-check";
import {
  type Actor,
  type CaseCommand,
  type CovenantCommand,
  ROLES,
  type Role,
} from "../../src/domain/index.js";
import { BUILTIN_NAMES } from "../support/builtinNames.js";
import type { Step } from "./builtinIdWorlds.js";
import {
  CASE_ID,
  CONTACT,
  COVENANT_ID,
  NECESSITY,
  NOW,
  ORG,
  SHARING_RULES,
  SUBJECT,
  SUBJECT_ID,
} from "./fixtures.js";

// Commands of every decider whose id fields are mostly the right id, sometimes another real
// id and sometimes a built-in name: what a hostile or careless client could send.

/** Ids that exist in some world, a few built-in names among them. */
const REAL_IDS = [
  ...Object.values(ORG),
  "__proto__",
  ...SHARING_RULES.map((rule) => rule.ruleId),
  ...["veiligheid-school", "zorg-jeugdige", "constructor"],
  ...["share-1", "c-1", "m-1", "a-1", "hasOwnProperty", "isPrototypeOf"],
  ...["signaal", "school", "gezondheid", "verzuim", "avg-6-1-e-publieke-taak"],
  ...[CASE_ID, COVENANT_ID, SUBJECT_ID],
];

/** The right id, another real one or a built-in name. */
const idFor = (right: string) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(right) },
    { weight: 1, arbitrary: fc.constantFrom(...REAL_IDS) },
    { weight: 3, arbitrary: fc.constantFrom(...BUILTIN_NAMES) },
  );
const idsFor = (...right: string[]) => fc.tuple(...right.map(idFor));

/** The user that should issue the command, or one of any organisation and roles. */
const actorFor = (organisationId: string, role: Role): fc.Arbitrary<Actor> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constant<Actor>({ userId: "user-1", organisationId, roles: [role] }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        userId: fc.constant("user-1"),
        organisationId: idFor(organisationId),
        roles: fc.subarray([...ROLES], { minLength: 1 }),
      }),
    },
  );

const envelope = (organisationId: string, role: Role) =>
  actorFor(organisationId, role).map((actor) => ({ actor, now: NOW }));

// Fields are drawn as a client would send them; only the decider that reads them types them.
const onCase = <F extends { type: string }>(
  organisationId: string,
  role: Role,
  fields: fc.Arbitrary<F>,
) =>
  fc.tuple(envelope(organisationId, role), fields).map(
    ([env, f]): Step => ({
      decider: "case",
      command: { ...env, caseId: CASE_ID, ...f } as CaseCommand,
    }),
  );

const onCovenant = <F extends { type: string }>(fields: fc.Arbitrary<F>) =>
  fc.tuple(envelope(ORG.chair, "admin"), fields).map(
    ([env, f]): Step => ({
      decider: "covenant",
      command: { ...env, covenantId: COVENANT_ID, ...f } as unknown as CovenantCommand,
    }),
  );

const chairs = <F extends { type: string }>(fields: fc.Arbitrary<F>) =>
  onCase(ORG.chair, "chair", fields);
const schools = <F extends { type: string }>(fields: fc.Arbitrary<F>) =>
  onCase(ORG.school, "professional", fields);
const record = fc.record;
const just = fc.constant;

const caseSteps: fc.Arbitrary<Step>[] = [
  schools(
    record({
      type: just("RaiseSignal"),
      signalId: idFor("sig-2"),
      subjectId: idFor(SUBJECT_ID),
      covenantId: idFor(COVENANT_ID),
      subject: just(SUBJECT),
      contact: just(CONTACT),
      category: idFor("verzuim"),
      level: idFor("preventie"),
      urgency: just("medium"),
      description: just("Verzuimt op maandag."),
    }),
  ),
  chairs(
    record({
      type: just("InvitePartner"),
      organisationId: idFor(ORG.leerplicht),
      message: just(""),
    }),
  ),
  onCase(
    ORG.leerplicht,
    "professional",
    record({ type: just("JoinCase"), contact: just(CONTACT) }),
  ),
  onCase(ORG.leerplicht, "professional", record({ type: just("DeclineInvitation") })),
  onCase(ORG.wijkteam, "professional", record({ type: just("LeaveCase") })),
  chairs(
    record({
      type: fc.constantFrom("RemovePartner", "AssignRegie"),
      organisationId: idFor(ORG.wijkteam),
    }),
  ),
  schools(
    record({
      type: just("ShareInformation"),
      shareId: idFor("share-2"),
      recipients: idsFor(ORG.wijkteam),
      dataCategories: idsFor("signaal", "school"),
      legalBasisId: fc.constantFrom(
        "avg-6-1-e-publieke-taak",
        "avg-9-2-a-uitdrukkelijke-toestemming",
      ),
      purposeId: idFor("veiligheid-school"),
      necessity: just(NECESSITY),
      content: just("Waarneming van de school."),
    }),
  ),
  schools(record({ type: just("RevokeShare"), shareId: idFor("share-1") })),
  schools(
    record({
      type: just("CorrectShare"),
      shareId: idFor("share-1"),
      content: just("Nieuw"),
      reason: just("Fout"),
    }),
  ),
  schools(
    record({
      type: just("RecordConsent"),
      consentId: idFor("c-2"),
      giver: record({
        role: fc.constantFrom("parent" as const, "subject" as const),
        name: just("Els de Vries"),
        parentalAuthority: just(true),
      }),
      method: just("form" as const),
      evidenceReference: just("Formulier 2025-17"),
      scope: record({
        dataCategories: idsFor("gezondheid"),
        recipientOrganisationIds: idsFor(ORG.wijkteam),
        purposeId: idFor("zorg-jeugdige"),
      }),
      givenOn: just("2025-03-04"),
    }),
  ),
  schools(record({ type: just("WithdrawConsent"), consentId: idFor("c-1") })),
  chairs(
    record({
      type: just("ScheduleMeeting"),
      meetingId: idFor("m-2"),
      scheduledFor: just("2025-04-02T10:00:00.000Z"),
      agenda: just("Overleg"),
    }),
  ),
  chairs(
    record({
      type: just("RecordMeeting"),
      meetingId: idFor("m-1"),
      heldAt: just("2025-04-01T10:00:00.000Z"),
      attendees: idsFor(ORG.chair, ORG.wijkteam).map((ids) =>
        ids.map((organisationId) => ({
          organisationId,
          userId: "u-1",
          confidentialityAcknowledged: true,
        })),
      ),
      minutes: just("Besproken"),
      decisions: just(["Huisbezoek"]),
    }),
  ),
  chairs(
    record({
      type: just("MakeAgreement"),
      agreementId: idFor("a-2"),
      what: just("Bellen"),
      ownerOrganisationId: idFor(ORG.wijkteam),
      owner: just(CONTACT),
      dueDate: just("2025-05-01"),
      meetingId: fc.option(idFor("m-1")),
    }),
  ),
  chairs(
    record({
      type: fc.constantFrom("CompleteAgreement", "CancelAgreement"),
      agreementId: idFor("a-1"),
      reason: just("Klaar"),
    }),
  ),
  chairs(
    record({
      type: fc.constantFrom("CloseCase", "ReopenCase"),
      outcome: just("resolved"),
      reason: just("Hulp loopt"),
    }),
  ),
  chairs(
    record({
      type: just("ExtendRetention"),
      retentionUntil: just("2060-01-01T00:00:00.000Z"),
      reason: just("Onderzoek"),
    }),
  ),
];

const member = (organisationId: string, partnerKind: string) => ({
  organisationId,
  name: "Een partner",
  partnerKind,
  privacyOfficer: { name: "FG", email: "fg@example.org" },
});

const covenantSteps: fc.Arbitrary<Step>[] = [
  onCovenant(
    record({
      type: just("AdmitMember"),
      member: fc
        .tuple(idFor("org-nieuw"), idFor("jongerenwerk"))
        .map(([id, kind]) => member(id, kind)),
    }),
  ),
  onCovenant(record({ type: just("WithdrawMember"), organisationId: idFor(ORG.police) })),
  onCovenant(
    record({
      type: just("AddPurpose"),
      purposeId: idFor("nieuw-doel"),
      description: just("Een doel"),
    }),
  ),
  onCovenant(
    record({
      type: just("AddSharingRule"),
      rule: record({
        ruleId: idFor("nieuwe-regel"),
        sharerKind: idFor("school-vo"),
        dataCategories: idsFor("verzuim"),
        recipientKinds: idsFor("leerplicht"),
        legalBasisIds: idsFor("leerplichtwet-21-verzuimmelding"),
      }),
    }),
  ),
  onCovenant(record({ type: just("RemoveSharingRule"), ruleId: idFor("school-publiek") })),
  onCovenant(
    record({
      type: just("SetRetention"),
      purposeId: idFor("veiligheid-school"),
      yearsAfterClosure: just(3),
    }),
  ),
];

const subjectSteps: fc.Arbitrary<Step>[] = [
  fc
    .tuple(envelope(ORG.chair, "privacy-officer"), idFor(SUBJECT_ID), idsFor(CASE_ID))
    .map(([env, subjectId, caseIds]) => ({
      decider: "subject",
      command: { ...env, type: "EraseSubject", subjectId, caseIds, reason: "data-subject-request" },
    })),
  fc.tuple(idFor(SUBJECT_ID), idsFor(CASE_ID)).map(([subjectId, caseIds]) => ({
    decider: "subject",
    command: {
      type: "ApplyRetention",
      now: NOW,
      subjectId,
      caseIds,
      retentionUntil: "2025-01-01T00:00:00.000Z",
    },
  })),
];

/** One command for any decider. */
export const anyStep: fc.Arbitrary<Step> = fc.oneof(
  ...caseSteps,
  ...covenantSteps,
  ...subjectSteps,
);
