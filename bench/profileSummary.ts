// Usage: npx tsx bench/profileSummary.ts <file.cpuprofile>...
// Self time per part of the service (ours, libraries, node internals, GC), from V8 CPU profiles.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const parts: [string, RegExp][] = [
  ["jwt verification (jose)", /node_modules\/jose\//],
  ["postgres driver (pg)", /node_modules\/(pg|pg-protocol|pg-types|pg-pool)\//],
  [
    "express and http middleware",
    /node_modules\/(express|router|body-parser|helmet|express-rate-limit|finalhandler|send|qs|raw-body|on-finished|type-is)\//,
  ],
  ["logging (pino)", /node_modules\/(pino|pino-http|sonic-boom|fast-redact)/],
  ["validation (zod)", /node_modules\/zod\//],
  ["metrics (prom-client)", /node_modules\/prom-client\//],
  ["tsx loader", /node_modules\/(tsx|esbuild)\//],
  ["projections", /\/src\/projections\//],
  ["privacy (codec, keys, policy)", /\/src\/privacy\//],
  ["store adapter", /\/src\/store\//],
  ["commands and domain", /\/src\/(commands|domain)\//],
  ["api", /\/src\/api\//],
  ["other src", /\/src\//],
  ["node internals", /^node:/],
];

function partOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url === "")
    return functionName.startsWith("(") ? functionName : "native (crypto, JSON, buffers)";
  return parts.find(([, pattern]) => pattern.test(url))?.[0] ?? "other libraries";
}

const selfMicros = new Map<string, number>();
for (const file of process.argv.slice(2)) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, index) => {
    const part = partOf(byId.get(id)!);
    selfMicros.set(part, (selfMicros.get(part) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
}
const busy = [...selfMicros].filter(([part]) => part !== "(idle)");
const total = busy.reduce((sum, [, micros]) => sum + micros, 0);
for (const [part, micros] of busy.sort((x, y) => y[1] - x[1])) {
  console.log(
    JSON.stringify({
      part,
      share: Number(((100 * micros) / total).toFixed(1)),
      ms: Math.round(micros / 1000),
    }),
  );
}
