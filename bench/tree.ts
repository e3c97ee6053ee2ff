/** File trees of the benchmark: compare two generated packages, count a package's files. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Folders that are not the package's own output. */
const SKIP = new Set(["node_modules"]);

/** Every file under `dir` (paths with `/`) by a hash of its bytes; `skip` folders not entered. */
export async function readTree(dir: string, skip: ReadonlySet<string> = SKIP) {
  const hashes = new Map<string, string>();
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const path = rel === "" ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory() && !skip.has(path)) return walk(path);
        if (!e.isFile()) return;
        const bytes = await readFile(join(dir, path));
        hashes.set(path, createHash("sha1").update(bytes).digest("hex"));
      }),
    );
  };
  await walk("");
  return hashes;
}

/** Paths that are in only one tree or differ, sorted; empty when the trees are identical. */
export async function diffTrees(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([readTree(a), readTree(b)]);
  const paths = new Set([...left.keys(), ...right.keys()]);
  return [...paths].filter((p) => left.get(p) !== right.get(p)).sort();
}

/** How many files the package has, outside node_modules. */
export async function countFiles(dir: string): Promise<number> {
  return (await readTree(dir)).size;
}
