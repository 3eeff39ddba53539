import { Conflict, OrganisationNotPermitted } from "../domainError.js";
import { entryOf } from "../entries.js";
import { requireText } from "../text.js";
import type { CorrectShare, RevokeShare, ShareInformation, ShareSignal } from "./commands.js";
import type { CaseContext } from "./context.js";
import type { CaseEvent } from "./events.js";
import { requireCase, requireCovenantOf, requireFound, requireRole } from "./guards.js";
import { checkShare } from "./shareRules.js";
import type { CaseState, Share } from "./state.js";

/** A share is lawful or it is refused: every rule in shareRules.ts holds, or nothing is recorded. */
export function shareInformation(
  command: ShareInformation,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  requireCovenantOf(existing, context);
  requireRole(command.actor, "share-role", "professional", "chair");
  if (entryOf(existing.shares, command.shareId))
    throw new Conflict("share-id-taken", command.shareId);
  requireText(command.content, "share-content");
  const lawful = checkShare(command, existing, context);
  return [
    {
      type: "InformationShared",
      data: {
        caseId: existing.caseId,
        subjectId: existing.subjectId,
        shareId: command.shareId,
        sharedBy: command.actor.organisationId,
        recipients: [...command.recipients],
        dataCategories: [...command.dataCategories],
        legalBasisId: command.legalBasisId,
        purposeId: command.purposeId,
        necessity: command.necessity,
        content: command.content,
        expiresAt: lawful.expiresAt,
        decisionReference: command.decisionReference ?? null,
        weightyPublicInterest: command.weightyPublicInterest ?? null,
        competentAuthorityAgreement: command.competentAuthorityAgreement ?? null,
        consentIds: lawful.consentIds,
        sharedAt: command.now,
      },
    },
  ];
}

/**
 * Rule 2: a signal's description reaches other participants only through a share. Its raiser
 * shares it in one step; the content is the signal's text and every share rule applies.
 */
export function shareSignal(
  command: ShareSignal,
  state: CaseState,
  context: CaseContext,
): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  requireRole(command.actor, "share-role", "professional", "chair");
  const { signalId, ...share } = command;
  const signal = requireFound(
    existing.signals.find((s) => s.signalId === signalId),
    "signal-exists",
    signalId,
  );
  if (signal.raisedBy !== command.actor.organisationId) {
    throw new OrganisationNotPermitted("signal-raiser-only", command.actor.organisationId);
  }
  return shareInformation(
    { ...share, type: "ShareInformation", content: signal.description },
    existing,
    context,
  );
}

/** Only the sharing organisation revokes or corrects what it shared, also after closure. */
function ownShare(state: CaseState, shareId: string, organisationId: string): Share {
  const share = requireFound(entryOf(state.shares, shareId), "share-exists", shareId);
  if (share.sharedBy !== organisationId)
    throw new OrganisationNotPermitted("sharer-only", organisationId);
  if (share.revokedAt !== null) throw new Conflict("share-revoked", shareId);
  return share;
}

export function revokeShare(command: RevokeShare, state: CaseState): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  requireRole(command.actor, "share-role", "professional", "chair");
  const share = ownShare(existing, command.shareId, command.actor.organisationId);
  const { caseId, subjectId } = existing;
  return [
    {
      type: "ShareRevoked",
      data: { caseId, subjectId, shareId: share.shareId, revokedAt: command.now },
    },
  ];
}

/** A correction reaches exactly the original recipients: no more, no fewer. */
export function correctShare(command: CorrectShare, state: CaseState): CaseEvent[] {
  const existing = requireCase(state, command.caseId);
  requireRole(command.actor, "share-role", "professional", "chair");
  const share = ownShare(existing, command.shareId, command.actor.organisationId);
  const content = requireText(command.content, "share-content");
  const reason = requireText(command.reason, "correction-reason");
  const { caseId, subjectId } = existing;
  return [
    {
      type: "ShareCorrected",
      data: {
        caseId,
        subjectId,
        shareId: share.shareId,
        recipients: [...share.recipients],
        content,
        reason,
        correctedAt: command.now,
      },
    },
  ];
}
