// Usage: npx tsx bench/profileSummary.ts <file.cpuprofile>...
// Where a service's CPU goes, from V8 CPU profiles: time in node internals and native code
// (crypto, JSON, buffers, sockets) is charged to the nearest caller in our code or a library.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const parts: [string, RegExp][] = [
  ["jwt verification (jose)", /node_modules\/jose\//],
  ["postgres driver (pg)", /node_modules\/(pg|pg-protocol|pg-types|pg-pool|pgpass)\//],
  [
    "logging (pino)",
    /node_modules\/(pino|pino-std-serializers|sonic-boom|fast-redact|thread-stream)/,
  ],
  ["validation (zod)", /node_modules\/zod\//],
  ["metrics (prom-client)", /node_modules\/prom-client\//],
  ["tracing and export (opentelemetry)", /node_modules\/@opentelemetry\//],
  ["express, middleware and other libraries", /node_modules\//],
  ["projections", /\/src\/projections\//],
  ["privacy (codec, keys, policy, access records)", /\/src\/privacy\//],
  ["store adapter (hash chain, rows)", /\/src\/store\//],
  ["command path and domain", /\/src\/(commands|domain)\//],
  ["api (routes, presenters, auth)", /\/src\/api\//],
  ["observability (request log, traces, LDV export)", /\/src\/observability\//],
  ["other src", /\/src\//],
];

function partOfFrame(node: ProfileNode): string | undefined {
  return parts.find(([, pattern]) => pattern.test(node.callFrame.url))?.[0];
}

function summarise(files: string[]) {
  const byPart = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, index) => {
      const node = byId.get(id)!;
      const micros = profile.timeDeltas[index] ?? 0;
      if (node.callFrame.functionName === "(idle)") return;
      busy += micros;
      let part = partOfFrame(node);
      for (let up = parent.get(id); part === undefined && up !== undefined; up = parent.get(up)) {
        part = partOfFrame(byId.get(up)!);
      }
      part ??= node.callFrame.functionName.startsWith("(")
        ? node.callFrame.functionName
        : "node http and sockets";
      byPart.set(part, (byPart.get(part) ?? 0) + micros);
      const where = node.callFrame.url.split("/").slice(-2).join("/") || "native";
      const fn = `${node.callFrame.functionName || "(anonymous)"} ${where} <- ${part}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
    });
  }
  const share = (micros: number) => Number(((100 * micros) / busy).toFixed(1));
  for (const [part, micros] of [...byPart].sort((x, y) => y[1] - x[1])) {
    console.log(JSON.stringify({ part, share: share(micros), ms: Math.round(micros / 1000) }));
  }
  for (const [fn, micros] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, 25)) {
    console.log(JSON.stringify({ self: fn, share: share(micros) }));
  }
}

summarise(process.argv.slice(2));
