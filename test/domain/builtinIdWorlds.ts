import {
  type CaseCommand,
  type CaseState,
  type CloseCase,
  type CompleteAgreement,
  type CovenantCommand,
  type CovenantState,
  catalogue,
  DomainError,
  decideCase,
  decideCovenant,
  decideSubject,
  evolveCase,
  evolveCovenant,
  evolveSubject,
  type InvitePartner,
  initialCaseState,
  initialCovenantState,
  initialSubjectState,
  type JoinCase,
  type MakeAgreement,
  type RecordConsent,
  type ScheduleMeeting,
  type ShareInformation,
  type SubjectCommand,
  type SubjectState,
} from "../../src/domain/index.js";
import { BUILTIN_NAMES } from "../support/builtinNames.js";
import {
  actor,
  CONTACT,
  caseWithPartners,
  command,
  covenantCommandOf,
  NECESSITY,
  ORG,
  regionCommands,
} from "./fixtures.js";

// Starting points for the built-in-id property: a covenant and a case in which some ids are
// ordinary and, in the "hostile" world, some are built-in names that really exist.

/** A command for one of the three deciders. */
export type Step =
  | { decider: "case"; command: CaseCommand }
  | { decider: "covenant"; command: CovenantCommand }
  | { decider: "subject"; command: SubjectCommand };

/** What a decider answered: the events, or the rule it refused by. */
export type Outcome = { accepted: unknown[] } | { refused: [string, string, string | null] };

export interface World {
  name: string;
  covenant: CovenantState;
  case: CaseState;
  subject: SubjectState;
  /** Every string the world was built from: built-in names among them are real ids here. */
  known: Set<string>;
}

/** Runs the steps in order, each against the state the earlier ones left; never catches a crash. */
export function run(world: World, steps: Step[]): { outcomes: Outcome[]; last: World } {
  const now = { ...world };
  const outcomes = steps.map((step): Outcome => {
    try {
      if (step.decider === "covenant") {
        const events = decideCovenant(step.command, now.covenant, { catalogue });
        now.covenant = events.reduce(evolveCovenant, now.covenant);
        return { accepted: events };
      }
      if (step.decider === "case") {
        const context = { covenant: now.covenant, catalogue, subjectErased: false };
        const events = decideCase(step.command, now.case, context);
        now.case = events.reduce(evolveCase, now.case);
        return { accepted: events };
      }
      const events = decideSubject(step.command, now.subject, { covenant: now.covenant });
      now.subject = events.reduce(evolveSubject, now.subject);
      return { accepted: events };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { refused: [error.code, error.rule, error.value] };
    }
  });
  return { outcomes, last: now };
}

/** Every string value inside `value`, however deep. */
export function stringsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === "string") found.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, found);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) stringsIn(item, found);
  return found;
}

