import type { CovenantState } from "../../domain/index.js";
import type { RecordedEvent } from "../../store/types.js";
import type { ProcessingContext } from "./processingActions.js";
import { type ActivityVersion, ProcessingRegister } from "./register.js";

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * The fold a processing record is mapped against: the register, each case's covenant and each
 * merge's subjects. Observe every event in store order first, then map it; the projection and
 * any exporter of records keep one each.
 */
export class ProcessingLedger implements ProcessingContext {
  readonly register: ProcessingRegister;
  private readonly caseCovenants = new Map<string, string>();
  private readonly mergeSubjects = new Map<string, string[]>();

  constructor(baseUrl: string) {
    this.register = new ProcessingRegister(baseUrl);
  }

  /** Folds one event. Never throws on a recorded event. */
  observe(event: RecordedEvent): void {
    const { data } = event;
    this.register.apply(event);
    if (event.type === "CaseOpened" && event.streamId.startsWith("case-")) {
      const caseId = text(data.caseId);
      const covenantId = text(data.covenantId);
      if (caseId && covenantId) this.caseCovenants.set(caseId, covenantId);
    } else if (event.type === "SubjectsMerged" && Array.isArray(data.linked)) {
      const subjects = data.linked.flatMap((link) =>
        typeof link === "object" &&
        link !== null &&
        !Array.isArray(link) &&
        typeof link.subject === "string"
          ? [link.subject]
          : [],
      );
      this.mergeSubjects.set(text(data.mergeId), subjects);
    }
  }

  activity(covenantId: string, activityId: string): ActivityVersion | undefined {
    return this.register.current(covenantId, activityId);
  }

  covenant(covenantId: string): CovenantState | undefined {
    return this.register.covenant(covenantId);
  }

  covenantOfCase(caseId: string): string | undefined {
    return this.caseCovenants.get(caseId);
  }

  subjectsOfMerge(mergeId: string): string[] {
    return [...(this.mergeSubjects.get(mergeId) ?? [])];
  }

  reset(): void {
    this.register.reset();
    this.caseCovenants.clear();
    this.mergeSubjects.clear();
  }
}
