import fc from "fast-check";
import type { CaseCommand, CovenantCommand, SessionCommand } from "../../../src/domain/index.js";
import { raiseSignal } from "../../domain/case/signals.js";
import {
  actor,
  CASE_ID,
  CONTACT,
  COVENANT_ID,
  chair,
  covenantCommandOf,
  member,
  NECESSITY,
  ORG,
} from "../../domain/fixtures.js";
import type { Model } from "./model.js";

// The generator of the model-based caseView test: random steps by several organisations,
// mostly lawful, some not; the decider refuses those and the model ignores them.

export const PARTNERS = [ORG.wijkteam, ORG.police, ORG.leerplicht, ORG.jeugdhulp, ORG.veiligThuis];
export const VIEWERS = [ORG.chair, ORG.school, ...PARTNERS, ORG.jongerenwerk];
export const MINUTE = 60_000;
/** Consent-based shares and the consents they rest on name these recipients. */
const CONSENT_RECIPIENTS: string[] = [ORG.wijkteam, ORG.jeugdhulp];

const TEMPLATES = [
  { sharer: ORG.school, basis: "avg-6-1-e-publieke-taak", categories: ["signaal", "school"] },
  { sharer: ORG.police, basis: "wpg-20", categories: ["politiegegevens"] },
  { sharer: ORG.school, basis: "avg-6-1-a-toestemming", categories: ["signaal", "school"] },
];
const WPG_FIELDS = {
  decisionReference: "ZVH-besluit 2024/17",
  weightyPublicInterest: "Voorkomen van ernstige strafbare feiten",
  competentAuthorityAgreement: {
    authority: "burgemeester" as const,
    reference: "BM-1",
    agreedOn: "2025-03-01",
  },
};

const partner = fc.constantFrom(...PARTNERS);
const memberOrg = fc.constantFrom(...PARTNERS, ORG.school);
/** Which of the currently joined organisations to name; mostly lawful, sometimes not. */
const recipients = fc.array(fc.boolean(), { minLength: 7, maxLength: 7 });
const kind = <K extends string>(k: K) => fc.constant(k);

