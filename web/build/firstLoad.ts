import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** The JavaScript a first visit loads: the entry script and the chunks index.html preloads. */
export async function firstLoadScripts(distDir: string): Promise<string[]> {
  const html = await readFile(join(distDir, "index.html"), "utf8");
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => match[1]!);
  return [...new Set(sources)];
}

/** Gzipped bytes of the first-load JavaScript, as a browser on a compressing link would fetch it. */
export async function firstLoadGzipBytes(distDir: string): Promise<number> {
  let total = 0;
  for (const source of await firstLoadScripts(distDir)) {
    const file = await readFile(join(distDir, source.replace(/^\//, "")));
    total += gzipSync(file, { level: 9 }).length;
  }
  return total;
}
