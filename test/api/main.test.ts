import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildService, root } from "../../build/serviceBuild.js";
import { mintDevToken } from "../../src/api/http/auth/devTokens.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_COVENANT_ID, demoOrganisations } from "../../src/demo/organisations.js";

interface Started {
  child: ChildProcess;
  url: string;
  lines: string[];
  exited: Promise<number | null>;
}

/** `npm start` as a real process: node on the built service, a fresh DATA_DIR, an ephemeral port. */
async function start(dist: string, dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [join(dist, "main.js")], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      STORE: "sqlite",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start within 20 s:\n${lines.join("\n")}`)),
      20_000,
    );
    const onLine = (chunk: Buffer) => {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        lines.push(line);
        if (line.includes("casustafel listening")) {
          clearTimeout(timer);
          resolve(JSON.parse(line).url);
        }
      }
    };
    child.stdout!.on("data", onLine);
    child.stderr!.on("data", onLine);
    void exited.then((code) => reject(new Error(`exited with ${code}:\n${lines.join("\n")}`)));
  });
  return { child, url, lines, exited };
}

describe("npm start (the service built from src/main.ts)", () => {
  let dataDir: string;
  // A build of its own beside dist/, so a developer's `npm start` and this test never share one.
  const dist = join(root, `.dist-${randomUUID()}`);
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "casustafel-main-"));
    await buildService(dist);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
  });

  it("creates the demo covenant on an empty store, says how to mint tokens, and shuts down gracefully on SIGTERM", async () => {
    const first = await start(dist, dataDir);
    const log = first.lines.join("\n");
    expect(log).toContain("DEVELOPMENT ONLY");
    expect(log).toContain("created the demo covenant");
    expect(log).toContain("npm run token -- --org");
    expect(log).toContain(demoOrganisations.police);

    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
    const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir });
    const token = await mintDevToken(config, {
      organisationId: demoOrganisations.secondarySchool,
      roles: ["professional"],
      userId: "mentor",
    });
    const covenant = await fetch(`${first.url}/v1/covenants/${DEMO_COVENANT_ID}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(covenant.status).toBe(200);
    const body = (await covenant.json()) as { members: unknown[]; sharingRules: unknown[] };
    expect(body.members).toHaveLength(10);
    expect(body.sharingRules.length).toBeGreaterThan(5);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.lines.join("\n")).toContain("server closed");

    // A second start on the same store keeps what is there: no second covenant, no second seed.
    const second = await start(dist, dataDir);
    expect(second.lines.join("\n")).not.toContain("created the demo covenant");
    const again = await fetch(`${second.url}/v1/covenants/${DEMO_COVENANT_ID}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await again.json()) as { members: unknown[] }).members).toHaveLength(10);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  }, 60_000);
});
