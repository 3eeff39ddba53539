import { describe, expect, test } from "vitest";
import {
  type CaseCommand,
  type CaseEvent,
  decideCase,
  evolveCase,
  initialCaseState,
  type Json,
  personalFields,
} from "../../src/domain/index.js";
import type { JsonObject } from "../../src/store/types.js";
import { raiseSignal } from "./case/signals.js";
import {
  actor,
  CASE_ID,
  CONTACT,
  chair,
  contextWith,
  NECESSITY,
  ORG,
  SUBJECT,
  SUBJECT_ID,
} from "./fixtures.js";

// A case's whole life through the real decider: every event type, and no personal text outside personalFields.

const SECRET = "Sam zei dat zijn oom hem slaat";
const BSN = "111222333";
// The school opens the case with the identity in parts, as matching needs it (rule 9).
const IDENTITY = { givenNames: "Sam", tussenvoegsel: "de", surname: "Vries", bsn: BSN };
const at = (hour: number) => `2025-03-10T${String(hour).padStart(2, "0")}:00:00.000Z`;
const school = actor(ORG.school);
const wijkteam = actor(ORG.wijkteam);
type Step = CaseCommand extends infer C
  ? C extends unknown
    ? Omit<C, "caseId" | "now"> & { hour: number }
    : never
  : never;
const story: Step[] = [
  {
    hour: 1,
    ...raiseSignal({
      actor: school,
      subject: { ...SUBJECT, ...IDENTITY, schoolId: ORG.school },
      signalId: "s1",
      category: "huiselijk-geweld",
      level: "incident",
      urgency: "high",
      description: SECRET,
    }),
  },
  { hour: 2, type: "InvitePartner", actor: chair, organisationId: ORG.wijkteam, message: SECRET },
  { hour: 2, type: "InvitePartner", actor: chair, organisationId: ORG.police, message: SECRET },
  { hour: 2, type: "InvitePartner", actor: chair, organisationId: ORG.leerplicht, message: SECRET },
  { hour: 3, type: "JoinCase", actor: wijkteam, contact: CONTACT },
  { hour: 3, type: "JoinCase", actor: actor(ORG.police), contact: CONTACT },
  { hour: 3, type: "DeclineInvitation", actor: actor(ORG.leerplicht) },
  { hour: 4, type: "AssignRegie", actor: chair, organisationId: ORG.wijkteam },
  {
    hour: 5,
    type: "ShareInformation",
    actor: school,
    shareId: "sh1",
    recipients: [ORG.wijkteam],
    dataCategories: ["signaal"],
    legalBasisId: "avg-6-1-e-publieke-taak",
    purposeId: "veiligheid-school",
    necessity: `${NECESSITY} ${SECRET}`,
    content: SECRET,
  },
  { hour: 5, type: "CorrectShare", actor: school, shareId: "sh1", content: SECRET, reason: SECRET },
  { hour: 5, type: "RevokeShare", actor: school, shareId: "sh1" },
  {
    hour: 6,
    type: "RecordConsent",
    actor: school,
    consentId: "c1",
    giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
    method: "form",
    evidenceReference: "Toestemmingsformulier 2025-17",
    scope: {
      dataCategories: ["signaal"],
      recipientOrganisationIds: [ORG.wijkteam],
      purposeId: "veiligheid-school",
    },
    givenOn: "2025-03-10",
  },
  { hour: 6, type: "WithdrawConsent", actor: school, consentId: "c1" },
  {
    hour: 7,
    type: "ScheduleMeeting",
    actor: chair,
    meetingId: "m1",
    scheduledFor: at(9),
    agenda: SECRET,
  },
  {
    hour: 9,
    type: "RecordMeeting",
    actor: chair,
    meetingId: "m1",
    heldAt: at(9),
    attendees: [{ organisationId: ORG.school, userId: "u1", confidentialityAcknowledged: true }],
    minutes: SECRET,
    decisions: [SECRET],
  },
  {
    hour: 10,
    type: "MakeAgreement",
    actor: chair,
    agreementId: "a1",
    what: SECRET,
    ownerOrganisationId: ORG.wijkteam,
    owner: { name: SECRET, function: SECRET, reach: SECRET },
    dueDate: "2025-03-20",
  },
  {
    hour: 10,
    type: "MakeAgreement",
    actor: chair,
    agreementId: "a2",
    what: SECRET,
    ownerOrganisationId: ORG.wijkteam,
    owner: { name: SECRET, function: SECRET, reach: SECRET },
    dueDate: "2025-03-20",
  },
  {
    hour: 10,
    type: "RecordAgendaItem",
    actor: chair,
    sessionId: "session-1",
    itemId: "i1",
    heldAt: at(10),
    attendees: [{ organisationId: ORG.wijkteam, userId: "u2", confidentialityAcknowledged: true }],
    minutes: SECRET,
    decisions: [SECRET],
    agreements: [],
  },
  {
    hour: 10,
    type: "ProposeMinutesCorrection",
    actor: wijkteam,
    itemId: "i1",
    correctionId: "k1",
    minutes: SECRET,
  },
  {
    hour: 10,
    type: "ResolveMinutesCorrection",
    actor: chair,
    itemId: "i1",
    correctionId: "k1",
    accepted: true,
  },
  {
    hour: 10,
    type: "ApproveMinutes",
    actor: chair,
    itemId: "i1",
    minutes: SECRET,
    decisions: [SECRET],
  },
  {
    hour: 10,
    type: "AddMinutesAddendum",
    actor: wijkteam,
    itemId: "i1",
    addendumId: "d1",
    text: SECRET,
  },
  {
    hour: 10,
    type: "ChangeAgreementDueDate",
    actor: wijkteam,
    agreementId: "a1",
    dueDate: "2025-03-27",
    reason: SECRET,
  },
  {
    hour: 10,
    type: "NoteAgreementProgress",
    actor: wijkteam,
    agreementId: "a1",
    noteId: "n1",
    note: SECRET,
  },
  { hour: 11, type: "CompleteAgreement", actor: wijkteam, agreementId: "a1", note: SECRET },
  { hour: 11, type: "CancelAgreement", actor: chair, agreementId: "a2", reason: SECRET },
  { hour: 12, type: "LeaveCase", actor: actor(ORG.police) },
  { hour: 12, type: "RemovePartner", actor: chair, organisationId: ORG.wijkteam },
  { hour: 13, type: "CloseCase", actor: chair, outcome: "referred", reason: SECRET },
  { hour: 14, type: "ReopenCase", actor: chair, reason: SECRET },
  { hour: 15, type: "CloseCase", actor: chair, outcome: "resolved", reason: SECRET },
  {
    hour: 16,
    type: "ExtendRetention",
    actor: chair,
    retentionUntil: "2040-01-01T00:00:00.000Z",
    reason: SECRET,
  },
];

