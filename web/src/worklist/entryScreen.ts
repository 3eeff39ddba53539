/** What a worklist entry says about where it leads: its kind and ids (no imports, so tests load it). */
export interface EntryRef {
  kind:
    | "invitation"
    | "share-received"
    | "agreement-due"
    | "possible-match"
    | "session-upcoming"
    | "minutes-to-approve"
    | "minutes-to-correct"
    | "action-due";
  caseId: string | null;
  sessionId?: string;
  itemId: string;
}

/**
 * The console's screen for an entry; the API's link names the resource, this the page. Ids are
 * encoded as path segments, so no id can point the console at another route.
 */
export function screenOf(entry: EntryRef): string {
  const segment = (id: string | null | undefined) => encodeURIComponent(id ?? "");
  const [caseId, sessionId, itemId] = [entry.caseId, entry.sessionId, entry.itemId].map(segment);
  switch (entry.kind) {
    case "agreement-due":
      return `/casussen/${caseId}/afspraken/${itemId}`;
    case "possible-match":
      return "/koppelingen";
    case "session-upcoming":
      return `/sessies/${sessionId}`;
    // The console has no theme screen yet: a collective action stays on the worklist.
    case "action-due":
      return "/werklijst";
    case "minutes-to-approve":
    case "minutes-to-correct":
      return `/sessies/${sessionId}/agenda/${itemId}`;
    default:
      return `/casussen/${caseId}`;
  }
}
