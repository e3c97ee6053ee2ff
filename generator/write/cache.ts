import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { version as prettierVersion } from "prettier";
import type { ApiSummary } from "../emit/index-file.js";
import type { ApiChunks } from "../emit/package-index.js";
import type { Diagnostic } from "../spec/diagnostics.js";
import { sha1, type FileStamp } from "./output-dir.js";

/**
 * What the last run produced, so that a run only emits what changed: per API the hash of its
 * input (spec text, base name, generator fingerprint) and the stamp of the file it wrote. An
 * output is reused only while its file still has that stamp, so a hand-edited or deleted file
 * is always regenerated. Kept under node_modules/.cache, never in the package.
 */
export interface GenerateCache {
  fingerprint: string;
  apis: Record<string, CachedApi>;
  /** The package-wide files, by a hash of every API's summary and chunks. */
  package?: { input: string; stamps: Record<string, FileStamp> };
}

export interface CachedApi {
  input: string;
  /** The spec file's stamp and text hash: a spec with the same stamp is not read again. */
  spec: { stamp: FileStamp; hash: string };
  stamp: FileStamp;
  summary: ApiSummary;
  chunks: ApiChunks;
  /** The warnings emitting gave, repeated on reuse so that every run reports the same. */
  diagnostics: Diagnostic[];
}

export function cacheFileFor(outDir: string): string {
  return join(process.cwd(), "node_modules", ".cache", "topgen", `${sha1(resolve(outDir))}.json`);
}

export function readCache(file: string, fingerprint: string): GenerateCache {
  try {
    const cache = JSON.parse(readFileSync(file, "utf8")) as GenerateCache;
    if (cache.fingerprint === fingerprint) return cache;
  } catch {
    // No cache yet, or an unreadable one: a cold run rebuilds it.
  }
  return { fingerprint, apis: {} };
}

export function writeCache(file: string, cache: GenerateCache): void {
  mkdirSync(join(file, ".."), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(cache));
  renameSync(temp, file);
}

/**
 * Folders whose code decides the output or the cache's own shape; a change in any of them
 * invalidates the cache.
 */
const GENERATOR_DIRS = ["emit", "format", "runtime", "spec", "write"];

/** A hash of the generator's own sources and of the formatter's version. */
export function generatorFingerprint(generatorRoot: string): string {
  const parts: string[] = [];
  for (const dir of GENERATOR_DIRS) {
    const root = join(generatorRoot, dir);
    const entries = readdirSync(root, { recursive: true, encoding: "utf8" });
    for (const entry of entries.filter((e) => e.endsWith(".ts")).sort()) {
      parts.push(entry, readFileSync(join(root, entry), "utf8"));
    }
  }
  parts.push(readFileSync(join(generatorRoot, "pipeline.ts"), "utf8"), prettierVersion);
  return sha1(parts.join("\0"));
}
