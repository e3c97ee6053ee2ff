import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";

/** Files of the package, by path relative to the output folder (always with `/`). */
export type FileSet = Map<string, string>;

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

/** Every managed file now in `dir` with its content; an absent folder is empty. */
export async function readOutputDir(dir: string): Promise<FileSet> {
  const files: FileSet = new Map();
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return files;
  }
  await Promise.all(
    entries.map(async (entry) => {
      const path = entry.split(sep).join("/");
      if (UNMANAGED.has(path.split("/", 1)[0] ?? "")) return;
      try {
        files.set(path, await readFile(join(dir, entry), "utf8"));
      } catch {
        // A folder, or a file removed meanwhile: neither is content.
      }
    }),
  );
  return files;
}

/** What writing `wanted` over `current` would change. Lists are sorted. */
export function diffOutput(current: FileSet, wanted: FileSet): OutputDiff {
  const diff: OutputDiff = { added: [], changed: [], removed: [] };
  for (const [path, content] of wanted) {
    const old = current.get(path);
    if (old === undefined) diff.added.push(path);
    else if (old !== content) diff.changed.push(path);
  }
  for (const path of current.keys()) if (!wanted.has(path)) diff.removed.push(path);
  diff.added.sort();
  diff.changed.sort();
  diff.removed.sort();
  return diff;
}

/**
 * Applies a diff. Each file is written to a temporary name and renamed over the old one, so
 * that no reader ever sees half a file; this runs only after every file was produced in memory.
 */
export async function applyDiff(dir: string, wanted: FileSet, diff: OutputDiff): Promise<void> {
  const writes = [...diff.added, ...diff.changed];
  const dirs = new Set(writes.map((path) => dirname(join(dir, path))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all(
    writes.map(async (path) => {
      const target = join(dir, path);
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, wanted.get(path) ?? "");
      await rename(temp, target);
    }),
  );
  await Promise.all(diff.removed.map((path) => rm(join(dir, path), { force: true })));
  await removeEmptyDirs(dir, dir);
}

async function removeEmptyDirs(root: string, dir: string): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let empty = true;
  for (const entry of entries) {
    if (!entry.isDirectory() || UNMANAGED.has(entry.name)) {
      empty = false;
      continue;
    }
    if (!(await removeEmptyDirs(root, join(dir, entry.name)))) empty = false;
  }
  if (empty && relative(root, dir) !== "") await rm(dir, { recursive: true, force: true });
  return empty;
}
