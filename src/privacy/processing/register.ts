import {
  type CovenantEvent,
  type CovenantState,
  evolveCovenant,
  initialCovenantState,
} from "../../domain/index.js";
import type { RecordedEvent } from "../../store/types.js";
import { type ActivityContent, SERVICE_ACTIVITIES, type ServiceActivity } from "./activities.js";

/** One version of a processing activity, as the register of Logboek Dataverwerkingen keeps it. */
export interface ActivityVersion extends ActivityContent {
  covenantId: string;
  activityId: string;
  /** 1-based; a change of the covenant's purposes, rules or retention makes the next. */
  version: number;
  /** The stable URI a processing record's `dpl.core.processing_activity_id` names. */
  uri: string;
  /** Since when this version is in force; its successor's validFrom ends it. */
  validFrom: string;
  /** Whether a covenant purpose defines it, or the service's own processing under the covenant does. */
  source: "covenant-purpose" | "service";
}

/** The URI of one activity version: the service's public URL, the covenant, the activity, the version. */
export const activityVersionUri = (
  baseUrl: string,
  covenantId: string,
  activityId: string,
  version: number,
) =>
  `${baseUrl.replace(/\/+$/, "")}/v1/covenants/${encodeURIComponent(covenantId)}/processing-activities/${encodeURIComponent(activityId)}/versions/${version}`;

const COVENANT_CHANGES = new Set<string>([
  "CovenantEstablished",
  "PurposeAdded",
  "SharingRuleAdded",
  "SharingRuleRemoved",
  "RetentionSet",
]);

/** When a covenant event took effect: its own time field, else when it was stored. */
function effectiveAt(event: RecordedEvent): string {
  const { data } = event;
  for (const field of ["establishedAt", "addedAt", "removedAt", "setAt"]) {
    const value = data[field];
    if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return value;
  }
  return event.recordedAt;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** What the covenant as a whole allows: every sharing rule's bases, categories and recipient kinds. */
function covenantWide(covenant: CovenantState) {
  const rules = Object.values(covenant.sharingRules);
  return {
    legalBases: sorted(rules.flatMap((rule) => rule.legalBasisIds)),
    dataCategories: sorted(rules.flatMap((rule) => rule.dataCategories)),
    recipientRoles: sorted(rules.flatMap((rule) => rule.recipientKinds)),
  };
}

/** The content of every activity of the covenant as it stands, keyed by activity id. */
function activitiesOf(
  covenant: CovenantState,
): Map<string, ActivityContent & { source: ActivityVersion["source"] }> {
  const wide = covenantWide(covenant);
  const longest = Math.max(0, ...Object.values(covenant.retentionYears));
  const contents = new Map<string, ActivityContent & { source: ActivityVersion["source"] }>();
  for (const [activityId, service] of Object.entries(SERVICE_ACTIVITIES) as [
    string,
    ServiceActivity,
  ][]) {
    contents.set(activityId, {
      purpose: service.purpose,
      legalBases: service.legalBases ?? wide.legalBases,
      dataCategories: service.dataCategories ?? wide.dataCategories,
      recipientRoles: service.recipientRoles ?? wide.recipientRoles,
      retentionYearsAfterClosure: service.retention === "covenant" ? longest || null : null,
      source: "service",
    });
  }
  // A covenant purpose of the same id as a service activity defines it: the covenant is the ground.
  for (const { purposeId, description } of Object.values(covenant.purposes)) {
    contents.set(purposeId, {
      purpose: description,
      ...wide,
      retentionYearsAfterClosure: Object.hasOwn(covenant.retentionYears, purposeId)
        ? (covenant.retentionYears[purposeId] ?? null)
        : null,
      source: "covenant-purpose",
    });
  }
  return contents;
}

const sameContent = (a: ActivityContent, b: ActivityContent) =>
  a.purpose === b.purpose &&
  a.retentionYearsAfterClosure === b.retentionYearsAfterClosure &&
  a.legalBases.join() === b.legalBases.join() &&
  a.dataCategories.join() === b.dataCategories.join() &&
  a.recipientRoles.join() === b.recipientRoles.join();

/**
 * The processing register (Logboek Dataverwerkingen, component Register): the covenant's purposes
 * and the service's own processing as versioned activities. Folded from covenant events in store
 * order, so the latest version at any point of the fold is the one in force for the actions there.
 */
export class ProcessingRegister {
  private readonly states = new Map<string, CovenantState>();
  private readonly versions = new Map<string, Map<string, ActivityVersion[]>>();

  constructor(private readonly baseUrl: string) {}

  /** Folds one event; any event that is not a covenant change passes by. Never throws. */
  apply(event: RecordedEvent): void {
    if (!event.streamId.startsWith("covenant-")) return;
    const covenantId = event.data.covenantId;
    if (typeof covenantId !== "string" || covenantId === "") return;
    const before = this.states.get(covenantId) ?? initialCovenantState;
    // An event type this version does not know leaves the covenant as it was.
    const after = evolveCovenant(before, event as unknown as CovenantEvent) ?? before;
    if (after.status !== "established") return;
    this.states.set(covenantId, after);
    // Membership is folded too (purposes of use depend on it) but changes no activity.
    if (COVENANT_CHANGES.has(event.type)) {
      this.record(covenantId, activitiesOf(after), effectiveAt(event));
    }
  }

  private record(
    covenantId: string,
    contents: ReturnType<typeof activitiesOf>,
    validFrom: string,
  ): void {
    const byActivity = this.versions.get(covenantId) ?? new Map<string, ActivityVersion[]>();
    this.versions.set(covenantId, byActivity);
    for (const [activityId, content] of contents) {
      const history = byActivity.get(activityId) ?? [];
      const latest = history.at(-1);
      if (latest && sameContent(latest, content)) continue;
      const version = history.length + 1;
      history.push({
        ...content,
        covenantId,
        activityId,
        version,
        validFrom,
        uri: activityVersionUri(this.baseUrl, covenantId, activityId, version),
      });
      byActivity.set(activityId, history);
    }
  }

  /** The version in force now (at this point of the fold); undefined for an unknown activity. */
  current(covenantId: string, activityId: string): ActivityVersion | undefined {
    return this.versions.get(covenantId)?.get(activityId)?.at(-1);
  }

  /** One version by number: old versions stay resolvable. */
  version(covenantId: string, activityId: string, version: number): ActivityVersion | undefined {
    return this.versions.get(covenantId)?.get(activityId)?.[version - 1];
  }

  /** Every version of every activity of the covenant, by activity id and then version. */
  activities(covenantId: string): ActivityVersion[] {
    const byActivity = this.versions.get(covenantId);
    if (!byActivity) return [];
    return [...byActivity.keys()].sort().flatMap((activityId) => byActivity.get(activityId)!);
  }

  /** The covenant as the register folded it; undefined before it is established. */
  covenant(covenantId: string): CovenantState | undefined {
    return this.states.get(covenantId);
  }

  /** Every covenant the register knows, as folded so far. */
  covenants(): CovenantState[] {
    return [...this.states.values()];
  }

  reset(): void {
    this.states.clear();
    this.versions.clear();
  }
}
