// A bench receiver in a process of its own, as a partner's system or a logbook is: the module
// runs itself again with the argument "serve", prints its address on its first line of stdout
// and a line for each thing it receives, and the bench reads those lines.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

/** Starts `file` with "serve" under tsx; its address, each later line, and a stop once all are read. */
export async function startLineServer(file: string, onLine: (line: string) => void) {
  const child = spawn(process.execPath, ["--import", "tsx", file, "serve"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [address] = (await once(lines, "line")) as [string];
  lines.on("line", onLine);
  return {
    address,
    /** Stops the receiver once every line it printed has been handed to `onLine`. */
    stop: async () => {
      child.kill();
      await Promise.all([once(child, "exit"), once(lines, "close")]);
    },
  };
}

/**
 * In the receiver: when the bench stops it (SIGTERM), exit only once every line printed so far
 * has left, so no count is lost to a write still on its way through the pipe.
 */
export function exitAfterLines(): void {
  process.once("SIGTERM", () => process.stdout.write("", () => process.exit(0)));
}
