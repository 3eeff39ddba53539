import type { CovenantState } from "../../domain/index.js";
import type { RecordedEvent } from "../../store/types.js";
import { accessRecordFrom } from "../accessRecords.js";
import { shareRefusalFrom } from "../shareRefusals.js";
import {
  DEFAULT_PURPOSE_OF_USE,
  ERASURE_ACTIVITY,
  MERGE_ACTIVITY,
  RETENTION_ACTIVITY,
} from "./activities.js";
import {
  ACTIVITY_ATTRIBUTE,
  type ProcessingRecord,
  SUBJECT_ATTRIBUTE,
  SUBJECT_ID_TYPE,
  SUBJECT_TYPE_ATTRIBUTE,
} from "./ldvRecord.js";
import type { ActivityVersion } from "./register.js";
import { recordIds } from "./traceIds.js";

/** What mapping an event needs from the store before it: the register and a few links. */
export interface ProcessingContext {
  /** The activity version in force; undefined for an activity the covenant does not know. */
  activity(covenantId: string, activityId: string): ActivityVersion | undefined;
  covenant(covenantId: string): CovenantState | undefined;
  covenantOfCase(caseId: string): string | undefined;
  /** The subject records a merge linked, for its undoing. */
  subjectsOfMerge(mergeId: string): string[];
}

/** NEN 7513 event action codes: create, read, update, delete. */
export type EventAction = "C" | "R" | "U" | "D";

/** One processing action on one subject: the LDV record plus what accountability (NEN 7513, scope) needs. */
export interface ProcessingAction {
  record: ProcessingRecord;
  covenantId: string;
  caseId: string | null;
  /** Who acted; null for the service itself (the retention job). Never in the LDV record. */
  actor: { userId: string; organisationId: string; roles: string[] } | null;
  eventAction: EventAction;
  outcome: "success" | "refused";
  /** The activity the action served: the purpose of use. */
  purposeOfUse: string;
  /** NEN 7513 authorisation protocol: the legal bases and the rules that allowed (or refused) it. */
  authorisation: { legalBases: string[]; rules: string[] };
}

interface Touch {
  covenantId: string | undefined;
  caseId: string | null;
  subjectId: string;
  activityId: string;
  name: string;
  at: string;
  actor: ProcessingAction["actor"];
  eventAction: EventAction;
  outcome?: ProcessingAction["outcome"];
  legalBases?: string[];
  rules: string[];
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
const texts = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

function actorOf(event: RecordedEvent): ProcessingAction["actor"] {
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
function touchesOf(event: RecordedEvent, context: ProcessingContext): Touch[] {
  const { data } = event;
  const read = accessRecordFrom(event);
  if (read) {
    const report = read.purpose === "inzageverzoek";
    return [
      {
        covenantId: read.covenantId,
        caseId: read.caseId,
        subjectId: read.subjectId,
        activityId: read.purpose,
        name: report ? "subject-access-report" : "read",
        at: read.readAt,
        actor: { userId: read.userId, organisationId: read.organisationId, roles: read.roles },
        eventAction: "R",
        rules: ["policy-visibility"],
      },
    ];
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

/**
 * The processing actions of one stored event: one per action and data subject touched. An
 * action whose covenant or subject cannot be named is no record (it cannot happen when the
 * context folded the store from its start); its time is the action's own, else the store's.
 */
export function processingActionsOf(
  event: RecordedEvent,
  context: ProcessingContext,
): ProcessingAction[] {
  return touchesOf(event, context).flatMap((touch) => {
    const { covenantId, subjectId } = touch;
    if (!covenantId || !subjectId) return [];
    const activity =
      context.activity(covenantId, touch.activityId) ??
      context.activity(covenantId, DEFAULT_PURPOSE_OF_USE);
    if (!activity) return [];
    const at = Number.isNaN(Date.parse(touch.at)) ? event.recordedAt : touch.at;
    const record: ProcessingRecord = {
      ...recordIds(event, `${touch.caseId ?? ""}\0${subjectId}`),
      name: touch.name,
      startTime: at,
      endTime: at,
      statusCode: "OK",
      attributes: {
        [ACTIVITY_ATTRIBUTE]: activity.uri,
        [SUBJECT_ATTRIBUTE]: subjectId,
        [SUBJECT_TYPE_ATTRIBUTE]: SUBJECT_ID_TYPE,
        "casustafel.covenant_id": covenantId,
        ...(touch.caseId ? { "casustafel.case_id": touch.caseId } : {}),
        ...(touch.outcome === "refused"
          ? { "casustafel.refused_rules": touch.rules.join(",") }
          : {}),
      },
    };
    return [
      {
        record,
        covenantId,
        caseId: touch.caseId,
        actor: touch.actor,
        eventAction: touch.eventAction,
        outcome: touch.outcome ?? "success",
        purposeOfUse: touch.activityId,
        authorisation: { legalBases: touch.legalBases ?? activity.legalBases, rules: touch.rules },
      },
    ];
  });
}
