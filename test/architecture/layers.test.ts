import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  forbiddenImports,
  type ImportGraph,
  importCycles,
  importedSpecifiers,
  type Layer,
  readImportGraph,
} from "./importGraph.js";

// DESIGN §1: each folder imports only the floors below it, so an arrow back up fails the build.

const under = (folder: string) => (file: string) => file.startsWith(`src/${folder}/`);
const oneOf =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

const LOWER = ["domain", "store", "privacy", "commands", "projections", "observability", "config"];
const LAYERS: Layer[] = [
  { name: "domain", holds: under("domain"), mayImport: [] },
  { name: "config", holds: oneOf("src/config.ts"), mayImport: [] },
  { name: "observability", holds: under("observability"), mayImport: ["config"] },
  { name: "store", holds: under("store"), mayImport: ["domain", "observability"] },
  { name: "privacy", holds: under("privacy"), mayImport: ["domain", "store", "observability"] },
  {
    name: "commands",
    holds: under("commands"),
    mayImport: ["domain", "privacy", "store", "observability"],
  },
  {
    name: "projections",
    holds: under("projections"),
    mayImport: ["domain", "privacy", "store", "observability"],
  },
  { name: "api", holds: under("api"), mayImport: LOWER },
  {
    name: "composition",
    holds: oneOf("src/service.ts", "src/system.ts", "src/storage.ts", "src/postgresStorage.ts"),
    mayImport: [...LOWER, "api"],
  },
  // The demo is development tooling: only the entry points wire it in.
  { name: "demo", holds: under("demo"), mayImport: [...LOWER, "api", "composition"] },
  { name: "cli", holds: under("cli"), mayImport: [...LOWER, "api", "composition", "demo"] },
  {
    name: "main",
    holds: oneOf("src/main.ts"),
    mayImport: [...LOWER, "api", "composition", "demo"],
  },
];

// A resource folder of src/api imports no other: what two share sits in src/api itself or in http/.
const resourceOf = (file: string) => /^src\/api\/(?!http\/)([^/]+)\//.exec(file)?.[1];

const graph = readImportGraph(join(import.meta.dirname, "../.."), "src");

describe("the import graph of src", () => {
  test("has no import cycle", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test("has no import the layer table of DESIGN §1 forbids", () => {
    expect(forbiddenImports(graph, LAYERS)).toEqual([]);
  });

  test("has no resource of src/api importing another", () => {
    const between = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => resourceOf(file) && resourceOf(target))
        .filter((target) => resourceOf(file) !== resourceOf(target))
        .map((target) => `${file} -> ${target}`),
    );
    expect(between).toEqual([]);
  });
});

describe("the checker catches what it is meant to catch", () => {
  const toy = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  test("Given import, type-only import, re-export and import(), then it reads all four", () => {
    const source = [
      'import { a } from "./a.js";',
      'import type { B } from "../b.js";',
      'export { c } from "./c.js";',
      'const d = await import("./d.js");',
      'import { z } from "zod";',
    ].join("\n");
    expect(importedSpecifiers(source)).toEqual(["./a.js", "../b.js", "./c.js", "./d.js"]);
  });

  test("Given a loop through three files, then it is one cycle", () => {
    const cycles = importCycles(
      toy({ "src/a.ts": ["src/b.ts"], "src/b.ts": ["src/c.ts"], "src/c.ts": ["src/a.ts"] }),
    );
    expect(cycles).toEqual([["src/a.ts", "src/b.ts", "src/c.ts"]]);
  });

  test("Given a store file importing a command, then that import is forbidden", () => {
    const forbidden = forbiddenImports(
      toy({ "src/store/x.ts": ["src/commands/y.ts"], "src/commands/y.ts": ["src/store/x.ts"] }),
      LAYERS,
    );
    expect(forbidden).toEqual(["src/store/x.ts -> src/commands/y.ts"]);
  });

  test("Given the composition root importing the demo, then that import is forbidden", () => {
    const forbidden = forbiddenImports(toy({ "src/service.ts": ["src/demo/seed.ts"] }), LAYERS);
    expect(forbidden).toEqual(["src/service.ts -> src/demo/seed.ts"]);
  });
});
