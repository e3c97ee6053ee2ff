import { parseArgs } from "node:util";
import { generate } from "../pipeline.js";
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
  --help         show this help`;

/** `topgen generate`: exit 0 when the package is up to date or was written, 1 otherwise. */
export async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      specs: { type: "string", default: "specs" },
      out: { type: "string", default: "generated" },
      check: { type: "boolean", default: false },
      "no-cache": { type: "boolean", default: false },
      workers: { type: "string" },
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
  const report = await generate({
    specsDir: values.specs,
    outDir: values.out,
    check: values.check,
    cache: !values["no-cache"],
    workers,
    onProgress: progressBar(io, "generate"),
  });
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
    `generated ${report.apis} APIs (${report.emitted} emitted, ${warnings} warnings) in ${seconds} s:` +
      ` ${added.length} added, ${changed.length} changed, ${removed.length} removed`,
  );
  return 0;
}
