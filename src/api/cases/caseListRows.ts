import { z } from "zod";
import { loadCovenant } from "../../commands/covenants.js";
import {
  ageOn,
  type CovenantState,
  ERASED,
  entryOf,
  SCHOOL_KINDS,
  signalCategories,
} from "../../domain/index.js";
import type { CaseListEntry } from "../../projections/caseList/caseList.js";
import { purposeOfUseField } from "../purposeOfUse.js";
import type { ResourceDeps } from "../resources.js";
import { reference } from "./schemas.js";

type CaseRow = Extract<CaseListEntry, { access: "case" }>;

export const caseListQuery = z.object({
  status: z.enum(["open", "closed"]).optional(),
  category: z
    .enum(signalCategories.map((category) => category.id) as [string, ...string[]])
    .optional()
    .describe("A signal category id: cases whose latest signal is of it"),
  school: reference.optional().describe("A school's member organisation id"),
  mine: z
    .enum(["true", "false"])
    .optional()
    .describe("true: only cases where my organisation has regie or an open agreement"),
  sort: z.enum(["urgency", "date"]).optional().describe("urgency (highest first), else newest"),
  ...purposeOfUseField,
});
type CaseListQuery = z.output<typeof caseListQuery>;

/** A name's initials ("Daan van der Berg" → "D.v.d.B."); an erased name stays "[erased]". */
export function initialsOf(name: string): string {
  if (name === ERASED) return ERASED;
  return name
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => {
      const first = [...word][0]!;
      return `${first === first.toLowerCase() ? first : first.toUpperCase()}.`;
    })
    .join("");
}

/** The school a case is at: the first school member organisation that joined it. */
function schoolOf(row: CaseRow, covenant: CovenantState) {
  const schoolId = row.participantIds.find((organisationId) =>
    SCHOOL_KINDS.includes(entryOf(covenant.members, organisationId)?.partnerKind ?? ""),
  );
  if (schoolId === undefined) return null;
  return { organisationId: schoolId, name: entryOf(covenant.members, schoolId)?.name ?? null };
}

const URGENCY_RANK = { high: 0, medium: 1, low: 2 } as const;
const newestFirst = (a: CaseRow, b: CaseRow) =>
  (b.openedAt ?? "").localeCompare(a.openedAt ?? "") || a.caseId.localeCompare(b.caseId);

/** The caller's case rows, filtered and sorted, each with what a person needs to tell cases apart. */
export async function presentCaseRows(
  deps: ResourceDeps,
  rows: CaseRow[],
  query: CaseListQuery,
  organisationId: string,
) {
  const now = deps.now();
  const covenants = new Map<string, CovenantState>();
  const covenantOf = async (caseId: string) => {
    const covenantId = deps.readModels.caseView.stateOf(caseId)?.covenantId ?? "";
    if (!covenants.has(covenantId)) {
      covenants.set(covenantId, await loadCovenant(deps.commands, covenantId));
    }
    return covenants.get(covenantId)!;
  };
  const presented = [];
  const sorted = [...rows].sort(
    query.sort === "urgency"
      ? (a, b) =>
          URGENCY_RANK[a.urgency ?? "low"] - URGENCY_RANK[b.urgency ?? "low"] || newestFirst(a, b)
      : newestFirst,
  );
  for (const row of sorted) {
    const covenant = await covenantOf(row.caseId);
    const school = schoolOf(row, covenant);
    if (query.status !== undefined && row.status !== query.status) continue;
    if (query.category !== undefined && row.latestSignalCategory !== query.category) continue;
    if (query.school !== undefined && school?.organisationId !== query.school) continue;
    const mine = row.regieOrganisationId === organisationId || row.ownOpenAgreements > 0;
    if (query.mine === "true" && !mine) continue;
    const subject = row.subject;
    presented.push({
      view: "case" as const,
      caseId: row.caseId,
      status: row.status,
      subject: subject && {
        name: covenant.caseListNames === "initials" ? initialsOf(subject.name) : subject.name,
        age: ageOn(subject.dateOfBirth, now.slice(0, 10)),
      },
      school,
      openedAt: row.openedAt,
      urgency: row.urgency,
      signalCategory: row.signalCategory,
      latestSignalCategory: row.latestSignalCategory,
      chairOrganisationId: row.chairOrganisationId,
      regieOrganisationId: row.regieOrganisationId,
      nextMeeting: row.nextMeeting,
      openAgreements: row.openAgreements,
      overdueAgreements: row.overdueAgreements,
    });
  }
  return presented;
}
