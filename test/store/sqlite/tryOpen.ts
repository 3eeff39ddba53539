// Child process for the lock test: tries to open the store file a parent already owns.
import { openSqliteDatabase } from "../../../src/store/sqlite/index.js";

const started = Date.now();
try {
  openSqliteDatabase(process.argv[2]!).close();
  process.stdout.write(JSON.stringify({ opened: true }));
} catch (error) {
  const { name, message } = error as Error;
  process.stdout.write(JSON.stringify({ opened: false, name, message, ms: Date.now() - started }));
}
