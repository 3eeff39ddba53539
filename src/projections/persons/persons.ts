import {
  type Actor,
  applyPersonEvent,
  NotPermitted,
  PersonLinks,
  type SubjectsMerged,
  type SubjectsMergeUndone,
} from "../../domain/index.js";
import { type AuditedCovenant, isCovenantPrivacyOfficer } from "../../privacy/policy/audit.js";
import type { ReadModel } from "../readModel.js";

/** A merge as the disclosure register lists it: which records were linked, by whom, why. Ids and codes only. */
export interface MergeEntry {
  mergeId: string;
  linked: { subjectId: string; caseId: string }[];
  reason: string;
  mergedAt: string;
  mergedBy: { userId: string; organisationId: string };
  undone: {
    reason: string;
    undoneAt: string;
    undoneBy: { userId: string; organisationId: string };
  } | null;
}

export interface Persons extends ReadModel {
  /** Every subject id of the young person this subject id belongs to in the covenant, itself first. */
  personOf(covenantId: string, subjectId: string): string[];
  /** One merge of the covenant, to check an undo against; undefined when unknown. */
  merge(covenantId: string, mergeId: string): MergeEntry | undefined;
  /** Rule 5: the covenant's merges and undos, oldest first, for the covenant's privacy officer only. */
  merges(viewer: Actor, covenant: AuditedCovenant): MergeEntry[];
}

/** Which subject records are one young person (rule 9), and the register of how they came to be. */
export function createPersons(): Persons {
  const links = new Map<string, PersonLinks>();
  const entries = new Map<string, Map<string, MergeEntry>>();
  const linksOf = (covenantId: string) => links.get(covenantId) ?? new PersonLinks();

  function record(type: string, data: Record<string, unknown>): void {
    const covenantId = data.covenantId;
    if (typeof covenantId !== "string") return;
    const covenantLinks = linksOf(covenantId);
    links.set(covenantId, covenantLinks);
    applyPersonEvent(covenantLinks, type, data);
    const covenantEntries = entries.get(covenantId) ?? new Map<string, MergeEntry>();
    entries.set(covenantId, covenantEntries);
    if (type === "SubjectsMerged") {
      const merged = data as SubjectsMerged["data"];
      covenantEntries.set(merged.mergeId, {
        mergeId: merged.mergeId,
        linked: merged.linked.map(({ subject, caseId }) => ({ subjectId: subject, caseId })),
        reason: merged.reason,
        mergedAt: merged.mergedAt,
        mergedBy: { ...merged.mergedBy },
        undone: null,
      });
    } else {
      const undone = data as SubjectsMergeUndone["data"];
      const entry = covenantEntries.get(undone.mergeId);
      if (entry) {
        entry.undone = {
          reason: undone.reason,
          undoneAt: undone.undoneAt,
          undoneBy: { ...undone.undoneBy },
        };
      }
    }
  }

  const copyOf = (entry: MergeEntry): MergeEntry => ({
    ...entry,
    linked: entry.linked.map((linked) => ({ ...linked })),
    mergedBy: { ...entry.mergedBy },
    undone: entry.undone && { ...entry.undone, undoneBy: { ...entry.undone.undoneBy } },
  });

  return {
    name: "persons",
    apply(event) {
      if (event.type === "SubjectsMerged" || event.type === "SubjectsMergeUndone") {
        record(event.type, event.data);
      }
    },
    reset() {
      links.clear();
      entries.clear();
    },
    personOf(covenantId, subjectId) {
      return linksOf(covenantId).personOf(subjectId);
    },
    merge(covenantId, mergeId) {
      const entry = entries.get(covenantId)?.get(mergeId);
      return entry && copyOf(entry);
    },
    merges(viewer, covenant) {
      if (!isCovenantPrivacyOfficer(viewer, covenant)) {
        throw new NotPermitted("covenant-privacy-officer", viewer.organisationId);
      }
      return [...(entries.get(covenant.covenantId ?? "")?.values() ?? [])].map(copyOf);
    },
  };
}
