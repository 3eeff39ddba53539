import type { JsonObject, RecordedEvent } from "../store/types.js";
import { THEMES_CONTENT_READ } from "./accessRecords.js";

/** A stored theme read: who read which items of which theme, why and when. No content. */
export type ThemeReadRecord = {
  readId: string;
  themeId: string;
  covenantId: string;
  organisationId: string;
  userId: string;
  itemIds: string[];
  purpose: string;
  readAt: string;
  correlationId: string | null;
};

/** The theme read records an event holds; none for any other event. Never throws on a recorded event. */
export function themeReadRecordsFrom(event: RecordedEvent): ThemeReadRecord[] {
  const data = event.data;
  if (event.type !== THEMES_CONTENT_READ || !Array.isArray(data.themes)) return [];
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return data.themes.map((seen, index) => {
    const theme = (typeof seen === "object" && seen !== null ? seen : {}) as JsonObject;
    const itemIds = Array.isArray(theme.itemIds)
      ? theme.itemIds.filter((id) => typeof id === "string")
      : [];
    return {
      readId: `${event.eventId}:${index}`,
      themeId: text(theme.themeId),
      covenantId: text(theme.covenantId),
      organisationId: text(data.organisationId),
      userId: text(data.userId),
      itemIds: itemIds as string[],
      purpose: text(data.purpose),
      readAt: text(data.readAt) || event.recordedAt,
      correlationId: typeof data.correlationId === "string" ? data.correlationId : null,
    };
  });
}
