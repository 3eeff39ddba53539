import { expect } from "vitest";
import {
  type Actor,
  type CaseCommand,
  type CaseContext,
  type CaseEvent,
  type CaseState,
  type Catalogue,
  type CovenantCommand,
  type CovenantState,
  catalogue,
  DomainError,
  decideCase,
  decideCovenant,
  evolveCase,
  evolveCovenant,
  initialCaseState,
  initialCovenantState,
  type Member,
  type Role,
  type SharingRule,
} from "../../src/domain/index.js";

// A region's covenant and a case about one young person, built through the real deciders.

export const NOW = "2025-03-10T10:00:00.000Z";
/** A covenant id as the service mints them (a UUID), so routes that take it in a query accept it. */
export const COVENANT_ID = "5f0c6a3e-8d1b-4c2a-9e7f-1a2b3c4d5e6f";
export const CASE_ID = "case-1";
export const SUBJECT_ID = "subj-1";
export const SUBJECT = { name: "Sam de Vries", dateOfBirth: "2011-01-15", school: "Het Baken" };
export const CONTACT = { name: "Ine Bakker", function: "zorgcoördinator", reach: "06-12345678" };
export const NECESSITY =
  "Wijkteam heeft het verzuimpatroon nodig om de hulp thuis af te stemmen op wat school ziet.";

export const ORG = {
  chair: "org-svw",
  school: "org-school",
  police: "org-politie",
  wijkteam: "org-wijkteam",
  leerplicht: "org-leerplicht",
  veiligThuis: "org-vt",
  jeugdhulp: "org-jeugdhulp",
  jongerenwerk: "org-jongerenwerk",
} as const;

const KIND: Record<string, string> = {
  [ORG.chair]: "samenwerkingsverband",
  [ORG.school]: "school-vo",
  [ORG.police]: "politie",
  [ORG.wijkteam]: "wijkteam",
  [ORG.leerplicht]: "leerplicht",
  [ORG.veiligThuis]: "veilig-thuis",
  [ORG.jeugdhulp]: "jeugdhulp",
  [ORG.jongerenwerk]: "jongerenwerk",
};

export const member = (organisationId: string): Member => ({
  organisationId,
  name: `Organisatie ${organisationId}`,
  partnerKind: KIND[organisationId] as string,
  privacyOfficer: { name: "FG", email: `fg@${organisationId}.example` },
});

export const actor = (organisationId: string, ...roles: Role[]): Actor => ({
  userId: `user-${organisationId}-${roles.join("-") || "none"}`,
  organisationId,
  roles: roles.length > 0 ? roles : ["professional"],
});
export const chair = actor(ORG.chair, "chair");
export const admin = actor(ORG.chair, "admin");

const ORDINARY = ["identiteit", "school", "verzuim", "gezin", "hulpverlening", "signaal"];
const rule = (
  ruleId: string,
  sharerKind: string,
  dataCategories: string[],
  recipientKinds: string[],
  legalBasisIds: string[],
): SharingRule => ({
  ruleId,
  sharerKind,
  dataCategories,
  recipientKinds,
  legalBasisIds,
});

/** The region's sharing rules; a few deliberately name a basis that does not fit, to test the catalogue's checks. */
export const SHARING_RULES: SharingRule[] = [
  rule(
    "school-publiek",
    "school-vo",
    ORDINARY,
    ["wijkteam", "leerplicht", "jeugdhulp", "politie", "samenwerkingsverband"],
    ["avg-6-1-e-publieke-taak", "avg-6-1-d-vitaal-belang", "wgs-zorg-en-veiligheidshuis"],
  ),
  rule(
    "school-toestemming",
    "school-vo",
    [...ORDINARY, "gezondheid"],
    ["wijkteam", "jeugdhulp"],
    ["avg-6-1-a-toestemming", "avg-9-2-a-uitdrukkelijke-toestemming"],
  ),
  rule(
    "school-meldrecht",
    "school-vo",
    [...ORDINARY, "gezondheid"],
    ["veilig-thuis", "wijkteam"],
    ["wmo-5-2-6-meldrecht"],
  ),
  rule(
    "school-leerplicht",
    "school-vo",
    ["identiteit", "verzuim", "school", "gezin"],
    ["leerplicht"],
    ["leerplichtwet-21-verzuimmelding"],
  ),
  rule(
    "school-misplaatst",
    "school-vo",
    ORDINARY,
    ["wijkteam"],
    ["avg-6-1-f-gerechtvaardigd-belang"],
  ),
  rule(
    "politie-wpg",
    "politie",
    ["identiteit", "politiegegevens", "strafrechtelijk"],
    ["school-vo", "wijkteam", "samenwerkingsverband"],
    ["wpg-19", "wpg-20"],
  ),
];

export function foldCovenant(commands: CovenantCommand[], context = { catalogue }): CovenantState {
  return commands.reduce(
    (state, command) => decideCovenant(command, state, context).reduce(evolveCovenant, state),
    initialCovenantState,
  );
}

type WithoutEnvelope<C> = C extends unknown ? Omit<C, "actor" | "now" | "covenantId"> : never;

const covenantCommand = (fields: WithoutEnvelope<CovenantCommand>): CovenantCommand =>
  ({
    actor: admin,
    now: "2025-01-01T09:00:00.000Z",
    covenantId: COVENANT_ID,
    ...fields,
  }) as CovenantCommand;

