import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** CPU seconds (user + system) in a /proc stat file: the process's (all threads) or one thread's. */
function cpuSecondsIn(statPath: string): number | undefined {
  try {
    const stat = readFileSync(statPath, "utf8");
    // Fields after the command name, which may itself hold spaces: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

const cpuSecondsOf = (pid: number) => cpuSecondsIn(`/proc/${pid}/stat`);

export type CpuReading = Map<number, number>;

export function readCpu(pids: readonly number[]): CpuReading {
  const reading: CpuReading = new Map();
  for (const pid of pids) {
    const seconds = cpuSecondsOf(pid);
    if (seconds !== undefined) reading.set(pid, seconds);
  }
  return reading;
}

/** CPU seconds spent between two readings; a process that started in between counts from zero. */
export function cpuSpent(before: CpuReading, after: CpuReading): number {
  let spent = 0;
  for (const [pid, seconds] of after) spent += seconds - (before.get(pid) ?? 0);
  return spent;
}

/** CPU of a process's main thread and of all its threads (seconds, or µs per operation). */
export interface ThreadCpu {
  main: number;
  all: number;
}

/**
 * CPU seconds of a process's main thread (its event loop) and of the process as a whole; the
 * difference is what its other threads used (the read-model file's worker, V8's collector and
 * compiler helpers, libuv's pool). Split so a run shows whether the event loop or the threads
 * beside it took a read's CPU. Throws when the process is gone.
 */
export function threadCpu(pid: number): ThreadCpu {
  const main = cpuSecondsIn(`/proc/${pid}/task/${pid}/stat`);
  const all = cpuSecondsOf(pid);
  if (main === undefined || all === undefined) throw new Error(`process ${pid} is gone`);
  return { main, all };
}

/** Microseconds of CPU per operation between two threadCpu readings, all threads and the main one. */
export function cpuPerOperation(
  before: ThreadCpu,
  after: ThreadCpu,
  operations: number,
): ThreadCpu {
  return {
    all: ((after.all - before.all) / operations) * 1e6,
    main: ((after.main - before.main) / operations) * 1e6,
  };
}

/** Busy and total jiffies of the whole machine (every core), from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}
