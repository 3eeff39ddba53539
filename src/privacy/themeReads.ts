import type { Actor } from "../domain/index.js";
import { newEventId } from "../store/eventIds.js";
import type { EventStore } from "../store/eventStore.js";
import type { JsonObject, RecordedEvent } from "../store/types.js";
import { AccessRecordInvalid, type Reading, readerAccessStreamId } from "./accessRecords.js";

/** The event type of one answer that showed the content of themes restricted to named members. */
export const THEMES_CONTENT_READ = "ThemesContentRead";

/** Purpose of reading themes: the werkgroep's work on phenomena (Logboek Dataverwerkingen code). */
export const THEME_WORK_PURPOSE = "werkgroep";

/** One theme an answer showed, with the ids of the items shown from it ("theme:<id>", "action:<id>"). */
export type SeenTheme = { themeId: string; covenantId: string; itemIds: readonly string[] };

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

const PURPOSE_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Appends one record of the themes an answer shows, in the reader's organisation's access
 * stream, before the content leaves; throws when it cannot, so the read fails too (rule 8).
 */
export async function recordThemeReads(
  store: EventStore,
  reading: Reading,
  seen: readonly SeenTheme[],
): Promise<void> {
  if (seen.length === 0) return;
  const purpose = reading.purpose ?? THEME_WORK_PURPOSE;
  if (!PURPOSE_CODE.test(purpose)) throw new AccessRecordInvalid("purpose");
  const themes = seen.map(({ themeId, covenantId, itemIds }) => {
    if (!themeId || !covenantId) throw new AccessRecordInvalid("themeId");
    return { themeId, covenantId, itemIds: [...itemIds] };
  });
  const actor: Actor = reading.actor;
  const data = {
    userId: actor.userId,
    organisationId: actor.organisationId,
    roles: [...actor.roles],
    purpose,
    readAt: reading.now ?? new Date().toISOString(),
    correlationId: reading.correlationId ?? null,
    themes,
  };
  const metadata = {
    actor: {
      userId: actor.userId,
      organisationId: actor.organisationId,
      role: actor.roles.join(","),
    },
    ...(reading.correlationId ? { correlationId: reading.correlationId } : {}),
  };
  const event = {
    eventId: newEventId(),
    type: THEMES_CONTENT_READ,
    data: data as JsonObject,
    metadata,
  };
  await store.append(readerAccessStreamId(actor.organisationId), [event], {
    expectedRevision: "any",
  });
}

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
