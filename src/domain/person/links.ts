/** One merge as the person fold keeps it. */
export type MergeLink = { mergeId: string; subjects: [string, string]; undone: boolean };

/**
 * The merges of one covenant. A young person is the set of subject ids connected by merges
 * not undone. Maps, not object keys, so an id such as "__proto__" is just an id.
 */
export class PersonLinks {
  private readonly merges = new Map<string, MergeLink>();
  private readonly bySubject = new Map<string, Set<string>>();

  merge(mergeId: string, subjects: [string, string]): void {
    this.merges.set(mergeId, { mergeId, subjects: [...subjects], undone: false });
    for (const subject of subjects) {
      const merges = this.bySubject.get(subject) ?? new Set<string>();
      merges.add(mergeId);
      this.bySubject.set(subject, merges);
    }
  }

  undo(mergeId: string): void {
    const link = this.merges.get(mergeId);
    if (link) link.undone = true;
  }

  find(mergeId: string): MergeLink | undefined {
    return this.merges.get(mergeId);
  }

  /** Every subject id of the young person this subject id belongs to, itself first. */
  personOf(subject: string): string[] {
    const person = [subject];
    const seen = new Set(person);
    for (let at = 0; at < person.length; at++) {
      for (const mergeId of this.bySubject.get(person[at]!) ?? []) {
        const link = this.merges.get(mergeId)!;
        if (link.undone) continue;
        for (const other of link.subjects) {
          if (!seen.has(other)) {
            seen.add(other);
            person.push(other);
          }
        }
      }
    }
    return person;
  }

  copy(): PersonLinks {
    const copied = new PersonLinks();
    for (const link of this.merges.values()) {
      copied.merge(link.mergeId, link.subjects);
      if (link.undone) copied.undo(link.mergeId);
    }
    return copied;
  }
}

/** Folds a person event into links; any other event leaves them as they are. Never throws. */
export function applyPersonEvent(links: PersonLinks, type: string, data: Record<string, unknown>) {
  if (type === "SubjectsMerged") {
    const linked = Array.isArray(data.linked) ? data.linked : [];
    const subjects = linked.map((entry) => (entry as { subject?: unknown }).subject);
    if (typeof data.mergeId !== "string" || subjects.length !== 2) return;
    if (!subjects.every((subject): subject is string => typeof subject === "string")) return;
    links.merge(data.mergeId, [subjects[0]!, subjects[1]!]);
  } else if (type === "SubjectsMergeUndone" && typeof data.mergeId === "string") {
    links.undo(data.mergeId);
  }
}
