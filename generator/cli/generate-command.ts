import { parseArgs } from "node:util";
import { watch } from "node:fs";
import { generate, GenerateSession, type GenerateReport } from "../pipeline.js";
import { formatDiagnostic } from "../spec/diagnostics.js";
import { progressBar, type CliIo } from "./cli-io.js";

export const GENERATE_USAGE = `Usage: topgen generate [--specs specs] [--out generated] [--check]

Regenerates the TypeScript package in --out from every <api>.yaml in --specs.
Only APIs whose spec (or the generator) changed are emitted again; the output is
the same as a cold run. Nothing is written when any spec is invalid.

Options:
  --specs DIR    folder of YAML specs (default: specs)
  --out DIR      the package folder (default: generated)
  --check        write nothing; list what differs and exit 1 when --out is out of date
  --no-cache     emit every API, ignoring what the last run produced
  --workers N    worker threads for emitting (default: the machine's cores, at most 4)
  --watch        stay running and regenerate whenever a spec changes (Ctrl-C stops)
  --help         show this help`;

/** How long `--watch` waits for a burst of file events (an editor's save) to settle. */
const WATCH_SETTLE_MS = 50;

/**
 * `topgen generate`: exit 0 when the package is up to date or was written, 1 otherwise.
 * With `--watch` it runs until `signal` aborts or the process is interrupted.
 */
export async function runGenerate(
  argv: string[],
  io: CliIo,
  { signal }: { signal?: AbortSignal } = {},
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      specs: { type: "string", default: "specs" },
      out: { type: "string", default: "generated" },
      check: { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      workers: { type: "string" },
      watch: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(GENERATE_USAGE);
    return 0;
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    io.err(`topgen generate: --workers takes a whole number from 1, not "${values.workers}"`);
    return 2;
  }
  const options = {
    specsDir: values.specs,
    outDir: values.out,
    check: values.check,
    cache: !values["no-cache"],
    workers,
    onProgress: progressBar(io, "generate"),
    session: values.watch ? new GenerateSession() : undefined,
  };
  const once = async (): Promise<number> => report(await generate(options), values, io);
  const status = await once();
  if (!values.watch || values.check) return status;
  try {
    void options.session?.warmUp();
    return await watchSpecs(values.specs, once, io, signal);
  } finally {
    options.session?.flush();
  }
}

/**
 * Regenerates after every change in the specs folder, one run at a time. The emit stage stays
 * loaded between runs, so one changed spec costs tens of milliseconds instead of a new process.
 */
async function watchSpecs(
  dir: string,
  run: () => Promise<number>,
  io: CliIo,
  signal: AbortSignal | undefined,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve(0);
  // The watcher is in place before the line that says so: a save right after it is seen.
  const watcher = watch(dir, (_event, filename) => {
    if (filename?.endsWith(".yaml") !== true) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(run);
    }, WATCH_SETTLE_MS);
  });
  io.out(`watching ${dir} for changes (Ctrl-C stops)`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    if (signal?.aborted === true) stop();
    signal?.addEventListener("abort", stop, { once: true });
  });
  watcher.close();
  clearTimeout(timer);
  await running;
  return 0;
}

/** Prints one run's diagnostics and summary; the exit code of that run. */
function report(
  report: GenerateReport,
  values: { out: string; check: boolean },
  io: CliIo,
): number {
  for (const d of report.diagnostics.items) io.err(formatDiagnostic(d));
  const { added, changed, removed } = report.diff;
  const warnings = report.diagnostics.warnings.length;
  const seconds = report.seconds.toFixed(1);
  if (report.failed) {
    const errors = report.diagnostics.errors;
    const files = new Set(errors.map((d) => d.input)).size;
    io.err(`${errors.length} problems in ${files} files; nothing was written to ${values.out}`);
    return 1;
  }
  const changes = added.length + changed.length + removed.length;
  if (values.check) {
    for (const path of added) io.out(`missing  ${values.out}/${path}`);
    for (const path of changed) io.out(`differs  ${values.out}/${path}`);
    for (const path of removed) io.out(`extra    ${values.out}/${path}`);
    io.out(
      changes === 0
        ? `${values.out} is up to date: ${report.apis} APIs, ${warnings} warnings, ${seconds} s`
        : `${values.out} is out of date: ${changes} files differ; run topgen generate`,
    );
    return changes === 0 ? 0 : 1;
  }
  io.out(
    `generated ${report.apis} APIs (${report.emitted} emitted, ${warnings} warnings) ` +
      `in ${seconds} s: ${added.length} added, ${changed.length} changed, ${removed.length} removed`,
  );
  return 0;
}
