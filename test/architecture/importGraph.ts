import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** Every file of the tree and the files it imports, as paths relative to the repository. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")
        ? [join(dir, entry.name)]
        : [],
  );

/** The `.ts` file a relative specifier names (ESM source writes `./x.js` for `./x.ts`). */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx"), `${base}.ts`];
  return candidates.find((candidate) => existsSync(candidate));
}

/** Relative specifiers of one source text: static, type-only, re-exports and `import()`. */
export function importedSpecifiers(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith("."));
}

/** Reads every import under `folder` with the TypeScript scanner. */
export function readImportGraph(repository: string, folder: string): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(join(repository, folder))) {
    const targets = importedSpecifiers(readFileSync(file, "utf8")).flatMap((specifier) => {
      const target = resolveSpecifier(file, specifier);
      if (target === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
      return [relative(repository, target)];
    });
    graph.set(relative(repository, file), [...new Set(targets)]);
  }
  return graph;
}

/** Every loop of imports, one sorted list of files per strongly connected component (Tarjan). */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) {
      cycles.push(component.sort());
    }
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A layer: which files belong to it and which layers it may import besides itself. */
export type Layer = { name: string; holds: (file: string) => boolean; mayImport: string[] };

/** Every import the layer table forbids, as `importer -> imported`. */
export function forbiddenImports(graph: ImportGraph, layers: readonly Layer[]): string[] {
  const layerOf = (file: string): Layer => {
    const layer = layers.find((candidate) => candidate.holds(file));
    if (layer === undefined) throw new Error(`${file} belongs to no layer of the table`);
    return layer;
  };
  return [...graph].flatMap(([file, targets]) => {
    const from = layerOf(file);
    return targets
      .filter((target) => {
        const to = layerOf(target);
        return to !== from && !from.mayImport.includes(to.name);
      })
      .map((target) => `${file} -> ${target}`);
  });
}
