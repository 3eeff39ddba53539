import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

// The store's reads answer at most `limit` events (streams: `limit` ids), 1000 when none is
// given: a call without one reads the first thousand of a long case, session or subject stream
// and silently leaves the rest out (an erasure preview once undercounted that way). Whole
// streams come from readWholeStream; the whole store is read in pages with a limit.
const PAGED_READS = ["readStream", "readAll", "readAllExceptReadRecords", "listStreams"];

const repository = fileURLToPath(new URL("../../", import.meta.url));

const sourcesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

/** The argument lists of every `.<method>(` call in a source text, nested parentheses included. */
function callsOf(source: string, method: string): string[] {
  const calls: string[] = [];
  const call = `.${method}(`;
  for (let at = source.indexOf(call); at !== -1; at = source.indexOf(call, at + 1)) {
    const open = at + call.length - 1;
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
    expect(callsOf(source, "readStream")).toEqual([
      "id(x)",
      "\n  s,\n  { from: f(1), limit: 5 },\n",
    ]);
  });

  test("no module outside the store reads streams or the store without a limit", () => {
    const unlimited = sourcesUnder(join(repository, "src"))
      .filter((file) => !relative(repository, file).startsWith("src/store/"))
      .flatMap((file) => {
        const source = readFileSync(file, "utf8");
        return PAGED_READS.flatMap((method) =>
          callsOf(source, method)
            .filter((call) => !/\blimit\b/.test(call))
            .map((call) => `${relative(repository, file)}: ${method}(${call.trim()})`),
        );
      });
    expect(unlimited).toEqual([]);
  });
});
