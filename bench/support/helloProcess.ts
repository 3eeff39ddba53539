// A bare express hello-world in a process of its own: the yardstick a service's answers are
// compared with, on the same machine in the same minutes.
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import express from "express";

if (process.argv[2] === "serve") {
  const app = express();
  app.get("/", (_req, res) => {
    res.send("hello world");
  });
  const server = app.listen(0, "127.0.0.1", () => {
    process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  });
}

/** Starts the hello-world process and resolves with its URL and how to stop it. */
export async function startHelloProcess() {
  const node = ["--max-semi-space-size=64", "--import", "tsx", import.meta.filename, "serve"];
  const child = spawn(process.execPath, node, { stdio: ["ignore", "pipe", "inherit"] });
  const [url] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  return {
    url,
    close: async () => {
      child.kill();
      await once(child, "exit");
    },
  };
}