/** `value` with every string that `renaming` maps replaced, however deep. */
export function renamed<T>(value: T, renaming: ReadonlyMap<string, string>): T {
  if (typeof value === "string") return (renaming.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((item) => renamed(item, renaming)) as T;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => [key, renamed(item, renaming)]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}

/** A world built through the real deciders: the covenant, then (unless `caseSteps` is null) the case. */
function world(name: string, covenantCommands: CovenantCommand[], caseSteps: Step[] | null): World {
  const covenant = covenantCommands.map((c): Step => ({ decider: "covenant", command: c }));
  const opened = caseSteps === null ? [] : caseWithPartners();
  const start: World = {
    name,
    covenant: initialCovenantState,
    case: opened.reduce(evolveCase, initialCaseState),
    subject: initialSubjectState,
    known: new Set(),
  };
  const built = run(start, [...covenant, ...(caseSteps ?? [])]);
  const refused = built.outcomes.find((outcome) => "refused" in outcome);
  if (refused) throw new Error(`world ${name} does not build: ${JSON.stringify(refused)}`);
  return { ...built.last, known: stringsIn([covenantCommands, opened, caseSteps]) };
}

const onCase = (command: CaseCommand): Step => ({ decider: "case", command });
const chair = actor(ORG.chair, "chair");
const school = actor(ORG.school, "professional");

type ItemIds = Record<
  "share" | "consent" | "meeting" | "agreement" | "purpose" | "partner",
  string
>;

/** One of everything in the case, under the given ids; the partner receives, consents and owns. */
function caseItems(ids: ItemIds) {
  return [
    onCase(
      command<ShareInformation>({
        type: "ShareInformation",
        actor: school,
        shareId: ids.share,
        recipients: [ids.partner],
        dataCategories: ["signaal", "school"],
        legalBasisId: "avg-6-1-e-publieke-taak",
        purposeId: ids.purpose,
        necessity: NECESSITY,
        content: "Waarneming van de school.",
      }),
    ),
    onCase(
      command<RecordConsent>({
        type: "RecordConsent",
        actor: school,
        consentId: ids.consent,
        giver: { role: "parent", name: "Els de Vries", parentalAuthority: true },
        method: "form",
        evidenceReference: "Toestemmingsformulier 2025-17",
        scope: {
          dataCategories: ["gezondheid", "signaal"],
          recipientOrganisationIds: [ids.partner],
          purposeId: ids.purpose,
        },
        givenOn: "2025-03-04",
      }),
    ),
    onCase(
      command<ScheduleMeeting>({
        type: "ScheduleMeeting",
        actor: chair,
        meetingId: ids.meeting,
        scheduledFor: "2025-04-01T10:00:00.000Z",
        agenda: "Overleg",
      }),
    ),
    onCase(
      command<MakeAgreement>({
        type: "MakeAgreement",
        actor: chair,
        agreementId: ids.agreement,
        what: "Huisbezoek",
        ownerOrganisationId: ids.partner,
        owner: CONTACT,
        dueDate: "2025-05-01",
        meetingId: ids.meeting,
      }),
    ),
  ];
}

const ordinaryItems = () =>
  caseItems({
    share: "share-1",
    consent: "c-1",
    meeting: "m-1",
    agreement: "a-1",
    purpose: "veiligheid-school",
    partner: ORG.wijkteam,
  });

const settled = (agreementId: string) =>
  onCase(command<CompleteAgreement>({ type: "CompleteAgreement", actor: chair, agreementId }));

const HOSTILE_MEMBER = "__proto__";
const hostileCovenant = [
  ...regionCommands(),
  covenantCommandOf({
    type: "AdmitMember",
    member: {
      organisationId: HOSTILE_MEMBER,
      name: "Stichting Eigenaardig",
      partnerKind: "wijkteam",
      privacyOfficer: { name: "FG", email: "fg@example.org" },
    },
  }),
  covenantCommandOf({ type: "AddPurpose", purposeId: "constructor", description: "Een doel" }),
  covenantCommandOf({ type: "SetRetention", purposeId: "constructor", yearsAfterClosure: 4 }),
];

const worlds: World[] = [
  world("no case", regionCommands(), null),
  world("an open case", regionCommands(), ordinaryItems()),
  world("an open case ready to close", regionCommands(), [...ordinaryItems(), settled("a-1")]),
  world("a closed case", regionCommands(), [
    ...ordinaryItems(),
    settled("a-1"),
    onCase(
      command<CloseCase>({
        type: "CloseCase",
        actor: chair,
        outcome: "resolved",
        reason: "Hulp loopt",
      }),
    ),
  ]),
  world("a case with built-in names as real ids", hostileCovenant, [
    onCase(
      command<InvitePartner>({
        type: "InvitePartner",
        actor: chair,
        organisationId: HOSTILE_MEMBER,
        message: "Welkom",
      }),
    ),
    onCase(
      command<JoinCase>({
        type: "JoinCase",
        actor: actor(HOSTILE_MEMBER, "professional"),
        contact: CONTACT,
      }),
    ),
    ...caseItems({
      share: "hasOwnProperty",
      consent: "toLocaleString",
      meeting: "isPrototypeOf",
      agreement: "propertyIsEnumerable",
      purpose: "constructor",
      partner: HOSTILE_MEMBER,
    }),
    settled("propertyIsEnumerable"),
  ]),
];

/** The worlds each property run starts from, by name. */
export const WORLDS = new Map(worlds.map((world) => [world.name, world]));

/** A fresh unknown id per built-in name, shaped like the uuids the API hands out. */
export const FRESH = new Map(
  BUILTIN_NAMES.map((name, i) => [name, `0b5e55ed-0000-4000-8000-${String(i).padStart(12, "0")}`]),
);
