import { type EventType, personalFields } from "../domain/index.js";
import { createFieldCodec, type FieldCodec } from "../privacy/codec/fieldCodec.js";
import type { KeyStore } from "../privacy/keys/keyStore.js";
import type { JsonObject } from "../store/types.js";

/** The codec wired to the domain's declaration: every case event names its subject. */
export function domainCodec(keyStore: KeyStore): FieldCodec {
  return createFieldCodec({
    keyStore,
    personalFields: (type) => personalFields[type as EventType] ?? [],
    subjectIdOf: (_type, data: JsonObject) =>
      typeof data.subjectId === "string" ? data.subjectId : undefined,
  });
}
