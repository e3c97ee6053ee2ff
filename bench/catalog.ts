/**
 * `npm run bench`: the pipeline on the full catalog, every figure next to its goal, then a final
 * table that also goes to bench/RESULTS.md. It prints figures and never fails on a goal.
 * Set BENCH_TOOL_TIMEOUT (seconds, default 300) to bound each third-party generator run.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleOneApi } from "./bundle.js";
import { measure, type Measured } from "./measure.js";
import {
  kilobytes,
  machine,
  megabytes,
  seconds,
  textTable,
  writeResults,
  type Row,
} from "./results.js";
import { countFiles, diffTrees } from "./tree.js";
import { cacheFileFor } from "../generator/write/cache.js";

const ROOT = resolve(import.meta.dirname, "..");
const DOCS = join(ROOT, "..", "shared", "top-catalog", "docs");
const BIN = join(ROOT, "node_modules", ".bin");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const TOOL_TIMEOUT = Number(process.env["BENCH_TOOL_TIMEOUT"] ?? 300);
/** The API of the seed page: a typical write API with one object param. */
const BUNDLE_API = "alibaba.alsc.crm.customer.update";
/** Every n-th spec goes into the sample on which all three generators finish. */
const SAMPLE_EVERY = 10;
const GB = 1024;

const rows: Row[] = [];
const notes: string[] = [];

function row(measure: string, figure: string, goal = "", met?: boolean): void {
  rows.push({ measure, figure, goal, met });
  const mark = met === undefined ? "" : met ? "  ok" : "  ABOVE GOAL";
  process.stdout.write(`${measure}: ${figure}${goal === "" ? "" : ` (goal ${goal})`}${mark}\n`);
}

function timeAndMemory(m: Measured): string {
  const failed = m.timedOut
    ? " (stopped at the time limit)"
    : m.code !== 0
      ? ` (exit ${m.code})`
      : "";
  return `${seconds(m.seconds)}, ${megabytes(m.maxRssMb)}${failed}`;
}

const topgen = (args: string[]) =>
  measure(process.execPath, [join(ROOT, "generator", "cli", "bin.mjs"), ...args], { cwd: ROOT });

/** tsc over a folder, with the project's installs lent to it for `@types/node`. */
async function typeCheck(project: string): Promise<Measured> {
  return measure(process.execPath, [TSC, "--noEmit", "-p", project], { cwd: ROOT });
}

async function lendNodeModules(dir: string): Promise<void> {
  if (!existsSync(join(dir, "node_modules"))) {
    await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  }
}

function tscErrors(m: Measured): number {
  return (m.stdout.match(/error TS\d+/g) ?? []).length;
}

