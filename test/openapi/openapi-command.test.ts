import { cp, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../generator/cli/cli-io.js";
import { runOpenapi } from "../../generator/cli/openapi-command.js";

const FIXTURE_SPECS = join(import.meta.dirname, "..", "fixtures", "specs");

function captureIo(): CliIo & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) };
}

async function workspace(): Promise<{ specs: string; out: string }> {
  const root = await mkdtemp(join(tmpdir(), "topgen-openapi-"));
  const specs = join(root, "specs");
  await cp(FIXTURE_SPECS, specs, { recursive: true });
  return { specs, out: join(root, "doc", "topgen.openapi.json") };
}

describe("topgen openapi", () => {
  it("prints its usage on --help", async () => {
    const io = captureIo();
    expect(await runOpenapi(["--help"], io)).toBe(0);
    expect(io.lines.out[0]).toMatch(/^Usage: topgen openapi/);
  });

  it("writes the document, the same bytes on every run", async () => {
    const ws = await workspace();
    const io = captureIo();
    expect(await runOpenapi(["--specs", ws.specs, "--out", ws.out], io)).toBe(0);
    expect(io.lines.out).toEqual([expect.stringMatching(/^wrote .*: 2 APIs, \d+ schemas/)]);
    const first = await readFile(ws.out, "utf8");
    const doc = JSON.parse(first) as { openapi: string; paths: object };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toHaveLength(2);
    expect(await runOpenapi(["--specs", ws.specs, "--out", ws.out], captureIo())).toBe(0);
    expect(await readFile(ws.out, "utf8")).toBe(first);
  });

  it("reports invalid specs by code and place, and writes nothing", async () => {
    const ws = await workspace();
    await writeFile(
      join(ws.specs, "taobao.demo.bad.yaml"),
      "api: taobao.demo.bad\ntitle: t\ndescription: d\nrequest: []\nresponse:\n  - name: x\n",
    );
    const io = captureIo();
    expect(await runOpenapi(["--specs", ws.specs, "--out", ws.out], io)).toBe(1);
    expect(io.lines.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/taobao\.demo\.bad\.yaml: error SPEC_INVALID at response\/x\/type:/),
        expect.stringMatching(/^1 problems in 1 files; nothing was written/),
      ]),
    );
    await expect(stat(ws.out)).rejects.toThrow();
  });

  it("reports an unreadable specs folder", async () => {
    const io = captureIo();
    const out = join(await mkdtemp(join(tmpdir(), "topgen-openapi-")), "x.json");
    expect(await runOpenapi(["--specs", "/nonexistent/specs", "--out", out], io)).toBe(1);
    expect(io.lines.err[0]).toMatch(/^\/nonexistent\/specs: error INPUT_UNREADABLE/);
  });

  it("rejects unknown options", async () => {
    await expect(runOpenapi(["--bogus"], captureIo())).rejects.toThrow(/bogus/);
  });
});
