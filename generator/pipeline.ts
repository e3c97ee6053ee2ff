import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { assignBaseNames } from "./emit/api-model.js";
import type { EmitApiInput } from "./emit/emit-api.js";
import { emitAll } from "./emit/emit-pool.js";
import { generatedHeader } from "./emit/header.js";
import type { ApiSummary } from "./emit/index-file.js";
import { packageJson, tsconfigJson } from "./emit/package-files.js";
import { assembleIndex, assembleTopApi, type ApiChunks } from "./emit/package-index.js";
import { packageReadme } from "./emit/package-readme.js";
import { log } from "./log/logger.js";
import { listSpecFiles } from "./spec/read-spec.js";
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

  const lap = stopwatch();
  const inputs = await readSpecInputs(specsDir, diags);
  log.debug(`generate: read ${inputs.length} specs in ${lap()} ms`);
  const fingerprint = await generatorFingerprint(GENERATOR_ROOT);
  const cacheFile = cacheFileFor(outDir);
  const cache: GenerateCache =
    options.cache === false ? { fingerprint, apis: {} } : await readCache(cacheFile, fingerprint);
  const current = await readOutputDir(outDir);

  const wanted: FileSet = new Map();
  const done: { summary: ApiSummary; chunks: ApiChunks }[] = [];
  const nextCache: GenerateCache = { fingerprint, apis: {} };
  const toEmit: EmitApiInput[] = [];
  for (const input of inputs) {
    const inputHash = sha1(`${fingerprint}\0${input.base}\0${input.text}`);
    const path = `src/apis/${input.api}.ts`;
    const entry = cache.apis[input.api];
    const existing = current.get(path);
    if (entry?.input === inputHash && existing !== undefined && sha1(existing) === entry.output) {
      wanted.set(path, existing);
      done.push(entry);
      nextCache.apis[input.api] = entry;
    } else {
      toEmit.push(input);
    }
  }

  log.debug(`generate: ${toEmit.length} of ${inputs.length} APIs to emit, found in ${lap()} ms`);
  const outputs = await emitAll(toEmit, {
    workers: options.workers,
    onProgress: options.onProgress,
  });
  outputs.forEach((result, i) => {
    for (const d of result.diagnostics) diags.add(d);
    const input = toEmit[i];
    if (result.output === undefined || input === undefined) return;
    const { path, content, summary, chunks } = result.output;
    wanted.set(path, content);
    done.push({ summary, chunks });
    const inputHash = sha1(`${fingerprint}\0${input.base}\0${input.text}`);
    nextCache.apis[input.api] = { input: inputHash, output: sha1(content), summary, chunks };
  });

  log.debug(`generate: emitted ${toEmit.length} APIs in ${lap()} ms`);
  const failed = diags.errors.length > 0;
  if (!failed) {
    done.sort((a, b) =>
      a.summary.api < b.summary.api ? -1 : a.summary.api > b.summary.api ? 1 : 0,
    );
    for (const [path, content] of await packageWideFiles(done)) wanted.set(path, content);
  }
  log.debug(`generate: package-wide files in ${lap()} ms`);
  const diff = failed ? { added: [], changed: [], removed: [] } : diffOutput(current, wanted);
  if (!failed && options.check !== true) {
    await applyDiff(outDir, wanted, diff);
    if (options.cache !== false) await writeCache(cacheFile, nextCache);
  }
  log.debug(`generate: compared and wrote in ${lap()} ms`);
  return {
    apis: inputs.length,
    emitted: toEmit.length,
    diff,
    diagnostics: diags,
    failed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A lap timer for debug logs: each call gives the milliseconds since the previous one. */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const ms = Math.round(now - last);
    last = now;
    return ms;
  };
}

/** Spec files with the API each promises by its name, `<api>.yaml`, and its unique base name. */
async function readSpecInputs(specsDir: string, diags: DiagnosticBag): Promise<EmitApiInput[]> {
  const names = await listSpecFiles(specsDir, diags);
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

/** The runtime, the index and the typed client (from per-API chunks), the package's files. */
async function packageWideFiles(
  apis: { summary: ApiSummary; chunks: ApiChunks }[],
): Promise<FileSet> {
  const files = await runtimeFiles();
  const chunks = apis.map((a) => a.chunks);
  files.set("src/index.ts", await assembleIndex(chunks));
  files.set("src/top-api.ts", await assembleTopApi(chunks));
  files.set("package.json", packageJson("0.1.0"));
  files.set("tsconfig.json", tsconfigJson());
  files.set("README.md", packageReadme(apis.map((a) => a.summary)));
  return files;
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