async function main(): Promise<void> {
  if (!existsSync(DOCS)) {
    process.stdout.write(`bench skipped: ${DOCS} is absent (the catalog lives in ../shared)\n`);
    return;
  }
  // The generate cache lives under the working folder's node_modules: the project's.
  process.chdir(ROOT);
  const m = machine();
  const tmp = await mkdtemp(join(tmpdir(), "topgen-bench-"));
  try {
    await run(tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    for (const out of ["gen", "cold"]) await rm(cacheFileFor(join(tmp, out)), { force: true });
  }
  const where = `${m.cores} cores, ${m.memory}, ${m.cpu}, Node ${m.node}, load ${m.load}`;
  process.stdout.write(`\n${textTable(rows)}\n\nmachine: ${where}\n`);
  await writeResults(join(ROOT, "bench", "RESULTS.md"), m, rows, notes);
  process.stdout.write("written to bench/RESULTS.md\n");
}

async function run(tmp: string): Promise<void> {
  const specs = join(tmp, "specs");
  const gen = join(tmp, "gen");
  const cold = join(tmp, "cold");

  // 0. What every command pays before it does anything: node, tsx and the CLI's imports.
  const startUp = await topgen(["generate", "--help"]);
  row("topgen start-up (generate --help)", timeAndMemory(startUp));

  // 1. Cold scrape and cold generate.
  const scrape = await topgen(["scrape", DOCS, "--out", specs]);
  const coldGen = await topgen(["generate", "--specs", specs, "--out", cold, "--no-cache"]);
  const total = scrape.seconds + coldGen.seconds;
  const peak = Math.max(scrape.maxRssMb ?? 0, coldGen.maxRssMb ?? 0);
  const specCount = (await readdir(specs)).length;
  row("cold scrape", `${timeAndMemory(scrape)}; ${specCount} specs`);
  row("cold generate (--no-cache)", timeAndMemory(coldGen));
  row("cold scrape + generate", seconds(total), "<= 20 s", total <= 20);
  row("peak memory, scrape or generate", megabytes(peak), "<= 1.5 GB", peak <= 1.5 * GB);

  // 2. Incremental: prime the cache, then nothing changed, then one spec changed.
  const prime = await topgen(["generate", "--specs", specs, "--out", gen]);
  row("generate writing the cache (cold emit)", timeAndMemory(prime));
  const noop = await topgen(["generate", "--specs", specs, "--out", gen]);
  row("generate, nothing changed", timeAndMemory(noop), "<= 2 s", noop.seconds <= 2);
  const edited = join(specs, `${BUNDLE_API}.yaml`);
  const text = await readFile(edited, "utf8");
  await writeFile(edited, text.replace(/^description: /m, "description: (edited) "));
  const one = await topgen(["generate", "--specs", specs, "--out", gen]);
  row("generate, one spec changed", timeAndMemory(one), "<= 1 s", one.seconds <= 1);
  const watched = await watchOneChange(specs, gen, edited);
  row(
    "generate --watch, one spec changed (save to written)",
    seconds(watched),
    "<= 1 s",
    watched <= 1,
  );
  const coldAgain = await topgen(["generate", "--specs", specs, "--out", cold, "--no-cache"]);
  const differ = coldAgain.code === 0 ? await diffTrees(gen, cold) : ["(cold run failed)"];
  const same = differ.length === 0;
  row(
    "incremental tree = cold run's tree",
    same ? "identical" : `${differ.length} files differ: ${differ.slice(0, 3).join(", ")}`,
    "identical",
    same,
  );

  // 3. The package: files, sideEffects, type-check, one-API bundle.
  const files = await countFiles(gen);
  const pkg = JSON.parse(await readFile(join(gen, "package.json"), "utf8")) as {
    sideEffects?: unknown;
  };
  row("package files (sources)", String(files), "well under 20,000", files < 20_000);
  row("package.json sideEffects", String(pkg.sideEffects), "false", pkg.sideEffects === false);
  await lendNodeModules(gen);
  const tsc = await typeCheck(gen);
  const tscOk = tsc.code === 0 && tsc.seconds <= 15 && (tsc.maxRssMb ?? 0) <= GB;
  row(
    "tsc --noEmit on the package",
    `${timeAndMemory(tsc)}; ${tscErrors(tsc)} errors`,
    "<= 15 s, <= 1 GB",
    tscOk,
  );
  const bundle = await bundleOneApi(gen, BUNDLE_API, tmp);
  row(
    `bundle: client + ${BUNDLE_API}, minified`,
    `${kilobytes(bundle.bytes)} (${kilobytes(bundle.gzipBytes)} gzip)`,
    "<= 8 KB",
    bundle.bytes <= 8 * 1024,
  );

  // 4. npm run build in the package, then publint.
  const build = await measure("npm", ["run", "build", "--silent"], { cwd: gen });
  row("npm run build in the package (tsc to dist/)", timeAndMemory(build));
  const published = build.code === 0 ? await countFiles(gen) : undefined;
  if (published !== undefined) {
    row(
      "package files after build (src + dist)",
      String(published),
      "well under 20,000",
      published < 20_000,
    );
  }
  const publint = await measure(join(BIN, "publint"), ["run", gen, "--pack", "false"], {
    cwd: ROOT,
  });
  const lint = `${publint.stdout}${publint.stderr}`.trim().split("\n");
  row("publint", `${lint.at(-1) ?? ""} (exit ${publint.code})`, "no errors", publint.code === 0);
  if (lint.length > 1) notes.push(`publint said: ${lint.map((l) => l.trim()).join(" / ")}`);

  // 5. Side by side with OpenAPI generators, on the catalog and on a sample of it.
  await sideBySide(tmp, "catalog", specs, coldGen.seconds, tsc);
  const sample = join(tmp, "sample-specs");
  await mkdir(sample);
  const names = (await readdir(specs)).sort().filter((_, i) => i % SAMPLE_EVERY === 0);
  await Promise.all(names.map((n) => cp(join(specs, n), join(sample, n))));
  const sampleOut = join(tmp, "sample-gen");
  const sampleGen = await topgen(["generate", "--specs", sample, "--out", sampleOut, "--no-cache"]);
  await lendNodeModules(sampleOut);
  const sampleTsc = await typeCheck(sampleOut);
  row(`sample (${names.length} APIs): topgen generate, cold`, timeAndMemory(sampleGen));
  row(`sample (${names.length} APIs): tsc on topgen's package`, timeAndMemory(sampleTsc));
  await sideBySide(tmp, `sample (${names.length} APIs)`, sample, sampleGen.seconds, sampleTsc);
  await rm(cacheFileFor(sampleOut), { force: true });

  notes.push(
    "Times are wall clock of the command as a child process (`node generator/cli/bin.mjs ...`," +
      " tsx start-up included); memory is the peak RSS reported by `/usr/bin/time -v` (the" +
      " largest process of the tree; worker threads count in their process).",
    "Cold generate runs with `--no-cache` into a fresh folder; the nothing-changed and" +
      " one-changed runs use the cache a first cached run wrote. The one-changed run edits the" +
      ` description of ${BUNDLE_API}; its tree is compared file by file with a new cold run's.`,
    "The bundle is esbuild (platform node, ESM, minified) of an app that imports `TopClient` from" +
      " `top-sdk/client` and one request class from `top-sdk/apis/<api>`, resolved through the" +
      " package's exports map to its sources, and calls `execute` once.",
    "Side by side: `topgen openapi` exports the same specs; openapi-typescript 7 (CLI, one" +
      " `.ts` file) and @hey-api/openapi-ts 0.95 (CLI, plugin `@hey-api/typescript` only: types," +
      " no client) generate from it; tsc checks each output with the package's compiler options." +
      " `topgen / this` is topgen's time (cold generate from specs; tsc on its package) over" +
      " the tool's time (generate from the document; tsc on its output)." +
      ` Third-party runs stop after ${TOOL_TIMEOUT} s;` +
      ` the sample (every ${SAMPLE_EVERY}th spec) is where all of them finish.`,
  );
}

/** topgen openapi, then openapi-typescript and hey-api from its document, and tsc on each. */
async function sideBySide(
  tmp: string,
  label: string,
  specs: string,
  topgenSeconds: number,
  topgenTsc: Measured,
): Promise<void> {
  const dir = join(tmp, `side-${label.replace(/\W+/g, "-")}`);
  await mkdir(dir, { recursive: true });
  const doc = join(dir, "topgen.openapi.json");
  const exported = await topgen(["openapi", "--specs", specs, "--out", doc]);
  row(`${label}: topgen openapi`, timeAndMemory(exported));
  if (exported.code !== 0) return;
  for (const sub of ["ota", "hey"]) {
    await writeFile(join(dir, `tsconfig.${sub}.json`), await checkConfig(sub));
  }
  await lendNodeModules(dir);

  const ota = await measure(
    join(BIN, "openapi-typescript"),
    [doc, "-o", join(dir, "ota", "schema.ts")],
    { cwd: ROOT, timeoutSeconds: TOOL_TIMEOUT },
  );
  const hey = await measure(
    join(BIN, "openapi-ts"),
    ["-i", doc, "-o", join(dir, "hey"), "-p", "@hey-api/typescript", "--no-log-file", "-s"],
    { cwd: ROOT, timeoutSeconds: TOOL_TIMEOUT },
  );
  const ratio = (theirs: Measured, ours: number) =>
    theirs.code === 0 ? `topgen / this = ${(ours / theirs.seconds).toFixed(1)}` : "n/a";
  row(`${label}: openapi-typescript`, `${timeAndMemory(ota)}; ${ratio(ota, topgenSeconds)}`);
  row(`${label}: @hey-api/openapi-ts`, `${timeAndMemory(hey)}; ${ratio(hey, topgenSeconds)}`);
  for (const [name, result, sub] of [
    ["openapi-typescript", ota, "ota"],
    ["@hey-api/openapi-ts", hey, "hey"],
  ] as const) {
    if (result.code !== 0) continue;
    const checked = await typeCheck(join(dir, `tsconfig.${sub}.json`));
    row(
      `${label}: tsc on ${name}'s output`,
      `${timeAndMemory(checked)}; ${tscErrors(checked)} errors;` +
        ` ${ratio(checked, topgenTsc.seconds)}`,
    );
  }
}

/** The package's compiler options, for a folder of another generator's output. */
async function checkConfig(folder: string): Promise<string> {
  const { tsconfigJson } = await import("../generator/emit/package-files.js");
  const config = JSON.parse(tsconfigJson()) as { compilerOptions: Record<string, unknown> };
  // Their output is checked as sources; nothing is emitted.
  delete config.compilerOptions["rootDir"];
  delete config.compilerOptions["outDir"];
  delete config.compilerOptions["declaration"];
  const compilerOptions = { ...config.compilerOptions, noEmit: true };
  return JSON.stringify({ compilerOptions, include: [folder] }, null, 2);
}

await main();

/**
 * `topgen generate --watch`, as a maintainer runs it while editing: the seconds from saving one
 * changed spec to the line saying that run's package was written. The spec and the package are
 * restored after.
 */
async function watchOneChange(specs: string, gen: string, edited: string): Promise<number> {
  const original = await readFile(edited, "utf8");
  const cli = join(ROOT, "generator", "cli", "bin.mjs");
  const child = spawn(
    process.execPath,
    [cli, "generate", "--specs", specs, "--out", gen, "--watch"],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "ignore"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const waitFor = async (pattern: RegExp, from: number): Promise<void> => {
    for (let waited = 0; !pattern.test(out.slice(from)); waited += 10) {
      if (waited > 60_000) throw new Error(`topgen generate --watch: no ${pattern} in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  try {
    await waitFor(/^watching /m, 0);
    const mark = out.length;
    const saved = performance.now();
    await writeFile(edited, original.replace(/^description: /m, "description: (watched) "));
    await waitFor(/^generated .*1 changed/m, mark);
    const took = (performance.now() - saved) / 1000;
    // Put the spec back and let the watcher write the package back to match it.
    const restored = out.length;
    await writeFile(edited, original);
    await waitFor(/^generated .*1 changed/m, restored);
    return took;
  } finally {
    child.kill("SIGINT");
  }
}
