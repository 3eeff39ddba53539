import { randomBytes, randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { createFieldCodec } from "../../../src/privacy/codec/fieldCodec.js";
import type { KeyStore, KeyVault } from "../../../src/privacy/keys/keyStore.js";
import { masterKeyFrom } from "../../../src/privacy/keys/masterKey.js";
import { postgresKeyVault } from "../../../src/privacy/keys/postgres/keyVault.js";
import { sqliteKeyVault } from "../../../src/privacy/keys/sqlite/keyVault.js";
import { createKeyStore } from "../../../src/privacy/keys/subjectKeys.js";
import type { JsonObject } from "../../../src/store/types.js";

/** A declaration shaped like the domain's `personalFields`, with nested paths and non-string values. */
export const personalFields: Record<string, readonly string[]> = {
  SignalRaised: ["subject.name", "subject.dateOfBirth", "content"],
  ContactAdded: ["contact.name", "contact.phones"],
  SubjectErased: [],
};

export const declaration = {
  personalFields: (eventType: string) => personalFields[eventType] ?? [],
  subjectIdOf: (_eventType: string, data: JsonObject) =>
    typeof data.subjectId === "string" ? data.subjectId : undefined,
};

export const masterKey = masterKeyFrom(randomBytes(32));

export function codecOver(vault: KeyVault): {
  keys: KeyStore;
  codec: ReturnType<typeof createFieldCodec>;
} {
  const keys = createKeyStore({ vault, masterKey });
  return { keys, codec: createFieldCodec({ keyStore: keys, ...declaration }) };
}

export const sqliteCodec = (db: BetterSqlite3.Database) => codecOver(sqliteKeyVault(db));
export const postgresCodec = (pool: pg.Pool) => codecOver(postgresKeyVault(pool));

export function signalRaised(subjectId = randomUUID()): { type: string; data: JsonObject } {
  return {
    type: "SignalRaised",
    data: {
      subjectId,
      signalCategory: "verzuim",
      subject: {
        name: "Jannigje van Oosterhout-Brabander",
        dateOfBirth: "2011-03-04",
        school: "brin-12AB",
      },
      content: "Mist sinds februari elke maandag de eerste uren; zegt dat thuis iets speelt.",
    },
  };
}