export const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: kind("invite"), org: partner }) },
  { weight: 4, arbitrary: fc.record({ kind: kind("join"), pick: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("leave", "remove"), org: memberOrg }) },
  { weight: 1, arbitrary: fc.record({ kind: kind("withdraw"), org: memberOrg }) },
  { weight: 2, arbitrary: fc.record({ kind: kind("readmit"), pick: fc.nat(9) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: kind("share"),
      template: fc.constantFrom(...TEMPLATES),
      recipients,
      expiresInMinutes: fc.option(fc.integer({ min: 1, max: 90 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: kind("consent"),
      givenBy: fc.constantFrom("subject" as const, "parent" as const),
      expiresInMinutes: fc.option(fc.integer({ min: 1, max: 120 })),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: kind("withdrawConsent"), pick: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: kind("signal"), pick: fc.nat(9) }) },
  { weight: 3, arbitrary: fc.record({ kind: kind("shareSignal"), pick: fc.nat(9), recipients }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom("revoke", "correct"), pick: fc.nat(9) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: kind("meeting"),
      attendees: fc.subarray([ORG.chair, ORG.school, ...PARTNERS], { minLength: 1 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: kind("sessionItem"),
      attendees: fc.subarray([ORG.chair, ORG.school, ...PARTNERS], { minLength: 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: kind("wait"), minutes: fc.integer({ min: 1, max: 60 }) }),
  },
);
export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Steps every run starts with: three partners at the table and both consents a 14-year-old's share needs. */
export const PRELUDE: Step[] = [
  ...[ORG.wijkteam, ORG.police, ORG.jeugdhulp].flatMap((org): Step[] => [
    { kind: "invite", org },
    { kind: "join", pick: 0 },
  ]),
  { kind: "consent", givenBy: "subject", expiresInMinutes: null },
  { kind: "consent", givenBy: "parent", expiresInMinutes: 240 },
];

const joinedBut = (model: Model, sharer: string) =>
  [...model.status]
    .filter(([org, status]) => status === "joined" && org !== sharer)
    .map(([org]) => org);
const pickFrom = <T>(list: readonly T[], pick: number): T | undefined =>
  list[pick % Math.max(1, list.length)];

/** The covenant admin's command for a membership step; null for every other step. */
export function covenantCommandFor(s: Step, now: string, model: Model): CovenantCommand | null {
  if (s.kind === "withdraw")
    return { ...covenantCommandOf({ type: "WithdrawMember", organisationId: s.org }), now };
  if (s.kind !== "readmit") return null;
  const withdrawn = VIEWERS.filter((org) => !model.members.has(org));
  const org = pickFrom(withdrawn, s.pick) ?? ORG.police;
  return { ...covenantCommandOf({ type: "AdmitMember", member: member(org) }), now };
}

/** The session a sessionItem step plans, with the case on its agenda; its item is recorded in the case. */
export function sessionCommandsFor(s: Step, i: number, at: number, model: Model): SessionCommand[] {
  if (s.kind !== "sessionItem") return [];
  const now = new Date(at).toISOString();
  const base = { actor: chair, now, sessionId: `session-${i}` };
  return [
    {
      ...base,
      type: "PlanSession",
      covenantId: COVENANT_ID,
      startsAt: now,
      endsAt: new Date(at + 30 * MINUTE).toISOString(),
      videoLink: "https://vergader.example/tafel",
      plannedOrganisationIds: [ORG.school, ...PARTNERS].filter((org) => model.members.has(org)),
    },
    { ...base, type: "AddAgendaItem", itemId: `item-${i}`, caseId: CASE_ID, question: "Vraag" },
  ];
}

/** The case commands a step issues, in order (empty for a step that issues none). */
export function caseCommandsFor(s: Step, i: number, at: number, model: Model): CaseCommand[] {
  const now = new Date(at).toISOString();
  const base = { caseId: CASE_ID, now };
  const minutesFromNow = (minutes: number | null, otherwise: string | null) =>
    minutes === null ? otherwise : new Date(at + minutes * MINUTE).toISOString();
  switch (s.kind) {
    case "invite":
      return [
        {
          ...base,
          type: "InvitePartner",
          actor: chair,
          organisationId: s.org,
          message: "Aansluiten",
        },
      ];
    case "join": {
      const invited = [...model.status].filter(([, status]) => status === "invited");
      const org = pickFrom(invited, s.pick)?.[0] ?? ORG.jongerenwerk;
      return [{ ...base, type: "JoinCase", actor: actor(org), contact: CONTACT }];
    }
    case "leave":
      return [{ ...base, type: "LeaveCase", actor: actor(s.org) }];
    case "remove":
      return [{ ...base, type: "RemovePartner", actor: chair, organisationId: s.org }];
    case "share": {
      const { sharer, basis, categories } = s.template;
      const others = joinedBut(model, sharer).filter(
        (org) => basis !== "avg-6-1-a-toestemming" || CONSENT_RECIPIENTS.includes(org),
      );
      const named = others.filter((_, index) => s.recipients[index]);
      return [
        {
          ...base,
          type: "ShareInformation",
          actor: actor(sharer),
          shareId: `share-${i}`,
          recipients: named.length > 0 ? named : [ORG.veiligThuis],
          dataCategories: categories,
          legalBasisId: basis,
          purposeId: "veiligheid-school",
          necessity: NECESSITY,
          content: `inhoud-${i}`,
          expiresAt: minutesFromNow(s.expiresInMinutes, "2099-01-01T00:00:00.000Z"),
          ...WPG_FIELDS,
        },
      ];
    }
    case "consent":
      return [
        {
          ...base,
          type: "RecordConsent",
          actor: actor(ORG.school),
          consentId: `consent-${i}`,
          giver: { role: s.givenBy, name: "Els de Vries", parentalAuthority: true },
          method: "form",
          evidenceReference: "Formulier 2025-17",
          scope: {
            dataCategories: ["signaal", "school"],
            recipientOrganisationIds: CONSENT_RECIPIENTS,
            purposeId: "veiligheid-school",
          },
          givenOn: "2025-03-03",
          expiresAt: minutesFromNow(s.expiresInMinutes, null),
        },
      ];
    case "withdrawConsent": {
      const consentId = pickFrom([...model.consents.keys()], s.pick);
      if (!consentId) return [];
      return [{ ...base, type: "WithdrawConsent", actor: actor(ORG.school), consentId }];
    }
    case "signal": {
      const raiser = pickFrom(joinedBut(model, ORG.chair), s.pick) ?? ORG.jongerenwerk;
      return [
        raiseSignal({
          ...base,
          actor: actor(raiser),
          signalId: `signal-${i}`,
          description: `signaal-${i}`,
        }),
      ];
    }
    case "shareSignal": {
      const signal = pickFrom(model.signals, s.pick);
      if (!signal) return [];
      const police = signal.raiser === ORG.police;
      const named = joinedBut(model, signal.raiser).filter((_, index) => s.recipients[index]);
      return [
        {
          ...base,
          type: "ShareSignal",
          actor: actor(signal.raiser),
          signalId: signal.id,
          shareId: `share-${i}`,
          recipients: named.length > 0 ? named : [ORG.veiligThuis],
          dataCategories: police ? ["politiegegevens"] : ["signaal"],
          legalBasisId: police ? "wpg-20" : "avg-6-1-e-publieke-taak",
          purposeId: "veiligheid-school",
          necessity: NECESSITY,
          expiresAt: "2099-01-01T00:00:00.000Z",
          ...WPG_FIELDS,
        },
      ];
    }
    case "revoke":
    case "correct": {
      const share = pickFrom(model.shares, s.pick);
      if (!share) return [];
      const who = { ...base, actor: actor(share.sharer), shareId: share.id };
      return [
        s.kind === "revoke"
          ? { ...who, type: "RevokeShare" }
          : { ...who, type: "CorrectShare", content: `correctie-${i}`, reason: "Onjuist" },
      ];
    }
    case "meeting": {
      const meeting = { ...base, actor: chair, meetingId: `meeting-${i}` };
      const attendees = s.attendees.map((organisationId) => ({
        organisationId,
        userId: `u-${organisationId}`,
        confidentialityAcknowledged: true,
      }));
      return [
        { ...meeting, type: "ScheduleMeeting", scheduledFor: now, agenda: "Overleg" },
        {
          ...meeting,
          type: "RecordMeeting",
          heldAt: now,
          attendees,
          minutes: `notulen-${i}`,
          decisions: [`besluit-${i}`],
        },
      ];
    }
    case "sessionItem":
      return [
        {
          ...base,
          type: "RecordAgendaItem",
          actor: chair,
          sessionId: `session-${i}`,
          itemId: `item-${i}`,
          heldAt: now,
          attendees: s.attendees.map((organisationId) => ({
            organisationId,
            userId: `u-${organisationId}`,
            confidentialityAcknowledged: true,
          })),
          minutes: `itemnotulen-${i}`,
          decisions: [],
          agreements: [],
        },
      ];
    case "withdraw":
    case "readmit":
    case "wait":
      return [];
  }
}
