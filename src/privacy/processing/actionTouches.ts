import type { CovenantState } from "../../domain/index.js";
import type { RecordedEvent } from "../../store/types.js";
import { accessRecordsFrom, SUBJECT_ACCESS_PURPOSE } from "../accessRecords.js";
import { shareRefusalFrom } from "../shareRefusals.js";
import { ERASURE_ACTIVITY, MERGE_ACTIVITY, RETENTION_ACTIVITY } from "./activities.js";
import type { EventAction, ProcessingContext } from "./processingContext.js";

/** One action on one subject as the event tells it, before the register names its activity version. */
export interface Touch {
  covenantId: string | undefined;
  caseId: string | null;
  subjectId: string;
  activityId: string;
  name: string;
  at: string;
  actor: { userId: string; organisationId: string; roles: string[] } | null;
  eventAction: EventAction;
  outcome?: "success" | "refused";
  legalBases?: string[];
  rules: string[];
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const texts = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

function actorOf(event: RecordedEvent): Touch["actor"] {
  const actor = event.metadata.actor;
  if (!actor || typeof actor.userId !== "string") return null;
  return {
    userId: actor.userId,
    organisationId: actor.organisationId,
    roles: actor.role.split(","),
  };
}

/** The sharing rules of the covenant that allow this share's basis from the sharer's kind. */
function rulesAllowing(
  covenant: CovenantState | undefined,
  sharedBy: string,
  basis: string,
  categories: string[],
) {
  if (!covenant) return [];
  const kind = Object.hasOwn(covenant.members, sharedBy)
    ? covenant.members[sharedBy]?.partnerKind
    : undefined;
  return Object.values(covenant.sharingRules)
    .filter(
      (rule) =>
        rule.sharerKind === kind &&
        rule.legalBasisIds.includes(basis) &&
        categories.some((category) => rule.dataCategories.includes(category)),
    )
    .map((rule) => rule.ruleId)
    .sort();
}

/** The actions an event is, one per subject touched, before the register is asked. */
export function touchesOf(event: RecordedEvent, context: ProcessingContext): Touch[] {
  const { data } = event;
  const reads = accessRecordsFrom(event);
  if (reads.length > 0) {
    return reads.map((read) => ({
      covenantId: read.covenantId,
      caseId: read.caseId,
      subjectId: read.subjectId,
      activityId: read.purpose,
      name: read.purpose === SUBJECT_ACCESS_PURPOSE ? "subject-access-report" : "read",
      at: read.readAt,
      actor: { userId: read.userId, organisationId: read.organisationId, roles: read.roles },
      eventAction: "R" as const,
      rules: ["policy-visibility"],
    }));
  }
  const refusal = shareRefusalFrom(event);
  if (refusal) {
    return [
      {
        covenantId: refusal.covenantId,
        caseId: refusal.caseId,
        subjectId: refusal.subjectId,
        activityId: refusal.purposeId,
        name: "share-refusal",
        at: refusal.refusedAt,
        actor: {
          userId: refusal.userId,
          organisationId: refusal.organisationId,
          roles: refusal.roles,
        },
        eventAction: "C",
        outcome: "refused",
        legalBases: [refusal.legalBasisId],
        rules: refusal.rules,
      },
    ];
  }
  switch (event.type) {
    case "InformationShared": {
      const caseId = text(data.caseId);
      const covenantId = context.covenantOfCase(caseId);
      const basis = text(data.legalBasisId);
      const sharedBy = text(data.sharedBy);
      const categories = texts(data.dataCategories);
      return [
        {
          covenantId,
          caseId,
          subjectId: text(data.subjectId),
          activityId: text(data.purposeId),
          name: "share",
          at: text(data.sharedAt),
          actor: actorOf(event),
          eventAction: "C",
          legalBases: [basis],
          rules: rulesAllowing(
            covenantId ? context.covenant(covenantId) : undefined,
            sharedBy,
            basis,
            categories,
          ),
        },
      ];
    }
    case "SubjectErased": {
      const caseIds = texts(data.caseIds);
      const retention = data.reason === "retention";
      return [
        {
          covenantId: caseIds.map((caseId) => context.covenantOfCase(caseId)).find(Boolean),
          caseId: null,
          subjectId: text(data.subjectId),
          activityId: retention ? RETENTION_ACTIVITY : ERASURE_ACTIVITY,
          name: retention ? "retention-erasure" : "erasure",
          at: text(data.erasedAt),
          actor: retention ? null : actorOf(event),
          eventAction: "D",
          rules: [`erasure-reason:${text(data.reason)}`],
        },
      ];
    }
    case "SubjectsMerged":
    case "SubjectsMergeUndone": {
      const merged = event.type === "SubjectsMerged";
      const subjects = merged
        ? (Array.isArray(data.linked) ? data.linked : []).map((link) =>
            typeof link === "object" && link !== null && !Array.isArray(link)
              ? text(link.subject)
              : "",
          )
        : context.subjectsOfMerge(text(data.mergeId));
      return subjects.map((subjectId) => ({
        covenantId: text(data.covenantId),
        caseId: null,
        subjectId,
        activityId: MERGE_ACTIVITY,
        name: merged ? "merge" : "merge-undo",
        at: text(merged ? data.mergedAt : data.undoneAt),
        actor: actorOf(event),
        eventAction: "U" as const,
        rules: [`merge-reason:${text(data.reason)}`],
      }));
    }
    default:
      return [];
  }
}
