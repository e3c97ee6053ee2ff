import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { assignBaseNames } from "./emit/api-model.js";
import { printFile, type EmitApiInput } from "./emit/emit-api.js";
import { emitAll } from "./emit/emit-pool.js";
import { generatedHeader } from "./emit/header.js";
import { indexFileStructure, topApiFileStructure, type ApiSummary } from "./emit/index-file.js";
import { packageJson, tsconfigJson } from "./emit/package-files.js";
import { packageReadme } from "./emit/package-readme.js";
import { formatTypeScript } from "./format/format.js";
import { DiagnosticBag } from "./spec/diagnostics.js";
import { cacheFileFor, generatorFingerprint, readCache, writeCache } from "./write/cache.js";
import type { GenerateCache } from "./write/cache.js";
import { applyDiff, diffOutput, readOutputDir, sha1 } from "./write/output-dir.js";
import type { FileSet, OutputDiff } from "./write/output-dir.js";

const GENERATOR_ROOT = dirname(fileURLToPath(import.meta.url));

export interface GenerateOptions {
  /** @default "specs" */
  specsDir?: string | undefined;
  /** @default "generated" */
  outDir?: string | undefined;
  /** Write nothing; report what differs. */
  check?: boolean | undefined;
  /** Reuse what the last run produced for unchanged specs. @default true */
  cache?: boolean | undefined;
  /** See `EmitAllOptions.workers`. */
  workers?: number | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface GenerateReport {
  apis: number;
  /** APIs emitted in this run (the rest were unchanged and reused). */
  emitted: number;
  diff: OutputDiff;
  diagnostics: DiagnosticBag;
  /** True when a spec was invalid: nothing was written. */
  failed: boolean;
  seconds: number;
}

/**
 * specs/*.yaml → the package in `outDir`: read specs, emit each API (in workers), emit the
 * package-wide files, then write only what differs. Nothing is written unless every spec is
 * valid, so a bad spec never leaves a half-generated package.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateReport> {
  const started = performance.now();
  const specsDir = options.specsDir ?? "specs";
  const outDir = options.outDir ?? "generated";
  const diags = new DiagnosticBag();

  const inputs = await readSpecInputs(specsDir, diags);
  const fingerprint = await generatorFingerprint(GENERATOR_ROOT);
  const cacheFile = cacheFileFor(outDir);
  const cache: GenerateCache =
    options.cache === false ? { fingerprint, apis: {} } : await readCache(cacheFile, fingerprint);
  const current = await readOutputDir(outDir);

  const wanted: FileSet = new Map();
  const summaries: ApiSummary[] = [];
  const nextCache: GenerateCache = { fingerprint, apis: {} };
  const toEmit: EmitApiInput[] = [];
  for (const input of inputs) {
    const inputHash = sha1(`${fingerprint}\0${input.base}\0${input.text}`);
    const path = `src/apis/${input.api}.ts`;
    const entry = cache.apis[input.api];
    const existing = current.get(path);
    if (entry?.input === inputHash && existing !== undefined && sha1(existing) === entry.output) {
      wanted.set(path, existing);
      summaries.push(entry.summary);
      nextCache.apis[input.api] = entry;
    } else {
      toEmit.push(input);
    }
  }

  const outputs = await emitAll(toEmit, {
    workers: options.workers,
    onProgress: options.onProgress,
  });
  outputs.forEach((result, i) => {
    for (const d of result.diagnostics) diags.add(d);
    const input = toEmit[i];
    if (result.output === undefined || input === undefined) return;
    const { path, content, summary } = result.output;
    wanted.set(path, content);
    summaries.push(summary);
    const inputHash = sha1(`${fingerprint}\0${input.base}\0${input.text}`);
    nextCache.apis[input.api] = { input: inputHash, output: sha1(content), summary };
  });

  const failed = diags.errors.length > 0;
  if (!failed) {
    summaries.sort((a, b) => (a.api < b.api ? -1 : a.api > b.api ? 1 : 0));
    const packageInput = sha1(`${fingerprint}\0${JSON.stringify(summaries)}`);
    const reused = reuseIfUnchanged(cache.package, packageInput, current);
    const packageFiles = reused ?? (await packageWideFiles(summaries));
    for (const [path, content] of packageFiles) wanted.set(path, content);
    nextCache.package = { input: packageInput, outputs: hashes(packageFiles) };
  }
  const diff = failed ? { added: [], changed: [], removed: [] } : diffOutput(current, wanted);
  if (!failed && options.check !== true) {
    await applyDiff(outDir, wanted, diff);
    if (options.cache !== false) await writeCache(cacheFile, nextCache);
  }
  return {
    apis: inputs.length,
    emitted: toEmit.length,
    diff,
    diagnostics: diags,
    failed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Spec files with the API each promises by its name, `<api>.yaml`, and its unique base name. */
async function readSpecInputs(specsDir: string, diags: DiagnosticBag): Promise<EmitApiInput[]> {
  let names: string[];
  try {
    names = (await readdir(specsDir)).filter((n) => n.endsWith(".yaml")).sort();
  } catch (cause) {
    diags.error("INPUT_UNREADABLE", specsDir, `cannot list the specs folder: ${String(cause)}`);
    return [];
  }
  const apis = names.map((n) => n.slice(0, -".yaml".length));
  const bases = assignBaseNames(apis);
  return Promise.all(
    names.map(async (name, i) => {
      const api = apis[i] ?? "";
      const file = join(specsDir, name);
      const text = await readFile(file, "utf8");
      return {
        file,
        api,
        source: `${basename(specsDir)}/${name}`,
        base: bases.get(api) ?? "",
        text,
      };
    }),
  );
}

/**
 * The runtime, the index, the typed client and the package's own files: one unit, since they
 * depend on the list of APIs as a whole. The index and `TopApi` of the full catalog take about a
 * second to print and format, which a run with nothing changed must not pay.
 */
async function packageWideFiles(summaries: ApiSummary[]): Promise<FileSet> {
  const files = await runtimeFiles();
  const index = printFile(indexFileStructure(summaries));
  files.set("src/index.ts", await formatTypeScript(index, "src/index.ts"));
  const topApi = printFile(topApiFileStructure(summaries));
  files.set("src/top-api.ts", await formatTypeScript(topApi, "src/top-api.ts"));
  files.set("package.json", packageJson("0.1.0"));
  files.set("tsconfig.json", tsconfigJson());
  files.set("README.md", packageReadme(summaries));
  return files;
}

/** The files of a cached unit as they are on disk, when its input and every output still match. */
function reuseIfUnchanged(
  entry: GenerateCache["package"],
  input: string,
  current: FileSet,
): FileSet | undefined {
  if (entry?.input !== input) return undefined;
  const files: FileSet = new Map();
  for (const [path, hash] of Object.entries(entry.outputs)) {
    const content = current.get(path);
    if (content === undefined || sha1(content) !== hash) return undefined;
    files.set(path, content);
  }
  return files;
}

function hashes(files: FileSet): Record<string, string> {
  return Object.fromEntries([...files].map(([path, content]) => [path, sha1(content)]));
}

/** The hand-written runtime, copied with a header naming where each file comes from. */
async function runtimeFiles(): Promise<FileSet> {
  const root = join(GENERATOR_ROOT, "runtime");
  const files: FileSet = new Map();
  const entries = (await readdir(root, { recursive: true })).filter((e) => e.endsWith(".ts"));
  for (const entry of entries.sort()) {
    const source = relative(join(GENERATOR_ROOT, ".."), join(root, entry)).split("\\").join("/");
    const text = await readFile(join(root, entry), "utf8");
    files.set(`src/runtime/${entry.split("\\").join("/")}`, generatedHeader(source) + text);
  }
  return files;
}
