/** The benchmark's report: the machine it ran on, one row per figure, and bench/RESULTS.md. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";

export interface Row {
  measure: string;
  figure: string;
  goal: string;
  /** Whether the figure meets the goal; undefined for figures without a goal. */
  met?: boolean | undefined;
}

export interface Machine {
  cores: string;
  memory: string;
  cpu: string;
  node: string;
  /** The 1-minute load average when the benchmark started: other work skews every figure. */
  load: string;
}

export function machine(): Machine {
  const run = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8" }).trim();
    } catch {
      return undefined;
    }
  };
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: the model node reports will do.
  }
  const free = run("free", ["-g"]);
  const total = free === undefined ? undefined : /^Mem:\s+(\d+)/m.exec(free)?.[1];
  return {
    cores: run("nproc", []) ?? String(cpus().length),
    memory: `${total ?? Math.round(totalmem() / 2 ** 30)} GB (free -g total)`,
    cpu,
    node: process.version,
    load: (loadavg()[0] ?? 0).toFixed(2),
  };
}

export const seconds = (s: number | undefined) => (s === undefined ? "n/a" : `${s.toFixed(2)} s`);
export const megabytes = (mb: number | undefined) =>
  mb === undefined ? "n/a" : mb >= 1024 ? `${(mb / 1024).toFixed(2)} GB` : `${Math.round(mb)} MB`;
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function mark(row: Row): string {
  return row.met === undefined ? "" : row.met ? "yes" : "NO";
}

/** A plain-text table for the terminal. */
export function textTable(rows: Row[]): string {
  const cells = [
    ["measure", "figure", "goal", "met"],
    ...rows.map((r) => [r.measure, r.figure, r.goal, mark(r)]),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...cells.map((c) => (c[i] ?? "").length)));
  return cells
    .map((c) =>
      c
        .map((v, i) => v.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function markdownTable(rows: Row[]): string {
  const escape = (v: string) => v.replace(/\|/g, "\\|");
  return [
    "| measure | figure | goal | met |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${[r.measure, r.figure, r.goal, mark(r)].map(escape).join(" | ")} |`),
  ].join("\n");
}

/** Writes the results file: the machine, the table and the notes on how figures were taken. */
export async function writeResults(file: string, m: Machine, rows: Row[], notes: string[]) {
  const text = [
    "# Catalog benchmark results",
    "",
    "Written by `npm run bench` (`bench/catalog.ts`) on the full catalog",
    "(`../shared/top-catalog/docs`). Figures depend on the machine: compare runs on the same one.",
    "",
    `Machine: ${m.cores} cores (\`nproc\`), ${m.memory}, ${m.cpu}; Node ${m.node};` +
      ` load average ${m.load} at the start.`,
    `Run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    "",
    markdownTable(rows),
    "",
    "Notes:",
    "",
    ...notes.map((n) => `- ${n}`),
    "",
  ].join("\n");
  await writeFile(file, text);
}
