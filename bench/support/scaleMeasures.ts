import { readFileSync } from "node:fs";
import type { ReadAllOptions } from "../../src/store/eventStore.js";
import { type RecordedEvent, START } from "../../src/store/types.js";

const PAGE = 1000;

/** Pages through a whole feed as a start-up would; resolves with how many events it held. */
export async function pageThrough(
  read: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
): Promise<number> {
  let events = 0;
  for (let from = START; ; ) {
    const page = await read({ fromPosition: from, limit: PAGE });
    events += page.length;
    if (page.length < PAGE) return events;
    from = page[page.length - 1]!.position;
  }
}

/** A process's resident set (VmRSS) in MB. */
export function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return Math.round(kilobytes / 1024);
}
