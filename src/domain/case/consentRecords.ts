import { compareInstants, isCalendarDate } from "../dates.js";
import { Conflict, OrganisationNotPermitted } from "../domainError.js";
import { entryOf } from "../entries.js";
import type { BrokenRule } from "../ruleCodes.js";
import type { RecordConsent, WithdrawConsent } from "./commands.js";
import type { CaseContext } from "./context.js";
import { ConsentRefused, type ConsentRule } from "./errors.js";
import type { CaseEvent, ConsentGiverDetails, ConsentGiverRole, ConsentScope } from "./events.js";
import {
  type ExistingCase,
  isChair,
  isJoined,
  requireCase,
  requireCovenantOf,
  requireFound,
  requireNew,
  requireOpenCase,
} from "./guards.js";
import type { CaseState } from "./state.js";

/** The organisation that obtained a consent, a participant or the chair, records it. */
function requireRecorder(command: RecordConsent | WithdrawConsent, state: ExistingCase): void {
  const { actor } = command;
  if (!isJoined(state, actor.organisationId) && !isChair(actor, state)) {
    throw new OrganisationNotPermitted("participant-only", actor.organisationId);
  }
}

type Refuse = (rule: ConsentRule, value?: string | null) => void;
const GIVER_ROLES: readonly unknown[] = ["subject", "parent", "guardian"];
const METHODS: readonly unknown[] = ["form", "verbal"];
const isText = (value: unknown): value is string =>
  typeof value === "string" && value.trim() !== "";

/** Who gave it and how: a parent or guardian is named and says whether they hold parental authority. */
function consentGiver(command: RecordConsent, refuse: Refuse): ConsentGiverDetails {
  const giver = command.giver ?? ({} as Partial<RecordConsent["giver"]>);
  const role = GIVER_ROLES.includes(giver.role) ? (giver.role as ConsentGiverRole) : null;
  if (role === null) refuse("consent-given-by");
  const adult = role === "parent" || role === "guardian";
  if (adult && !isText(giver.name)) refuse("consent-giver-name");
  if (adult && typeof giver.parentalAuthority !== "boolean") refuse("consent-parental-authority");
  if (!METHODS.includes(command.method)) refuse("consent-method");
  if (!isText(command.evidenceReference)) refuse("consent-evidence");
  return {
    role: role ?? "subject",
    name: adult ? (giver.name ?? null) : null,
    parentalAuthority: adult ? (giver.parentalAuthority ?? null) : null,
  };
}

/** Every consent rule checked, every broken one listed: the giver and scope of a lawful record, or ConsentRefused. */
function consentScope(
  command: RecordConsent,
  context: CaseContext,
): { giver: ConsentGiverDetails; scope: ConsentScope } {
  const broken: BrokenRule<ConsentRule>[] = [];
  const refuse = (rule: ConsentRule, value: string | null = null) => broken.push({ rule, value });
  const giver = consentGiver(command, refuse);
  const scope = command.scope ?? ({} as Partial<ConsentScope>);
  if (typeof scope.purposeId !== "string" || !entryOf(context.covenant.purposes, scope.purposeId)) {
    refuse("consent-purpose", typeof scope.purposeId === "string" ? scope.purposeId : null);
  }
  const dataCategories = Array.isArray(scope.dataCategories) ? scope.dataCategories : [];
  if (dataCategories.length === 0) refuse("consent-data-categories");
  for (const id of dataCategories) {
    if (!context.catalogue.dataCategories.some((c) => c.id === id))
      refuse("consent-data-categories", id);
  }
  const recipients = Array.isArray(scope.recipientOrganisationIds)
    ? scope.recipientOrganisationIds
    : [];
  if (recipients.length === 0) refuse("consent-recipients");
  if (!isCalendarDate(command.givenOn) || command.givenOn > command.now.slice(0, 10)) {
    refuse("consent-given-on", String(command.givenOn));
  }
  const expiresAt = command.expiresAt ?? null;
  if (expiresAt !== null && !(compareInstants(expiresAt, command.now) > 0)) {
    refuse("consent-expiry", expiresAt);
  }
  if (broken.length > 0) throw new ConsentRefused(broken);
  return {
    giver,
    scope: {
      dataCategories: [...dataCategories],
      recipientOrganisationIds: [...recipients],
      purposeId: scope.purposeId as string,
    },
  };
}

export function recordConsent(
  command: RecordConsent,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const open = requireOpenCase(state, command.caseId);
  requireCovenantOf(open, context);
  requireRecorder(command, open);
  requireNew(entryOf(open.consents, command.consentId), "consent-id-taken", command.consentId);
  const { giver, scope } = consentScope(command, context);
  const expiresAt = command.expiresAt ?? null;
  return [
    {
      type: "ConsentRecorded",
      data: {
        caseId: open.caseId,
        subjectId: open.subjectId,
        consentId: command.consentId,
        givenBy: giver.role === "subject" ? "subject" : "parent",
        giver,
        method: command.method,
        evidenceReference: command.evidenceReference,
        scope,
        givenOn: command.givenOn,
        expiresAt,
        recordedBy: command.actor.organisationId,
        recordedByUserId: command.actor.userId,
        recordedAt: command.now,
      },
    },
  ];
}

/** Withdrawing consent is a right that outlives the case's closure; the organisation that obtained it records it. */
export function withdrawConsent(command: WithdrawConsent, state: CaseState): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  requireRecorder(command, existing);
  const consent = requireFound(
    entryOf(existing.consents, command.consentId),
    "consent-exists",
    command.consentId,
  );
  if (consent.recordedBy !== command.actor.organisationId)
    throw new OrganisationNotPermitted("consent-obtainer-only", command.actor.organisationId);
  if (consent.withdrawnAt !== null) throw new Conflict("consent-withdrawn", command.consentId);
  const { caseId, subjectId } = existing;
  return [
    {
      type: "ConsentWithdrawn",
      data: { caseId, subjectId, consentId: consent.consentId, withdrawnAt: command.now },
    },
  ];
}
