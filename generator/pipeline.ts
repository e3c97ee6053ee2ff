import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { assignBaseNames } from "./emit/api-model.js";
import type { EmitApiInput } from "./emit/emit-api.js";
import { EmitPool, emitAll, workerCount } from "./emit/emit-pool.js";
import { generatedHeader } from "./emit/header.js";
import type { ApiSummary } from "./emit/index-file.js";
import { packageJson, tsconfigJson } from "./emit/package-files.js";
import type { ApiChunks } from "./emit/package-index.js";
import { packageReadme } from "./emit/package-readme.js";
import { log } from "./log/logger.js";
import { DiagnosticBag } from "./spec/diagnostics.js";
import { listSpecFiles } from "./spec/read-spec.js";
import { cacheFileFor, generatorFingerprint, readCache, writeCache } from "./write/cache.js";
import type { CachedApi, GenerateCache } from "./write/cache.js";
import {
  applyDiff,
  diffOutput,
  listOutputDir,
  sameStamp,
  sha1,
  stampFiles,
  UNCHANGED,
} from "./write/output-dir.js";
import type { FileStamp, OutputDiff, Wanted } from "./write/output-dir.js";

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
  /** State kept between the runs of one process (`--watch`); see `GenerateSession`. */
  session?: GenerateSession | undefined;
}

/**
 * What a long-lived process keeps between runs (`--watch`): the cache, in memory rather than
 * read and written as a file each run (`flush` writes it for the next process).
 */
export class GenerateSession {
  cache: GenerateCache | undefined;
  cacheFile: string | undefined;

  /** Loads the emit stage (TypeScript, prettier) ahead of the first change, while idle. */
  async warmUp(): Promise<void> {
    await Promise.all([import("./emit/emit-api.js"), import("./emit/package-index.js")]);
  }