export function regionCommands(sharingRules = SHARING_RULES): CovenantCommand[] {
  const others = Object.values(ORG).filter((id) => id !== ORG.chair);
  return [
    covenantCommand({
      type: "EstablishCovenant",
      name: "Veilig in en om de school",
      chair: member(ORG.chair),
    }),
    ...others.map((id) => covenantCommand({ type: "AdmitMember", member: member(id) })),
    covenantCommand({
      type: "AddPurpose",
      purposeId: "veiligheid-school",
      description: "Veiligheid in en om de school",
    }),
    covenantCommand({
      type: "AddPurpose",
      purposeId: "zorg-jeugdige",
      description: "Passende zorg voor de jeugdige",
    }),
    covenantCommand({ type: "SetRetention", purposeId: "veiligheid-school", yearsAfterClosure: 5 }),
    covenantCommand({ type: "SetRetention", purposeId: "zorg-jeugdige", yearsAfterClosure: 20 }),
    ...sharingRules.map((r) => covenantCommand({ type: "AddSharingRule", rule: r })),
  ];
}

export const region = (extra: CovenantCommand[] = []) =>
  foldCovenant([...regionCommands(), ...extra]);
export const covenantCommandOf = covenantCommand;

export const contextWith = (
  covenant: CovenantState = region(),
  cat: Catalogue = catalogue,
  subjectErased = false,
): CaseContext => ({
  covenant,
  catalogue: cat,
  subjectErased,
});

/** A catalogue in which one basis is changed, as a privacy officer's review might change it. */
export function catalogueWithBasis(
  id: string,
  change: Partial<Catalogue["legalBases"][number]>,
): Catalogue {
  return {
    ...catalogue,
    legalBases: catalogue.legalBases.map((basis) =>
      basis.id === id ? { ...basis, ...change } : basis,
    ),
  };
}

type Fields<C extends CaseCommand> = Omit<C, "actor" | "now" | "caseId"> & {
  actor?: Actor;
  now?: string;
};

/** A case command with the defaults every test shares. */
export const command = <C extends CaseCommand>(fields: Fields<C>): C =>
  ({ actor: chair, now: NOW, caseId: CASE_ID, ...fields }) as C;

const data = <T extends object>(fields: T) => ({
  caseId: CASE_ID,
  subjectId: SUBJECT_ID,
  ...fields,
});

export const opened = (subject = SUBJECT, openedBy: string = ORG.school): CaseEvent => ({
  type: "CaseOpened",
  data: data({
    covenantId: COVENANT_ID,
    chairOrganisationId: ORG.chair,
    subject,
    openedBy,
    contact: CONTACT,
    openedAt: "2025-03-01T08:00:00.000Z",
  }),
});
export const invited = (organisationId: string): CaseEvent => ({
  type: "PartnerInvited",
  data: data({
    organisationId,
    message: "Graag aansluiten",
    invitedAt: "2025-03-02T08:00:00.000Z",
  }),
});
export const joined = (organisationId: string): CaseEvent => ({
  type: "PartnerJoined",
  data: data({ organisationId, contact: CONTACT, joinedAt: "2025-03-02T09:00:00.000Z" }),
});
export const left = (organisationId: string): CaseEvent => ({
  type: "PartnerLeft",
  data: data({ organisationId, leftAt: "2025-03-03T09:00:00.000Z" }),
});
export const closed = (): CaseEvent => ({
  type: "CaseClosed",
  data: data({
    outcome: "resolved",
    reason: "Hulp loopt",
    closedAt: "2025-03-05T09:00:00.000Z",
    retentionUntil: "2030-03-05T09:00:00.000Z",
  }),
});
export const eventData = data;

/** A case event of this type about the case and subject every test shares. */
// A generic T does not narrow the union, hence the cast; the fields are checked against T's data.
export const caseEvent = <T extends CaseEvent["type"]>(
  type: T,
  fields: Omit<Extract<CaseEvent, { type: T }>["data"], "caseId" | "subjectId">,
): CaseEvent => ({ type, data: data(fields) }) as unknown as CaseEvent;

/** The case opened by the school, with the wijkteam, police and Veilig Thuis joined and leerplicht invited. */
export const caseWithPartners = (): CaseEvent[] => [
  opened(),
  ...[ORG.wijkteam, ORG.police, ORG.veiligThuis, ORG.jeugdhulp].flatMap((id) => [
    invited(id),
    joined(id),
  ]),
  invited(ORG.leerplicht),
];

export const fold = (events: CaseEvent[]): CaseState => events.reduce(evolveCase, initialCaseState);

/** Given events, when a command: the events it decides. */
export const given = (events: CaseEvent[], context: CaseContext = contextWith()) => ({
  when: (cmd: CaseCommand) => decideCase(cmd, fold(events), context),
});

/** The events so far followed by what each command decides in turn: a history to start from. */
export function after(events: CaseEvent[], ...commands: CaseCommand[]): CaseEvent[] {
  const history = [...events];
  for (const cmd of commands) history.push(...given(history).when(cmd));
  return history;
}

/** Then the command is refused with this error code, rule and (optionally) value. */
export function expectRefused(
  run: () => unknown,
  code: string,
  rule: string,
  value?: string | null,
) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a refusal by rule ${rule}`).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect({ code: error.code, rule: error.rule }).toEqual({ code, rule });
  if (value !== undefined) expect(error.value).toBe(value);
  // Personal data never reaches an error message.
  for (const personal of [
    SUBJECT.name,
    SUBJECT.dateOfBirth,
    SUBJECT.school,
    CONTACT.name,
    CONTACT.reach,
  ]) {
    expect(error.message).not.toContain(personal);
  }
  return error;
}
