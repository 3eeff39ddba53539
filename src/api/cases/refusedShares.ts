import { type CaseCommand, ShareRefused } from "../../domain/index.js";
import { recordShareRefusal } from "../../privacy/shareRefusals.js";
import { loadCase } from "../caseExistence.js";
import type { ResourceDeps } from "../resources.js";

/**
 * A refused share is a processing action too (issue 13): it goes on record with the rules it
 * broke and what was asked for, never its content or necessity text, before the 422 leaves.
 */
export async function putRefusedShareOnRecord(
  deps: ResourceDeps,
  command: CaseCommand,
  error: unknown,
  correlationId: string | undefined,
): Promise<void> {
  if (!(error instanceof ShareRefused)) return;
  if (command.type !== "ShareInformation" && command.type !== "ShareSignal") return;
  const { state } = await loadCase(deps.commands, command.caseId);
  if (state.subjectId === null || state.covenantId === null) return;
  await recordShareRefusal(deps.store, {
    caseId: command.caseId,
    subjectId: state.subjectId,
    covenantId: state.covenantId,
    shareId: command.shareId,
    signalId: command.type === "ShareSignal" ? command.signalId : null,
    actor: command.actor,
    rules: error.violations.map((violation) => violation.rule),
    legalBasisId: command.legalBasisId,
    purposeId: command.purposeId,
    dataCategories: command.dataCategories,
    recipients: command.recipients,
    refusedAt: command.now,
    correlationId: correlationId ?? null,
  });
}