  /** Writes the cache the runs built up, for the next process. */
  flush(): void {
    if (this.cache !== undefined && this.cacheFile !== undefined) {
      writeCache(this.cacheFile, this.cache);
    }
  }
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

type Emitted = Pick<CachedApi, "summary" | "chunks">;

/**
 * specs/*.yaml → the package in `outDir`: read specs, emit each API that changed (in workers),
 * then the package-wide files, then write only what differs. Nothing is written unless every
 * spec is valid, so a bad spec never leaves a half-generated package.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateReport> {
  const started = performance.now();
  const specsDir = options.specsDir ?? "specs";
  const outDir = options.outDir ?? "generated";
  const diags = new DiagnosticBag();
  const lap = stopwatch();

  const session = options.session;
  const inputs = listSpecInputs(specsDir, diags);
  const fingerprint = generatorFingerprint(GENERATOR_ROOT);
  const cacheFile = cacheFileFor(outDir);
  const kept = session?.cache?.fingerprint === fingerprint ? session.cache : undefined;
  const cache = options.cache === false ? undefined : (kept ?? readCache(cacheFile, fingerprint));
  const listing = listOutputDir(outDir);
  // With nothing to reuse, every API will be emitted: start the workers now, so that they load
  // the emit stage while this thread reads the specs.
  const cold = cache === undefined || Object.keys(cache.apis).length === 0;
  const count = workerCount(inputs.length, options.workers);
  const pool = cold && count > 1 ? EmitPool.start(count) : undefined;
  log.debug(`generate: read ${inputs.length} specs, the cache and ${outDir} in ${lap()} ms`);

  const wanted: Wanted = new Map();
  const apis: Emitted[] = [];
  const nextCache: GenerateCache = { fingerprint, apis: {} };
  const toEmit: EmitApiInput[] = [];
  // What the cache will record of each API to emit, index for index with `toEmit`.
  const pending: Pick<CachedApi, "input" | "spec">[] = [];
  for (const input of inputs) {
    const path = apiPath(input.api);
    const entry = cache?.apis[input.api];
    // A spec whose file has the stamp the cache recorded is not read at all.
    const known = entry !== undefined && sameStamp(entry.spec.stamp, input.stamp);
    const text = known ? undefined : readFileSync(input.file, "utf8");
    const hash = text === undefined ? (entry?.spec.hash ?? "") : sha1(text);
    const key = sha1(`${fingerprint}\0${input.base}\0${hash}`);
    if (entry?.input === key && sameStamp(listing.get(path), entry.stamp)) {
      wanted.set(path, UNCHANGED);
      apis.push(entry);
      for (const d of entry.diagnostics) diags.add(d);
      nextCache.apis[input.api] = entry;
    } else {
      toEmit.push({ ...input, text: text ?? readFileSync(input.file, "utf8") });
      pending.push({ input: key, spec: { stamp: input.stamp, hash } });
    }
  }

  // Assembling the package-wide files needs TypeScript and prettier in this thread too: load
  // them while the workers emit, rather than after.
  const assembler = toEmit.length > 0 ? import("./emit/package-index.js") : undefined;
  const outputs = await emitAll(toEmit, {
    workers: options.workers,
    pool,
    onProgress: options.onProgress,
  });
  log.debug(`generate: emitted ${toEmit.length} of ${inputs.length} APIs in ${lap()} ms`);
  const emitted = new Map<string, CachedApi>();
  outputs.forEach((result, i) => {
    for (const d of result.diagnostics) diags.add(d);
    const known = pending[i];
    if (result.output === undefined || known === undefined) return;
    const { path, content, summary, chunks } = result.output;
    wanted.set(path, content);
    apis.push({ summary, chunks });
    const stamp = { size: 0, mtimeMs: 0 }; // set once written
    emitted.set(path, { ...known, stamp, summary, chunks, diagnostics: result.diagnostics });
  });

  const failed = diags.errors.length > 0;
  let packageInput = "";
  if (!failed) {
    apis.sort((a, b) =>
      a.summary.api < b.summary.api ? -1 : a.summary.api > b.summary.api ? 1 : 0,
    );
    packageInput = sha1(
      `${fingerprint}\0${JSON.stringify(apis.map((a) => [a.summary, a.chunks]))}`,
    );
    const stamps = cache?.package?.input === packageInput ? cache.package.stamps : undefined;
    const reuse =
      stamps !== undefined &&
      Object.entries(stamps).every(([path, stamp]) => sameStamp(listing.get(path), stamp));
    if (reuse) for (const path of Object.keys(stamps)) wanted.set(path, UNCHANGED);
    else {
      const files = await packageWideFiles(
        apis,
        await (assembler ?? import("./emit/package-index.js")),
      );
      for (const [path, content] of files) wanted.set(path, content);
    }
  }
  const diff = failed
    ? { added: [], changed: [], removed: [] }
    : diffOutput(outDir, listing, wanted);
  log.debug(`generate: package-wide files and comparison in ${lap()} ms`);

  if (!failed && options.check !== true) {
    // An absent or empty folder (no managed file) is written whole and renamed into place.
    applyDiff(outDir, wanted, diff, listing.size === 0 && !hasUnmanaged(outDir));
    const changed = diff.added.length + diff.changed.length + diff.removed.length > 0;
    if (options.cache !== false && (changed || toEmit.length > 0 || cache?.package === undefined)) {
      const packagePaths = [...wanted.keys()].filter((path) => !path.startsWith("src/apis/"));
      const after = stampFiles(outDir, [...emitted.keys(), ...packagePaths]);
      for (const [path, entry] of emitted) {
        nextCache.apis[entry.summary.api] = { ...entry, stamp: after.get(path) ?? entry.stamp };
      }
      const stamps = Object.fromEntries(
        packagePaths.map((path) => [path, after.get(path) ?? { size: -1, mtimeMs: 0 }]),
      );
      nextCache.package = { input: packageInput, stamps };
      if (session === undefined) writeCache(cacheFile, nextCache);
      else Object.assign(session, { cache: nextCache, cacheFile });
    }
  }
  log.debug(`generate: wrote ${diff.added.length + diff.changed.length} files in ${lap()} ms`);
  // Reused APIs add their warnings before emitted ones: order them by file, as a cold run does.
  diags.items.sort((a, b) => (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return {
    apis: inputs.length,
    emitted: toEmit.length,
    diff,
    diagnostics: diags,
    failed,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Whether the folder holds anything topgen does not manage (node_modules, dist) to keep. */
function hasUnmanaged(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

function apiPath(api: string): string {
  return `src/apis/${api}.ts`;
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

/** A spec file before it is read: what its name promises, and its stamp. */
type SpecInput = Omit<EmitApiInput, "text"> & { stamp: FileStamp };

/** Spec files with the API each promises by its name, `<api>.yaml`, and its unique base name. */
function listSpecInputs(specsDir: string, diags: DiagnosticBag): SpecInput[] {
  const names = listSpecFiles(specsDir, diags);
  const apis = names.map((n) => n.slice(0, -".yaml".length));
  const bases = assignBaseNames(apis);
  return names.map((name, i) => {
    const api = apis[i] ?? "";
    const file = join(specsDir, name);
    const stat = statSync(file);
    const stamp = { size: stat.size, mtimeMs: stat.mtimeMs };
    return {
      file,
      api,
      source: `${basename(specsDir)}/${name}`,
      base: bases.get(api) ?? "",
      stamp,
    };
  });
}

/** The runtime, the index and the typed client (from per-API chunks), the package's files. */
async function packageWideFiles(
  apis: Emitted[],
  { assembleIndex, assembleTopApi }: typeof import("./emit/package-index.js"),
): Promise<Map<string, string>> {
  const files = runtimeFiles();
  const chunks: ApiChunks[] = apis.map((a) => a.chunks);
  files.set("src/index.ts", await assembleIndex(chunks));
  files.set("src/top-api.ts", await assembleTopApi(chunks));
  files.set("package.json", packageJson("0.1.0"));
  files.set("tsconfig.json", tsconfigJson());
  files.set("README.md", packageReadme(apis.map((a) => a.summary)));
  return files;
}

/** The hand-written runtime, copied with a header naming where each file comes from. */
function runtimeFiles(): Map<string, string> {
  const root = join(GENERATOR_ROOT, "runtime");
  const files = new Map<string, string>();
  const entries = readdirSync(root, { recursive: true, encoding: "utf8" });
  for (const entry of entries.filter((e) => e.endsWith(".ts")).sort()) {
    const source = relative(join(GENERATOR_ROOT, ".."), join(root, entry)).split("\\").join("/");
    const text = readFileSync(join(root, entry), "utf8");
    files.set(`src/runtime/${entry.split("\\").join("/")}`, generatedHeader(source) + text);
  }
  return files;
}
