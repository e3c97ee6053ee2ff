import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { readOutputDir } from "../../generator/write/output-dir.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SPECS = join(ROOT, "specs");
const GENERATED = join(ROOT, "generated");

describe("the committed package", () => {
  it("is exactly what the generator makes from specs/ (topgen generate --check)", async () => {
    const report = await generate({
      specsDir: SPECS,
      outDir: GENERATED,
      check: true,
      cache: false,
    });
    expect(report.diagnostics.errors).toEqual([]);
    expect(report.diff).toEqual({ added: [], changed: [], removed: [] });
  });

  it("type-checks under the package's own strict tsconfig", () => {
    const configFile = join(GENERATED, "tsconfig.json");
    const { config } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, GENERATED);
    const program = ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
    const messages = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(parsed.fileNames.length).toBeGreaterThan(10);
    expect(messages).toEqual([]);
  });
});

describe("snapshots of every file generated from specs/", () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const out = join(await mkdtemp(join(tmpdir(), "topgen-seed-")), "generated");
    const report = await generate({ specsDir: SPECS, outDir: out, cache: false });
    expect(report.failed).toBe(false);
    files = readOutputDir(out);
  });

  it("emits the API module, the index, the typed client, the runtime and the package files", () => {
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        "src/apis/alibaba.alsc.crm.customer.update.ts",
        "src/index.ts",
        "src/top-api.ts",
        "src/runtime/client.ts",
        "package.json",
        "README.md",
      ]),
    );
  });

  it("matches the snapshot of each file", async () => {
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await expect(content).toMatchFileSnapshot(join("__snapshots__", "seed", `${path}.snap`));
    }
  });
});
