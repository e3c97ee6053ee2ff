/**
 * Expands command-line inputs into the pages to read: files as given, directories into every
 * `.txt`/`.html`/`.json` page inside (recursively, `catelog.json` excepted, sorted so that a
 * run is the same on every machine), URLs as given.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { DiagnosticBag } from "../spec/diagnostics.js";
import { isUrl, kindOfPath } from "./scrape-input.js";

export interface InputTask {
  /** A file path or an http(s) URL. */
  input: string;
  url: boolean;
}

/** Category files of the catalog, read beside each document rather than as pages. */
const NOT_PAGES = new Set(["catelog.json"]);

/** Lists the pages of `inputs`, in order; unreadable inputs become `INPUT_UNREADABLE` errors. */
export async function listInputs(
  inputs: readonly string[],
  bag: DiagnosticBag,
): Promise<InputTask[]> {
  const tasks: InputTask[] = [];
  for (const input of inputs) {
    if (isUrl(input)) {
      tasks.push({ input, url: true });
      continue;
    }
    const info = await stat(input).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      bag.error("INPUT_UNREADABLE", input, `cannot read the input (${info.code ?? info.message})`);
    } else if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true });
      const pages = entries
        .filter((entry) => kindOfPath(entry) !== undefined && !NOT_PAGES.has(basename(entry)))
        .map((entry) => join(input, entry))
        .sort();
      tasks.push(...pages.map((page) => ({ input: page, url: false })));
    } else tasks.push({ input, url: false });
  }
  return tasks;
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
