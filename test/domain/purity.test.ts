import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";

// The domain is pure: no I/O, no clock, no randomness. Time and ids arrive with the command.

const root = join(import.meta.dirname, "../../src/domain");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );

const FORBIDDEN_IMPORT =
  /from\s+["'](node:[^"']+|fs|path|crypto|http|https|net|child_process|express|pg|better-sqlite3|pino|jose|@eventstore\/db-client|prom-client)["']/;
const FORBIDDEN_CALL = [
  /\bDate\.now\s*\(/,
  /\bMath\.random\s*\(/,
  /\bnew\s+Date\s*\(\s*\)/,
  /\bcrypto\./,
  /\bperformance\.now\s*\(/,
  /\bprocess\./,
  /\bconsole\./,
];

/** The offending lines of one source text. */
function impurities(source: string): string[] {
  return source
    .split("\n")
    .filter(
      (line) =>
        FORBIDDEN_IMPORT.test(line) ||
        /import\s*\(/.test(line) ||
        FORBIDDEN_CALL.some((call) => call.test(line)),
    );
}

describe("src/domain imports nothing with I/O", () => {
  test("the scanner catches what it is meant to catch", () => {
    expect(impurities('import { randomUUID } from "node:crypto";')).toHaveLength(1);
    expect(impurities('import pg from "pg";')).toHaveLength(1);
    expect(impurities("const t = Date.now();")).toHaveLength(1);
    expect(impurities("const t = new Date();")).toHaveLength(1);
    expect(impurities("const r = Math.random();")).toHaveLength(1);
    expect(impurities("const m = await import('./x.js');")).toHaveLength(1);
    expect(impurities("const d = new Date(Date.parse(instant));")).toHaveLength(0);
  });
  test.each(files(root).map((file) => [relative(root, file), file]))("%s", (_name, file) => {
    expect(impurities(readFileSync(file, "utf8"))).toEqual([]);
  });
});
