import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

// readStream answers at most `limit` events, 1000 when none is given: a call without one reads
// the first thousand of a long case, session or subject stream and silently leaves the rest
// out (an erasure preview once undercounted that way). Whole streams come from readWholeStream.

const repository = fileURLToPath(new URL("../../", import.meta.url));

const sourcesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

/** The argument lists of every `.readStream(` call in a source text, nested parentheses included. */
function readStreamCalls(source: string): string[] {
  const calls: string[] = [];
  for (
    let at = source.indexOf(".readStream(");
    at !== -1;
    at = source.indexOf(".readStream(", at + 1)
  ) {
    const open = at + ".readStream".length;
    let depth = 0;
    let end = open;
    for (; end < source.length; end++) {
      if (source[end] === "(") depth++;
      else if (source[end] === ")" && --depth === 0) break;
    }
    calls.push(source.slice(open + 1, end));
  }
  return calls;
}

describe("reading streams", () => {
  test("the call finder sees calls across lines and nested parentheses", () => {
    const source = `a.readStream(id(x));\nb.readStream(\n  s,\n  { from: f(1), limit: 5 },\n);`;
    expect(readStreamCalls(source)).toEqual(["id(x)", "\n  s,\n  { from: f(1), limit: 5 },\n"]);
  });

  test("no module outside the store calls readStream without a limit", () => {
    const unlimited = sourcesUnder(join(repository, "src"))
      .filter((file) => !relative(repository, file).startsWith("src/store/"))
      .flatMap((file) =>
        readStreamCalls(readFileSync(file, "utf8"))
          .filter((call) => !/\blimit\b/.test(call))
          .map((call) => `${relative(repository, file)}: readStream(${call.trim()})`),
      );
    expect(unlimited).toEqual([]);
  });
});