function live(): CaseEvent[] {
  let state = initialCaseState;
  const log: CaseEvent[] = [];
  for (const { hour, ...step } of story) {
    const events = decideCase(
      { ...step, caseId: CASE_ID, now: at(hour) } as CaseCommand,
      state,
      contextWith(),
    );
    state = events.reduce(evolveCase, state);
    log.push(...events);
  }
  return log;
}

const remove = (data: Json, path: string[]): Json => {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return data;
  const [head, ...rest] = path as [string, ...string[]];
  if (!(head in data)) throw new Error(`personal path segment ${head} not in event data`);
  if (rest.length === 0) {
    const { [head]: _gone, ...kept } = data;
    return kept;
  }
  return { ...data, [head]: remove(data[head] as Json, rest) };
};

describe("personal fields", () => {
  const events = live();

  test("the story produces every case event type", () => {
    const caseTypes = Object.keys(personalFields).filter(
      (t) =>
        ![
          "Covenant",
          "Member",
          "Purpose",
          "SharingRule",
          "RetentionSet",
          "SubjectErased",
          "PossibleMatch",
          "CaseListNamesSet",
          "SubjectErased",
          // A session's own stream: its personal field is checked in test/domain/session.
          "Session",
          "AgendaItemAdded",
          "AgendaItemRemoved",
          "AgendaReordered",
          // A theme's own stream, sealed with the theme's key: test/domain/theme checks its fields.
          "Theme",
          "CollectiveAction",
          // Subscriptions and deliveries hold ids only: test/api/notifications checks their payloads.
          "Webhook",
        ].some((p) => t.startsWith(p)),
    );
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(caseTypes));
  });

  test("every event names its case and subject, and its data is plain JSON the store accepts", () => {
    for (const event of events) {
      const data: JsonObject = event.data;
      expect(data).toMatchObject({ caseId: CASE_ID, subjectId: SUBJECT_ID });
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    }
  });

  test("every personal path exists, and without them no personal text remains", () => {
    for (const event of events) {
      const stripped = personalFields[event.type].reduce<Json>(
        (data, path) => remove(data, path.split(".")),
        event.data,
      );
      const text = JSON.stringify(stripped);
      for (const personal of [
        SECRET,
        BSN,
        SUBJECT.name,
        SUBJECT.dateOfBirth,
        SUBJECT.school,
        CONTACT.name,
        CONTACT.reach,
        CONTACT.function,
      ]) {
        expect(text, `${event.type} leaks personal text`).not.toContain(personal);
      }
    }
  });
});
