import { type EventType, personalFields, THEME_EVENT_TYPES, themeKeyId } from "../domain/index.js";
import { createFieldCodec, type FieldCodec } from "../privacy/codec/fieldCodec.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import type { JsonObject } from "../store/types.js";

const themeEvents = new Set<string>(THEME_EVENT_TYPES);

/** The codec wired to the domain's declaration: every case event names its subject, every theme event its theme. */
export function domainCodec(keyStore: KeyStore): FieldCodec {
  return createFieldCodec({
    keyStore,
    personalFields: (type) => personalFields[type as EventType] ?? [],
    subjectIdOf: (type, data: JsonObject) => {
      if (themeEvents.has(type)) {
        return typeof data.themeId === "string" ? themeKeyId(data.themeId) : undefined;
      }
      return typeof data.subjectId === "string" ? data.subjectId : undefined;
    },
  });
}
