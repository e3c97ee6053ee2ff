import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runScrape } from "../../generator/cli/scrape-command.js";
import type { CliIo } from "../../generator/cli/cli-io.js";
import { FIXTURES, HAS_SEED, SEED } from "./shared-dir.js";

const SPECS = fileURLToPath(new URL("../../specs/", import.meta.url));
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "topgen-scrape-"));
  dirs.push(dir);
  return dir;
}

function captureIo(): CliIo & { outs: string[]; errs: string[] } {
  const outs: string[] = [];
  const errs: string[] = [];
  return { outs, errs, out: (l) => outs.push(l), err: (l) => errs.push(l), isTty: false };
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("topgen scrape", () => {
  it("prints usage on --help and exits 0", async () => {
    const io = captureIo();
    expect(await runScrape(["--help"], io)).toBe(0);
    expect(io.outs[0]).toMatch(/^Usage: topgen scrape <input>\.\.\. \[--out specs\]/);
  });

  it("exits 2 without inputs", async () => {
    const io = captureIo();
    expect(await runScrape([], io)).toBe(2);
  });

  it("scrapes a folder, reports every bad page, writes only the good ones, exits 1", async () => {
    const pages = await tempDir();
    const out = await tempDir();
    const nested = await readFile(`${FIXTURES}taobao.topgen.fixture.nested.txt`, "utf8");
    await writeFile(join(pages, "b.txt"), nested);
    await writeFile(join(pages, "a.json"), "{ nope");
    await writeFile(join(pages, "c.txt"), "not a doc page");
    await writeFile(join(pages, "catelog.json"), '{"name":"x"}');
    const io = captureIo();
    expect(await runScrape([pages, "--out", out], io)).toBe(1);
    expect(io.errs).toEqual([
      expect.stringMatching(/a\.json:1: error JSON_INVALID: /),
      expect.stringMatching(/c\.txt:1: error PAGE_NOT_DOC: /),
    ]);
    expect(io.outs).toEqual([
      expect.stringMatching(/^scraped 1 APIs \(0 warnings, 2 errors\) in \d+\.\d\d s$/),
    ]);
    expect(await readdir(out)).toEqual(["taobao.topgen.fixture.nested.yaml"]);
  });

  it("writes one spec for an API given twice and reports the duplicate", async () => {
    const out = await tempDir();
    const io = captureIo();
    const txt = `${FIXTURES}taobao.topgen.fixture.nested.txt`;
    const html = `${FIXTURES}taobao.topgen.fixture.nested.html`;
    expect(await runScrape([txt, html, "--out", out], io)).toBe(1);
    expect(io.errs).toEqual([expect.stringContaining(`${html}: error SPEC_DUPLICATE_API at api:`)]);
  });

  it("reports a missing input", async () => {
    const io = captureIo();
    expect(await runScrape(["/nonexistent/x.txt", "--out", await tempDir()], io)).toBe(1);
    expect(io.errs).toEqual([
      expect.stringMatching(/^\/nonexistent\/x\.txt: error INPUT_UNREADABLE:/),
    ]);
  });
});

describe.skipIf(!HAS_SEED)("the seed's spec (skipped: ../shared/seed is absent)", () => {
  it("matches the snapshot and the committed spec", async () => {
    const out = await tempDir();
    const io = captureIo();
    expect(await runScrape([SEED, "--out", out], io)).toBe(0);
    const yaml = await readFile(join(out, "alibaba.alsc.crm.customer.update.yaml"), "utf8");
    await expect(yaml).toMatchFileSnapshot("__snapshots__/alibaba.alsc.crm.customer.update.yaml");
    const committed = await readFile(join(SPECS, "alibaba.alsc.crm.customer.update.yaml"), "utf8");
    expect(yaml).toBe(committed);
  });
});
