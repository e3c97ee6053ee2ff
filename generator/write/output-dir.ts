import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, sep } from "node:path";

/**
 * What a file of the output should hold: its content, or `UNCHANGED` when the file on disk is
 * known to be right already (its stamp matches what the last run wrote), so it is not read.
 */
export const UNCHANGED = Symbol("unchanged");
export type Wanted = Map<string, string | typeof UNCHANGED>;

/** Size and modification time: enough to tell that a file is still the one a run wrote. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export interface OutputDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Folders of the output that topgen never touches: installs and build output. */
const UNMANAGED = new Set(["node_modules", "dist"]);

export function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/**
 * The managed files now in `dir` (paths with `/`) and their stamps; an absent folder is empty.
 * Synchronous on purpose: for thousands of small files it is several times faster here than
 * the promise API, and nothing else runs meanwhile.
 */
export function listOutputDir(dir: string): Map<string, FileStamp> {
  const files = new Map<string, FileStamp>();
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return files;
  }
  for (const entry of entries) {
    const path = entry.split(sep).join("/");
    if (UNMANAGED.has(path.split("/", 1)[0] ?? "")) continue;
    const stat = statSync(join(dir, entry), { throwIfNoEntry: false });
    if (stat?.isFile() === true) files.set(path, { size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return files;
}

/** The stamps of the given files of `dir`; missing files are left out. */
export function stampFiles(dir: string, paths: readonly string[]): Map<string, FileStamp> {
  const stamps = new Map<string, FileStamp>();
  for (const path of paths) {
    const stat = statSync(join(dir, path), { throwIfNoEntry: false });
    if (stat !== undefined) stamps.set(path, { size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return stamps;
}

/** Every managed file in `dir` with its content: for comparing whole trees. */
export function readOutputDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of listOutputDir(dir).keys())
    files.set(path, readFileSync(join(dir, path), "utf8"));
  return files;
}

/** Whether a file's stamp is the one recorded for it. */
export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** What writing `wanted` would change, reading only the files whose content is given. */
export function diffOutput(
  dir: string,
  listing: Map<string, FileStamp>,
  wanted: Wanted,
): OutputDiff {
  const diff: OutputDiff = { added: [], changed: [], removed: [] };
  for (const [path, content] of wanted) {
    if (!listing.has(path)) diff.added.push(path);
    else if (content !== UNCHANGED && readFileSync(join(dir, path), "utf8") !== content) {
      diff.changed.push(path);
    }
  }
  for (const path of listing.keys()) if (!wanted.has(path)) diff.removed.push(path);
  diff.added.sort();
  diff.changed.sort();
  diff.removed.sort();
  return diff;
}

/**
 * Applies a diff. Nothing runs before every file was produced in memory, and no reader ever sees
 * half a file: into an existing package each file goes to a temporary name and is renamed over
 * the old one; a new package is written whole beside its place and renamed into it at once
 * (half the time for the full catalog, whose 5,000 renames cost a second on this disk).
 */
export function applyDiff(dir: string, wanted: Wanted, diff: OutputDiff, fresh: boolean): void {
  const writes = [...diff.added, ...diff.changed];
  const made = new Set<string>();
  if (fresh && diff.changed.length === 0 && diff.removed.length === 0) {
    const staging = `${dir}.topgen-${process.pid}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    for (const path of writes) writeOne(join(staging, path), contentOf(wanted, path), made);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(dir), { recursive: true });
    renameSync(staging, dir);
    return;
  }
  for (const path of writes) {
    const target = join(dir, path);
    const temp = `${target}.${process.pid}.tmp`;
    writeOne(temp, contentOf(wanted, path), made);
    renameSync(temp, target);
  }
  for (const path of diff.removed) {
    rmSync(join(dir, path), { force: true });
    removeEmptyParents(dir, dirname(join(dir, path)));
  }
}

function contentOf(wanted: Wanted, path: string): string {
  const content = wanted.get(path);
  if (typeof content !== "string") throw new Error(`no content to write for ${path}`);
  return content;
}

function writeOne(file: string, content: string, made: Set<string>): void {
  const parent = dirname(file);
  if (!made.has(parent)) {
    mkdirSync(parent, { recursive: true });
    made.add(parent);
  }
  writeFileSync(file, content);
}

function removeEmptyParents(root: string, dir: string): void {
  for (let d = dir; d.length > root.length; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty: neither are its parents
    }
  }
}
