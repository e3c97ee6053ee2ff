import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { runScrape } from "../../generator/cli/scrape-command.js";
import { DIAGNOSTIC_CODES } from "../../generator/spec/diagnostics.js";
import { CATALOG, HAS_CATALOG } from "./shared-dir.js";

describe.skipIf(!HAS_CATALOG)("the catalog (skipped: ../shared/top-catalog is absent)", () => {
  it("scrapes all 5312 APIs without error, warnings of known codes only", async () => {
    const out = await mkdtemp(join(tmpdir(), "topgen-catalog-"));
    try {
      const errs: string[] = [];
      const outs: string[] = [];
      const io = { out: (l: string) => outs.push(l), err: (l: string) => errs.push(l) };
      expect(await runScrape([`${CATALOG}docs`, "--out", out], io)).toBe(0);
      expect(outs).toEqual([
        expect.stringMatching(/^scraped 5312 APIs \(\d+ warnings, 0 errors\)/),
      ]);
      const codes = new Set(errs.map((l) => / warning ([A-Z_]+)/.exec(l)?.[1]));
      expect([...codes].every((c) => c !== undefined && c in DIAGNOSTIC_CODES)).toBe(true);
      expect(codes.has("PAGE_EMPTY")).toBe(true);

      const files = await readdir(out);
      expect(files).toHaveLength(5312);
      // Every written spec is YAML that the yaml library reads back, with the api it is named by.
      for (const file of files) {
        const spec = parse(await readFile(join(out, file), "utf8"), { version: "1.1" }) as {
          api: string;
        };
        expect(`${spec.api}.yaml`).toBe(file);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
