import { compareInstants, isCalendarDate } from "../dates.js";
import { Conflict, OrganisationNotPermitted } from "../domainError.js";
import { entryOf } from "../entries.js";
import type { BrokenRule } from "../ruleCodes.js";
import type { RecordConsent, WithdrawConsent } from "./commands.js";
import type { CaseContext } from "./context.js";
import { ConsentRefused, type ConsentRule } from "./errors.js";
import type { CaseEvent, ConsentScope } from "./events.js";
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

/** Participants and the chair record consent on the young person's or parents' behalf. */
function requireRecorder(command: RecordConsent | WithdrawConsent, state: ExistingCase): void {
  const { actor } = command;
  if (!isJoined(state, actor.organisationId) && !isChair(actor, state)) {
    throw new OrganisationNotPermitted("participant-only", actor.organisationId);
  }
}

/** Every consent rule checked, every broken one listed: the scope of a lawful record, or ConsentRefused. */
function consentScope(command: RecordConsent, context: CaseContext): ConsentScope {
  const broken: BrokenRule<ConsentRule>[] = [];
  const refuse = (rule: ConsentRule, value: string | null = null) => broken.push({ rule, value });
  if (command.givenBy !== "subject" && command.givenBy !== "parent") refuse("consent-given-by");
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
    dataCategories: [...dataCategories],
    recipientOrganisationIds: [...recipients],
    purposeId: scope.purposeId as string,
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
  const scope = consentScope(command, context);
  const expiresAt = command.expiresAt ?? null;
  return [
    {
      type: "ConsentRecorded",
      data: {
        caseId: open.caseId,
        subjectId: open.subjectId,
        consentId: command.consentId,
        givenBy: command.givenBy,
        scope,
        givenOn: command.givenOn,
        expiresAt,
        recordedBy: command.actor.organisationId,
        recordedAt: command.now,
      },
    },
  ];
}

/** Withdrawing consent is a right that outlives the case's closure. */
export function withdrawConsent(command: WithdrawConsent, state: CaseState): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  requireRecorder(command, existing);
  const consent = requireFound(
    entryOf(existing.consents, command.consentId),
    "consent-exists",
    command.consentId,
  );
  if (consent.withdrawnAt !== null) throw new Conflict("consent-withdrawn", command.consentId);
  const { caseId, subjectId } = existing;
  return [
    {
      type: "ConsentWithdrawn",
      data: { caseId, subjectId, consentId: consent.consentId, withdrawnAt: command.now },
    },
  ];
}
