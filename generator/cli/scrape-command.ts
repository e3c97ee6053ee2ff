/**
 * `topgen scrape <input>... [--out specs]`: reads documentation pages (files, folders, URLs)
 * into YAML specs. A batch reads everything, prints every diagnostic, writes the specs of the
 * inputs that succeeded and fails once at the end when any input failed.
 */
import { parseArgs } from "node:util";
import { DiagnosticBag, formatDiagnostic } from "../spec/diagnostics.js";
import type { ApiSpec } from "../spec/spec.js";
import { writeSpecFiles } from "../spec/write-spec.js";
import { listInputs, mapLimit } from "../scrape/list-inputs.js";
import { CategoryCache, scrapeFile, scrapeUrl } from "../scrape/scrape-input.js";
import { progressBar, type CliIo } from "./cli-io.js";

export const SCRAPE_USAGE = `Usage: topgen scrape <input>... [--out specs]

Reads TOP documentation pages into YAML specs, one <api>.yaml per API.

Inputs:
  file       a page saved as .txt or .html, or a doc-center .json document
  folder     every .txt, .html and .json page inside, recursively (catelog.json excepted)
  URL        an http(s) page, read by its content type

Options:
  --out <dir>   where specs are written (default: specs)
  -h, --help    print this help`;

/** Files read or written at once: enough to hide I/O latency, few enough for any fd limit. */
const PARALLEL = 32;

/** Runs `topgen scrape`; resolves to the exit code (0 ok, 1 some input failed, 2 usage). */
export async function runScrape(argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", default: "specs" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.out(SCRAPE_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`topgen scrape: no input given\n\n${SCRAPE_USAGE}`);
    return 2;
  }

  const listing = new DiagnosticBag();
  const tasks = await listInputs(positionals, listing);
  const progress = progressBar(io, "scrape");
  const categories = new CategoryCache();
  let done = 0;
  const results = await mapLimit(tasks, PARALLEL, async (task) => {
    const bag = new DiagnosticBag();
    const result = task.url
      ? await scrapeUrl(task.input, bag)
      : await scrapeFile(task.input, bag, categories);
    progress(++done, tasks.length);
    return { ...result, bag };
  });

  // Decided in input order, not completion order, so that the first of two wins every time.
  const byApi = new Map<string, string>();
  const toWrite: ApiSpec[] = [];
  for (const result of results) {
    if (result.spec === undefined) continue;
    const first = byApi.get(result.spec.api);
    if (first === undefined) {
      byApi.set(result.spec.api, result.input);
      toWrite.push(result.spec);
    } else {
      const message = `${result.spec.api} is also described by ${first}; not written`;
      result.bag.error("SPEC_DUPLICATE_API", result.input, message, { path: "api" });
    }
  }
  await writeSpecFiles(values.out, toWrite);

  const all = [...listing.items, ...results.flatMap((r) => r.bag.items)];
  for (const d of all) io.err(formatDiagnostic(d));
  const errors = all.filter((d) => d.severity === "error").length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const summary = `(${all.length - errors} warnings, ${errors} errors) in ${seconds} s`;
  io.out(`scraped ${toWrite.length} APIs ${summary}`);
  return errors > 0 ? 1 : 0;
}
