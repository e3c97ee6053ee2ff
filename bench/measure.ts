/**
 * Runs one command as a child process and measures its wall time and peak memory: under
 * `/usr/bin/time -v` when present (the kernel's max RSS of the largest process of the tree), else
 * by sampling `ps` every 100 ms (the sum over the child's process tree). A run stopped at its
 * time limit reports what `ps` saw.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

export interface Measured {
  /** Wall time, spawn to exit. */
  seconds: number;
  /** Peak resident memory in MB; undefined when it could not be read. */
  maxRssMb: number | undefined;
  /** Exit code; -1 when killed by a signal or the timeout. */
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface MeasureOptions {
  cwd?: string;
  /** Stop the command after this long. @default no limit */
  timeoutSeconds?: number;
}

const TIME = "/usr/bin/time";

export async function measure(
  command: string,
  args: string[],
  options: MeasureOptions = {},
): Promise<Measured> {
  const useTime = existsSync(TIME);
  const started = performance.now();
  const child = spawn(useTime ? TIME : command, useTime ? ["-v", command, ...args] : args, {
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  let sampledKb = 0;
  // Sampled even under time(1): a command stopped at the time limit leaves time(1) no report.
  const sampler = setInterval(
    () => (sampledKb = Math.max(sampledKb, treeRssKb(child.pid))),
    useTime ? 500 : 100,
  );
  let timedOut = false;
  const timer =
    options.timeoutSeconds === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          // The whole group: the command and whatever it started.
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        }, options.timeoutSeconds * 1000);

  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (timer !== undefined) clearTimeout(timer);

  let maxRssMb: number | undefined = sampledKb > 0 ? sampledKb / 1024 : undefined;
  if (useTime) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    if (match?.[1] !== undefined) maxRssMb = Number(match[1]) / 1024;
    // What time(1) adds after the command's own output.
    stderr = stderr.replace(
      /\n?(Command exited with non-zero status \d+\n)?\s*Command being timed:[\s\S]*$/,
      "",
    );
  }
  return { seconds, maxRssMb, code: timedOut ? -1 : code, stdout, stderr, timedOut };
}

/** The resident memory of a process and all its descendants, in KB. */
function treeRssKb(root: number | undefined): number {
  if (root === undefined) return 0;
  let table: string;
  try {
    table = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" });
  } catch {
    return 0;
  }
  const rows = table
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number));
  const inTree = new Set([root]);
  let total = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (pid !== undefined && ppid !== undefined && inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  for (const [pid, , rss] of rows) if (pid !== undefined && inTree.has(pid)) total += rss ?? 0;
  return total;
}
