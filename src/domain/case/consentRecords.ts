import { compareInstants, isCalendarDate } from "../dates.js";
import { Conflict, InvalidCommand, NotPermitted } from "../domainError.js";
import { entryOf } from "../entries.js";
import type { RecordConsent, WithdrawConsent } from "./commands.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent } from "./events.js";
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
    throw new NotPermitted("participant-only", actor.organisationId);
  }
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
  if (command.givenBy !== "subject" && command.givenBy !== "parent") {
    throw new InvalidCommand("consent-given-by");
  }
  const { scope } = command;
  if (!scope || !entryOf(context.covenant.purposes, scope.purposeId)) {
    throw new InvalidCommand("consent-purpose", scope?.purposeId ?? null);
  }
  if (!Array.isArray(scope.dataCategories) || scope.dataCategories.length === 0) {
    throw new InvalidCommand("consent-data-categories");
  }
  const unknown = scope.dataCategories.find(
    (id) => !context.catalogue.dataCategories.some((c) => c.id === id),
  );
  if (unknown !== undefined) throw new InvalidCommand("consent-data-categories", unknown);
  if (
    !Array.isArray(scope.recipientOrganisationIds) ||
    scope.recipientOrganisationIds.length === 0
  ) {
    throw new InvalidCommand("consent-recipients");
  }
  if (!isCalendarDate(command.givenOn) || command.givenOn > command.now.slice(0, 10)) {
    throw new InvalidCommand("consent-given-on", String(command.givenOn));
  }
  const expiresAt = command.expiresAt ?? null;
  if (expiresAt !== null && !(compareInstants(expiresAt, command.now) > 0)) {
    throw new InvalidCommand("consent-expiry", expiresAt);
  }
  return [
    {
      type: "ConsentRecorded",
      data: {
        caseId: open.caseId,
        subjectId: open.subjectId,
        consentId: command.consentId,
        givenBy: command.givenBy,
        scope: {
          dataCategories: [...scope.dataCategories],
          recipientOrganisationIds: [...scope.recipientOrganisationIds],
          purposeId: scope.purposeId,
        },
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
