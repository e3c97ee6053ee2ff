import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { version as prettierVersion } from "prettier";
import type { ApiSummary } from "../emit/index-file.js";
import type { ApiChunks } from "../emit/package-index.js";
import { sha1 } from "./output-dir.js";

/**
 * What the last run produced, so that a run only emits what changed: per API the hash of its
 * input (spec text, base name, generator fingerprint) and of the file it produced. An output
 * file is reused only while its content still has the recorded hash, so a hand-edited or
 * deleted file is always regenerated. Kept under node_modules/.cache, never in the package.
 */
export interface GenerateCache {
  fingerprint: string;
  apis: Record<string, CachedApi>;
}

export interface CachedApi {
  input: string;
  output: string;
  summary: ApiSummary;
  chunks: ApiChunks;
}

export function cacheFileFor(outDir: string): string {
  return join(process.cwd(), "node_modules", ".cache", "topgen", `${sha1(resolve(outDir))}.json`);
}

export async function readCache(file: string, fingerprint: string): Promise<GenerateCache> {
  try {
    const cache = JSON.parse(await readFile(file, "utf8")) as GenerateCache;
    if (cache.fingerprint === fingerprint) return cache;
  } catch {
    // No cache yet, or an unreadable one: a cold run rebuilds it.
  }
  return { fingerprint, apis: {} };
}

export async function writeCache(file: string, cache: GenerateCache): Promise<void> {
  await mkdir(join(file, ".."), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(cache));
  await rename(temp, file);
}

/** Folders whose code decides the output; a change in any of them invalidates the cache. */
const GENERATOR_DIRS = ["emit", "format", "runtime", "spec"];

/** A hash of the generator's own sources and of the formatter's version. */
export async function generatorFingerprint(generatorRoot: string): Promise<string> {
  const parts: string[] = [];
  for (const dir of GENERATOR_DIRS) {
    const root = join(generatorRoot, dir);
    const entries = (await readdir(root, { recursive: true })).filter((e) => e.endsWith(".ts"));
    for (const entry of entries.sort()) {
      parts.push(entry, await readFile(join(root, entry), "utf8"));
    }
  }
  parts.push(prettierVersion);
  return sha1(parts.join("\0"));
}
