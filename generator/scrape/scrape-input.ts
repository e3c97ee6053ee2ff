/**
 * Scrapes one input (a file or an http(s) URL) into a spec: picks the reader by file extension
 * or, for URLs, by content type and body, and turns a failure into a diagnostic of that input.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { DiagnosticBag, TopgenError } from "../spec/diagnostics.js";
import type { ApiSpec } from "../spec/spec.js";
import { buildSpec } from "./build-spec.js";
import { fetchPage, type FetchOptions } from "./fetch-page.js";
import { readHtmlPage } from "./html-page.js";
import { readJsonDoc } from "./json-doc.js";
import type { RawPage } from "./raw-page.js";
import { readTextPage } from "./text-page.js";

export type PageKind = "text" | "html" | "json";

/** The outcome of one input: a spec, or none (`failed` tells an error from an empty stub). */
export interface ScrapeResult {
  input: string;
  spec?: ApiSpec;
  failed: boolean;
}

const EXTENSIONS: Record<string, PageKind> = {
  ".txt": "text",
  ".html": "html",
  ".htm": "html",
  ".json": "json",
};

/** The reader for a file name, or undefined for other files. */
export function kindOfPath(path: string): PageKind | undefined {
  // Not `extname`: a catalog stub named just `.json` is a JSON document too.
  const ext = /\.[a-z]+$/i.exec(basename(path))?.[0].toLowerCase();
  return ext === undefined ? undefined : EXTENSIONS[ext];
}

/** The reader for a fetched body: by content type first, then by its first characters. */
export function sniffKind(body: string, contentType: string): PageKind {
  if (contentType.includes("json")) return "json";
  if (contentType.includes("html")) return "html";
  const start = body.trimStart().slice(0, 200).toLowerCase();
  if (start.startsWith("{") || start.startsWith("[")) return "json";
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.includes("<body")) {
    return "html";
  }
  return "text";
}

/**
 * Reads one page body into a spec. Diagnostics (errors included) go to `bag`; on error the
 * result has no spec.
 */
export function scrapeSource(
  body: string,
  kind: PageKind,
  input: string,
  bag: DiagnosticBag,
  category?: string,
): ScrapeResult {
  const own = new DiagnosticBag();
  let spec: ApiSpec | undefined;
  try {
    const page: RawPage | undefined =
      kind === "json"
        ? readJsonDoc(body, input, own, category)
        : kind === "html"
          ? readHtmlPage(body, input, own)
          : readTextPage(body, input, own);
    if (page !== undefined) spec = buildSpec(page, input, own);
  } catch (error) {
    if (!(error instanceof TopgenError)) throw error;
    own.add(error.diagnostic);
  }
  for (const d of own.items) bag.add(d);
  const failed = own.errors.length > 0;
  return failed || spec === undefined ? { input, failed } : { input, spec, failed };
}

/** Reads the category of a catalog document from the `catelog.json` beside it, once per folder. */
export class CategoryCache {
  private readonly byDir = new Map<string, Promise<string | undefined>>();

  get(file: string): Promise<string | undefined> {
    const dir = dirname(file);
    let found = this.byDir.get(dir);
    if (found === undefined) {
      found = readFile(join(dir, "catelog.json"), "utf8").then(
        (text) => {
          const name: unknown = (JSON.parse(text) as Record<string, unknown>)["name"];
          return typeof name === "string" && name !== "" ? name : undefined;
        },
        () => undefined,
      );
      this.byDir.set(dir, found);
    }
    return found;
  }
}

/** Scrapes one file; unreadable or unsupported files become errors of that input. */
export async function scrapeFile(
  path: string,
  bag: DiagnosticBag,
  categories: CategoryCache = new CategoryCache(),
): Promise<ScrapeResult> {
  const kind = kindOfPath(path);
  if (kind === undefined || basename(path) === "catelog.json") {
    bag.error("INPUT_UNSUPPORTED", path, "not a .txt, .html or .json page");
    return { input: path, failed: true };
  }
  let body: string;
  try {
    // Synchronous: thousands of small files read several times faster than with promises.
    body = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    bag.error("INPUT_UNREADABLE", path, `cannot read the file (${reason})`);
    return { input: path, failed: true };
  }
  const category = kind === "json" ? await categories.get(path) : undefined;
  return scrapeSource(body, kind, path, bag, category);
}

/** Fetches and scrapes one http(s) page. */
export async function scrapeUrl(
  url: string,
  bag: DiagnosticBag,
  options: FetchOptions = {},
): Promise<ScrapeResult> {
  try {
    const page = await fetchPage(url, options);
    return scrapeSource(page.body, sniffKind(page.body, page.contentType), url, bag);
  } catch (error) {
    if (!(error instanceof TopgenError)) throw error;
    bag.add(error.diagnostic);
    return { input: url, failed: true };
  }
}

/** Whether an input names an http(s) URL rather than a path. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
