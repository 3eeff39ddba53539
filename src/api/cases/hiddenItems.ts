import { randomUUID } from "node:crypto";
import { caseContext } from "../../commands/cases.js";
import {
  type CaseCommand,
  type CaseState,
  caseDecider,
  NotFound,
  type NotFoundRule,
} from "../../domain/index.js";
import type { CaseVisibility } from "../../privacy/policy/caseVisibility.js";
import type { ResourceDeps } from "../resources.js";

/** The item a command names by id, by the policy's item kind. */
const ITEM_FIELDS: Partial<Record<CaseCommand["type"], { kind: string; field: string }>> = {
  RevokeShare: { kind: "share", field: "shareId" },
  CorrectShare: { kind: "share", field: "shareId" },
  WithdrawConsent: { kind: "consent", field: "consentId" },
  RecordMeeting: { kind: "meeting", field: "meetingId" },
  MakeAgreement: { kind: "meeting", field: "meetingId" },
  ChangeAgreementDueDate: { kind: "agreement", field: "agreementId" },
  NoteAgreementProgress: { kind: "agreement", field: "agreementId" },
  CompleteAgreement: { kind: "agreement", field: "agreementId" },
  CancelAgreement: { kind: "agreement", field: "agreementId" },
};

/**
 * The command as it would read naming an unknown item instead of one the caller may not
 * know of (rule 1, last sentence); undefined when it names none or one the policy shows it.
 */
export function withUnknownItem(
  command: CaseCommand,
  visible: CaseVisibility,
): CaseCommand | undefined {
  const named = Object.hasOwn(ITEM_FIELDS, command.type) ? ITEM_FIELDS[command.type] : undefined;
  if (!named) return undefined;
  const id = (command as Record<string, unknown>)[named.field];
  if (typeof id !== "string") return undefined;
  const shown =
    visible.kind !== "none" && visible.items.some((i) => i.id === `${named.kind}:${id}`);
  return shown ? undefined : ({ ...command, [named.field]: randomUUID() } as CaseCommand);
}

/**
 * What decide answers for the command naming an unknown item: the refusal a hidden item
 * must get, so that its answer equals the answer for an id that does not exist.
 */
export async function refusalAsUnknown(
  deps: ResourceDeps,
  command: CaseCommand,
  state: CaseState,
): Promise<unknown> {
  try {
    caseDecider.decide(command, state, await caseContext(deps.commands, state, command));
  } catch (refusal) {
    return refusal;
  }
  // Unreachable while every command refuses an unknown item; never accept a hidden one.
  const kind = ITEM_FIELDS[command.type]?.kind ?? "case";
  return new NotFound(`${kind}-exists` as NotFoundRule);
}
