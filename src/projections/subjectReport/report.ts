import {
  type Actor,
  type CaseState,
  type CovenantState,
  entryOf,
  evolveCase,
  initialCaseState,
  NotPermitted,
} from "../../domain/index.js";
import { type AccessRecorder, SUBJECT_ACCESS_PURPOSE } from "../../privacy/accessRecords.js";
import { mayProduceSubjectReport } from "../../privacy/policy/audit.js";
import { recordedRead } from "../../privacy/recordedRead.js";
import type { RecordedEvent } from "../../store/types.js";
import type { AccessLog } from "../accessLog/accessLog.js";
import { type CaseSection, type NamedOrganisation, presentCase } from "./caseSection.js";
import { type ReadDay, readDays } from "./readDays.js";
import type { SubjectIndex } from "./subjectIndex.js";
import type { SubjectErasure, SubjectRecords } from "./subjectRecords.js";

/** The reads of one case by one organisation for one purpose on one day, the organisation named. */
export type ReportedReadDay = Omit<ReadDay, "organisationId"> & { organisation: NamedOrganisation };

/** The AVG art. 15 report for one young person within one covenant (rule 6). */
export interface SubjectReport {
  subjectId: string;
  /** Every subject record of the young person the report covers (merged records, rule 9). */
  subjectIds: string[];
  covenantId: string;
  producedAt: string;
  /** Set once the subject was erased: every personal field below then reads "[erased]". */
  erasure: SubjectErasure | null;
  cases: CaseSection[];
  /** Dates and purposes of the reads of the subject's cases (C-579/21), per day; no user ids. */
  reads: ReportedReadDay[];
}

export interface SubjectReportDeps {
  records: SubjectRecords;
  index: SubjectIndex;
  /** Who read the subject's cases: the access log. */
  reads: Pick<AccessLog, "readsOfSubject">;
  /** The report carries case content, so it passes the recorded read (rule 8). */
  accessRecorder: AccessRecorder;
}

export interface SubjectReportRequest {
  viewer: Actor;
  covenant: CovenantState;
  subjectId: string;
  /** Every subject record of the young person (rule 9), the subject itself included; default just it. */
  person?: readonly string[];
  now?: string;
  correlationId?: string;
}

/**
 * Produces the report for the covenant's privacy officer (NotPermitted for anyone else),
 * through the recorded read: a read record per case is appended before it is presented.
 */
export async function produceSubjectReport(
  deps: SubjectReportDeps,
  request: SubjectReportRequest,
): Promise<SubjectReport> {
  const { viewer, covenant, subjectId } = request;
  const covenantId = covenant.covenantId;
  if (covenantId === null || !mayProduceSubjectReport(viewer, covenant)) {
    throw new NotPermitted("covenant-privacy-officer", viewer.organisationId);
  }
  const now = request.now ?? new Date().toISOString();
  const person = [...(request.person ?? [subjectId])];
  const reads = readDays(
    (
      await Promise.all(person.map((subject) => deps.reads.readsOfSubject(subject, covenantId)))
    ).flat(),
  );
  const caseIds = person.flatMap((subject) =>
    deps.index.casesOf(subject, covenantId).map((caseId) => ({ subject, caseId })),
  );
  const histories = await Promise.all(
    caseIds.map(({ caseId }) => deps.records.caseHistory(caseId)),
  );
  const states = histories.map(foldCase);
  // The case's own record names the sessions its recorded items were on, whatever the index has seen.
  const sessionsOf = (caseId: string, state: CaseState) => [
    ...new Set([
      ...deps.index.sessionsOf(caseId),
      ...Object.values(state.agendaItems).map((item) => item.sessionId),
    ]),
  ];
  const listed = await Promise.all(
    caseIds.map(({ caseId }, at) =>
      deps.records.agendaItems(caseId, sessionsOf(caseId, states[at]!)),
    ),
  );
  const named = (organisationId: string): NamedOrganisation => ({
    organisationId,
    name: entryOf(covenant.members, organisationId)?.name ?? null,
  });
  const cases = histories.map((history, at) =>
    presentCase(history, states[at]!, covenant, listed[at]),
  );
  const reading = {
    actor: viewer,
    purpose: SUBJECT_ACCESS_PURPOSE,
    now,
    correlationId: request.correlationId,
  };
  const seen = cases.map(({ caseId, itemIds }, at) => ({
    caseId,
    subjectId: caseIds[at]!.subject,
    covenantId,
    itemIds,
  }));
  return recordedRead(deps.accessRecorder, reading, seen, async () => ({
    subjectId,
    subjectIds: person,
    covenantId,
    producedAt: now,
    erasure: await deps.records.erasure(subjectId),
    cases,
    reads: reads.map(({ organisationId, ...day }) => ({
      ...day,
      organisation: named(organisationId),
    })),
  }));
}

const foldCase = (history: readonly RecordedEvent[]): CaseState =>
  history.reduce(
    (state, event) => evolveCase(state, { type: event.type, data: event.data } as never),
    initialCaseState,
  );
