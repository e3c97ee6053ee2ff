import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../generator/cli/cli-io.js";
import { progressBar } from "../../generator/cli/cli-io.js";
import { runGenerate } from "../../generator/cli/generate-command.js";
import { main } from "../../generator/cli/main.js";

function captureIo(
  isTty = false,
): CliIo & { lines: string[]; errors: string[]; statuses: string[] } {
  const io = {
    lines: [] as string[],
    errors: [] as string[],
    statuses: [] as string[],
    isTty,
    out: (line: string) => void io.lines.push(line),
    err: (line: string) => void io.errors.push(line),
    status: (line: string) => void io.statuses.push(line),
  };
  return io;
}

const FIXTURE_SPECS = join(import.meta.dirname, "..", "fixtures", "specs");

describe("topgen generate", () => {
  it("prints its usage with --help and exits 0", async () => {
    const io = captureIo();
    expect(await main(["generate", "--help"], io)).toBe(0);
    expect(io.lines.join("\n")).toMatch(/^Usage: topgen generate/);
  });

  it("writes, then --check passes; after a spec edit --check lists the file and exits 1", async () => {
    const root = await mkdtemp(join(tmpdir(), "topgen-cli-"));
    const specs = join(root, "specs");
    const out = join(root, "generated");
    await cp(FIXTURE_SPECS, specs, { recursive: true });
    const io = captureIo();
    expect(await main(["generate", "--specs", specs, "--out", out], io)).toBe(0);
    expect(io.lines.at(-1)).toMatch(/^generated 2 APIs \(2 emitted, \d+ warnings\) in [\d.]+ s/);

    const check = captureIo();
    expect(await main(["generate", "--specs", specs, "--out", out, "--check"], check)).toBe(0);
    expect(check.lines.at(-1)).toMatch(/is up to date: 2 APIs/);

    const ping =
      "api: taobao.demo.ping\ntitle: t\ndescription: changed\nrequest: []\nresponse: []\n";
    await writeFile(join(specs, "taobao.demo.ping.yaml"), ping);
    const stale = captureIo();
    expect(await main(["generate", "--specs", specs, "--out", out, "--check"], stale)).toBe(1);
    expect(stale.lines).toContain(`differs  ${out}/src/apis/taobao.demo.ping.ts`);
  });

  it("exits 1 naming every bad spec and writes nothing", async () => {
    const root = await mkdtemp(join(tmpdir(), "topgen-cli-"));
    await writeFile(join(root, "taobao.demo.bad.yaml"), "api: [\n");
    const io = captureIo();
    expect(await main(["generate", "--specs", root, "--out", join(root, "out")], io)).toBe(1);
    expect(io.errors[0]).toMatch(/taobao\.demo\.bad\.yaml:\d+: error SPEC_PARSE/);
    expect(io.errors.at(-1)).toBe(
      `1 problems in 1 files; nothing was written to ${join(root, "out")}`,
    );
  });

  it("refuses an unknown command or flag with exit 2", async () => {
    expect(await main(["frobnicate"], captureIo())).toBe(2);
    const io = captureIo();
    expect(await main(["generate", "--colour"], io)).toBe(2);
    expect(io.errors[0]).toMatch(/^topgen generate: .*--colour/);
  });
});

describe("topgen generate --watch", () => {
  it("regenerates what a changed spec touches, until stopped", async () => {
    const root = await mkdtemp(join(tmpdir(), "topgen-watch-"));
    const specs = join(root, "specs");
    const out = join(root, "generated");
    await cp(FIXTURE_SPECS, specs, { recursive: true });
    const io = captureIo();
    const stop = new AbortController();
    const running = runGenerate(["--specs", specs, "--out", out, "--watch"], io, {
      signal: stop.signal,
    });
    await until(() => io.lines.some((l) => l.startsWith("watching ")));

    const ping =
      "api: taobao.demo.ping\ntitle: t\ndescription: d\nrequest: []\nresponse:\n" +
      "  - name: watched\n    type: Boolean\n";
    await writeFile(join(specs, "taobao.demo.ping.yaml"), ping);
    const module = join(out, "src/apis/taobao.demo.ping.ts");
    await until(async () => (await readFile(module, "utf8")).includes("watched?: boolean"));
    stop.abort();

    expect(await running).toBe(0);
    const runs = io.lines.filter((l) => l.startsWith("generated 2 APIs"));
    expect(runs[0]).toMatch(/\(2 emitted/);
    expect(runs.at(-1)).toMatch(/\(1 emitted/);
  });
});

/** Waits for a condition, polling; fails the test after 20 s. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 25) {
    if (waited > 20_000) throw new Error("condition not met within 20 s");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("progressBar", () => {
  it("draws on a terminal only, once per percent, and clears at the end", () => {
    const tty = captureIo(true);
    const bar = progressBar(tty, "generate");
    for (let done = 1; done <= 400; done++) bar(done, 400);
    expect(tty.statuses.length).toBe(102); // 0% to 100%, then the clearing line
    expect(tty.statuses[0]).toMatch(/^generate \[-+\] 1\/400$/);
    expect(tty.statuses.at(-1)).toBe("");

    const pipe = captureIo(false);
    progressBar(pipe, "generate")(1, 2);
    expect(pipe.statuses).toEqual([]);
  });
});
