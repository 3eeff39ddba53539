import { Conflict, type StrongMatchKind } from "../../domain/index.js";
import type { IndexHit } from "../../privacy/identity/identityIndex.js";
import { handleCaseCommand } from "../cases.js";
import { loadCovenant } from "../covenants.js";
import type { Intake, IntakeDeps, IntakeOutcome } from "./intake.js";
import { lockKeyOf, type YoungPersonKeys, youngPersonKeys } from "./matchKeys.js";
import { notePossibleMatches } from "./possibleMatches.js";

/**
 * Signal intake (rule 9). Under a lock on the young person's strong keys: a strong match
 * with an open case records the signal there (the raiser does not join); a strong match
 * without one opens a case for the same subject; otherwise a new subject's case is opened,
 * and a weak match puts a possible match before the chair. Lookups are index searches.
 */
export async function takeInSignal(deps: IntakeDeps, intake: Intake): Promise<IntakeOutcome> {
  const covenant = await loadCovenant(deps.commands, intake.covenantId);
  const subject = intake.subject;
  const keys =
    subject && youngPersonKeys(deps.indexer, subject, covenant, intake.actor.organisationId);
  if (!keys) return open(deps, intake, intake.subjectId);
  const held = keys.strong.map((index) => lockKeyOf(intake.covenantId, index));
  return deps.identityLock.hold(held, () => matchAndRecord(deps, intake, keys));
}

async function matchAndRecord(
  deps: IntakeDeps,
  intake: Intake,
  keys: YoungPersonKeys,
): Promise<IntakeOutcome> {
  const hits = await deps.identityIndex.find(intake.covenantId, keys.all);
  // Under the lock, every intake before this one is in the store; the read models must show it.
  if (hits.length > 0) await deps.catchUp();
  const strong = strongestHit(hits, intake.subjectId);
  if (strong) {
    const cases = deps.casesOf(strong.subjectId, intake.covenantId);
    const openCase = cases.find((known) => known.open);
    if (openCase) {
      const joined = await joinOpenCase(deps, intake, openCase.caseId, strong.kind);
      if (joined) return joined;
    }
  }
  const subjectId = strong?.subjectId ?? intake.subjectId;
  const opened = await open(deps, intake, subjectId);
  await deps.identityIndex.add(intake.covenantId, subjectId, keys.all);
  const others = hits.filter((hit) => hit.subjectId !== subjectId);
  await notePossibleMatches(deps, intake, { caseId: intake.caseId, subjectId }, others);
  return opened;
}

/**
 * The subject a strong key found, the BSN first. The subject this very request would create
 * is a retry of an intake that opened its case: it is answered as that opening was.
 */
function strongestHit(hits: readonly IndexHit[], ownSubjectId: string) {
  const strong = hits.filter((hit) => hit.kind === "bsn" || hit.kind === "name-dob");
  const found = strong.find((hit) => hit.kind === "bsn") ?? strong[0];
  if (!found || found.subjectId === ownSubjectId) return undefined;
  return { subjectId: found.subjectId, kind: found.kind as StrongMatchKind };
}

async function open(deps: IntakeDeps, intake: Intake, subjectId: string): Promise<IntakeOutcome> {
  const { newMatchId: _ids, idempotency, ...fields } = intake;
  const handled = await handleCaseCommand(
    deps.commands,
    { ...fields, type: "RaiseSignal", subjectId },
    { idempotency },
  );
  return { outcome: "opened-case", subjectId, handled };
}

/** Undefined when the case closed in the meantime: then the young person gets a new case. */
async function joinOpenCase(
  deps: IntakeDeps,
  intake: Intake,
  caseId: string,
  matchedOn: StrongMatchKind,
): Promise<IntakeOutcome | undefined> {
  const { actor, now, signalId, covenantId, category, level, urgency, description } = intake;
  try {
    const { state } = await handleCaseCommand(
      deps.commands,
      {
        type: "RecordMatchedSignal",
        actor,
        now,
        caseId,
        signalId,
        covenantId,
        category,
        level,
        urgency,
        description,
        matchedOn,
      },
      { idempotency: intake.idempotency },
    );
    return {
      outcome: "joined-existing-case",
      caseId,
      chairOrganisationId: state.chairOrganisationId as string,
    };
  } catch (error) {
    if (error instanceof Conflict && error.rule === "case-open") return undefined;
    throw error;
  }
}
