/**
 * The whole pipeline on the real catalog (`../shared/top-catalog`, 5,314 documents): scrape, then
 * generate, then type-check the package. Warning counts are asserted exactly, so that a change in
 * the scraper or the emitter that moves them shows here and is looked at.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScrape } from "../../generator/cli/scrape-command.js";
import { generate, type GenerateReport } from "../../generator/pipeline.js";
import { DIAGNOSTIC_CODES } from "../../generator/spec/diagnostics.js";

const ROOT = join(import.meta.dirname, "..", "..");
const CATALOG_DOCS = join(ROOT, "..", "shared", "top-catalog", "docs");
const HAS_CATALOG = existsSync(CATALOG_DOCS);

/** Scrape warnings by code, as measured on the catalog (2 documents are empty stubs). */
const SCRAPE_WARNINGS = {
  FIELDS_MISSING: 85,
  FIELDS_UNEXPECTED: 16,
  METHOD_NAME_ODD: 24,
  NAME_DUPLICATE: 4,
  NAME_INVALID: 2,
  PAGE_EMPTY: 2,
  REQUIRED_IGNORED: 303,
  TEXT_CONTROL_CHARS: 36,
  TYPE_MISSING: 15,
  TYPE_RESPELLED: 62,
};

/** Generate warnings by code, as measured on the specs scraped from the catalog. */
const GENERATE_WARNINGS = {
  TYPE_RECURSIVE: 14,
  TYPE_RENAMED: 273,
  TYPE_UNKNOWN_SHAPE: 31,
};

function countBy(codes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of [...codes].sort()) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

describe.skipIf(!HAS_CATALOG)(
  "the catalog end to end (skipped: ../shared/top-catalog is absent)",
  () => {
    let root: string;
    let scrapeExit: number;
    const scrapeErr: string[] = [];
    let report: GenerateReport;

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), "topgen-catalog-e2e-"));
      const io = { out: () => {}, err: (line: string) => scrapeErr.push(line) };
      scrapeExit = await runScrape([CATALOG_DOCS, "--out", join(root, "specs")], io);
      report = await generate({
        specsDir: join(root, "specs"),
        outDir: join(root, "generated"),
        cache: false,
      });
    }, 600_000);

    afterAll(async () => {
      if (root !== undefined) await rm(root, { recursive: true, force: true });
    });

    it("scrapes 5,312 specs without an error", async () => {
      expect(scrapeExit).toBe(0);
      expect(scrapeErr.filter((l) => / error [A-Z_]+/.test(l))).toEqual([]);
      expect((await readdir(join(root, "specs"))).filter((f) => f.endsWith(".yaml"))).toHaveLength(
        5312,
      );
    });

    it("scrapes with warnings of known codes only, in the measured numbers", () => {
      const codes = scrapeErr.map((l) => / warning ([A-Z_]+)/.exec(l)?.[1] ?? `unparsed: ${l}`);
      expect(codes.filter((c) => !(c in DIAGNOSTIC_CODES))).toEqual([]);
      expect(countBy(codes)).toEqual(SCRAPE_WARNINGS);
    });

    it("generates every API without an error, warnings in the measured numbers", () => {
      expect(report.failed).toBe(false);
      expect(report.apis).toBe(5312);
      expect(report.diagnostics.errors).toEqual([]);
      const codes = report.diagnostics.warnings.map((d) => d.code);
      expect(codes.filter((c) => !(c in DIAGNOSTIC_CODES))).toEqual([]);
      expect(countBy(codes)).toEqual(GENERATE_WARNINGS);
    });

    it("emits a package that type-checks with zero errors", async () => {
      const out = join(root, "generated");
      // The package's tsconfig names `types: ["node"]`: lend it the project's installs.
      await symlink(join(ROOT, "node_modules"), join(out, "node_modules"), "dir");
      const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
      const run = promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", out], {
        maxBuffer: 64 * 1024 * 1024,
      });
      const result = await run.then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code?: number; stdout?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? "" }),
      );
      // The exact tsc errors first, so that a failure shows them; then the exit code.
      expect(result.stdout.split("\n").filter((l) => l.includes("error TS"))).toEqual([]);
      expect(result).toEqual({ code: 0, stdout: "" });
    }, 300_000);
  },
);
