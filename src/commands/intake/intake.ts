import type { CaseEvent, CaseState, RaiseSignal } from "../../domain/index.js";
import type { BlindIndexer } from "../../privacy/identity/blindIndex.js";
import type { IdentityIndex } from "../../privacy/identity/identityIndex.js";
import type { IdentityLock } from "../../privacy/identity/identityLock.js";
import type { CommandDeps, Handled } from "../handleCommand.js";
import type { IdempotentWrite } from "../idempotentWrite.js";

/** A case of the young person in the covenant, as the read models know it. */
export type KnownCase = { caseId: string; open: boolean };

export interface IntakeDeps {
  commands: CommandDeps;
  identityIndex: IdentityIndex;
  indexer: BlindIndexer;
  identityLock: IdentityLock;
  /** Resolves once the read models reached the store's head, so casesOf misses no case written before. */
  catchUp(): Promise<void>;
  /** The subject's cases in the covenant, oldest first, as the read models know them. */
  casesOf(subjectId: string, covenantId: string): KnownCase[];
}

/** A signal that opens a case unless its young person has one open in the covenant. */
export type Intake = Omit<RaiseSignal, "type"> & {
  /** Ids for the possible matches this intake may note, one per other young person. */
  newMatchId(n: number): string;
  idempotency?: IdempotentWrite;
};

export type IntakeOutcome =
  | { outcome: "opened-case"; subjectId: string; handled: Handled<CaseEvent, CaseState> }
  | { outcome: "joined-existing-case"; caseId: string; chairOrganisationId: string };
