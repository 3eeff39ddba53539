export { type Database, openSqliteDatabase } from "./database.js";
export {
  openSqliteEventStore,
  SqliteEventStore,
  type SqliteEventStoreOptions,
} from "./eventStore.js";
