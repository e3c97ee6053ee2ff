import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format } from "prettier";
import { parse } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { TopgenError } from "../../generator/spec/diagnostics.js";
import type { ApiSpec } from "../../generator/spec/spec.js";
import { specToYaml, writeSpecFile } from "../../generator/spec/write-spec.js";

const spec: ApiSpec = {
  // Keys deliberately out of contract order: the writer must put them in order.
  samples: { request_java: "req.setA(1L);\n  indented", response_xml: "<a>\n\t<b/>\n</a>\n" },
  response: [],
  request: [
    {
      fields: [{ name: "c", type: "String", required: false, example: "true" }],
      limits: { default: "20", max_length: 32 },
      description: "第一行\n第二行",
      example: "2019-01-01",
      required: true,
      type: "Obj",
      name: "a",
    },
  ],
  description: "  leading space, a # hash: and colon",
  title: "标题",
  api: "taobao.demo.get",
  error_codes: [{ solution: "retry", code: "50" }],
};

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("specToYaml", () => {
  it("writes keys in contract order", () => {
    const keys = specToYaml(spec)
      .split("\n")
      .filter((l) => /^[a-z_]+:/.test(l))
      .map((l) => l.split(":")[0]);
    expect(keys).toEqual([
      "api",
      "title",
      "description",
      "request",
      "response",
      "samples",
      "error_codes",
    ]);
    const text = specToYaml(spec);
    const request = text.slice(text.indexOf("request:"), text.indexOf("response:"));
    const paramKeys = request.split("\n").filter((l) => /^ {4}[a-z_]+:/.test(l));
    expect(paramKeys.map((l) => l.trim().split(":")[0])).toEqual([
      "type",
      "required",
      "example",
      "description",
      "limits",
      "fields",
    ]);
    const samples = text.slice(text.indexOf("samples:"), text.indexOf("error_codes:"));
    const sampleKeys = samples.split("\n").filter((l) => /^ {2}[a-z_]+:/.test(l));
    expect(sampleKeys.map((l) => l.trim().split(":")[0])).toEqual(["response_xml", "request_java"]);
    expect(text).toContain('error_codes:\n  - code: "50"\n    solution: retry\n');
  });

  it("reads back as the same spec, strings staying strings", () => {
    const text = specToYaml(spec);
    const plain = JSON.parse(JSON.stringify(spec)) as unknown;
    expect(parse(text)).toEqual(plain);
    expect(parse(text, { version: "1.1" })).toEqual(plain);
    expect(text).toContain('example: "2019-01-01"');
    expect(text).toContain('code: "50"');
  });

  it("writes multi-line texts and samples as literal blocks", () => {
    const text = specToYaml(spec);
    expect(text).toContain("    description: |-\n      第一行\n      第二行\n");
    expect(text).toContain("  response_xml: |\n    <a>\n    \t<b/>\n    </a>\n");
  });

  it("is left as is by prettier, quotes included", async () => {
    const quoted: ApiSpec = { ...spec, title: '["2019346387"]', description: 'it\'s "x"' };
    const text = specToYaml(quoted);
    expect(text).toContain(`title: '["2019346387"]'`);
    expect(await format(text, { parser: "yaml", printWidth: 100 })).toBe(text);
    expect(parse(text)).toMatchObject({ title: '["2019346387"]', description: 'it\'s "x"' });
  });

  it("is the same text every time", () => {
    expect(specToYaml(spec)).toBe(specToYaml(structuredClone(spec)));
  });
});

describe("writeSpecFile", () => {
  it("writes <api>.yaml, then leaves it untouched when unchanged", async () => {
    const dir = await mkdtemp(join(tmpdir(), "topgen-write-"));
    dirs.push(dir);
    const out = join(dir, "specs");
    expect(await writeSpecFile(out, spec)).toBe("written");
    const path = join(out, "taobao.demo.get.yaml");
    const before = await stat(path);
    await new Promise((done) => setTimeout(done, 20));
    expect(await writeSpecFile(out, spec)).toBe("unchanged");
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect(await readdir(out)).toEqual(["taobao.demo.get.yaml"]);
    expect(await readFile(path, "utf8")).toBe(specToYaml(spec));
  });

  it("replaces a changed file whole, leaving no temporary file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "topgen-write-"));
    dirs.push(dir);
    await writeFile(join(dir, "taobao.demo.get.yaml"), "old");
    expect(await writeSpecFile(dir, spec)).toBe("written");
    expect(await readdir(dir)).toEqual(["taobao.demo.get.yaml"]);
  });

  it("refuses an API name that is no file name", async () => {
    const error = await writeSpecFile(tmpdir(), { ...spec, api: "../x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopgenError);
    expect((error as TopgenError).diagnostic).toMatchObject({ code: "SPEC_INVALID", path: "api" });
  });
});
