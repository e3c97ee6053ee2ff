import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { parseSpec } from "../../generator/spec/read-spec.js";
import { apiFileStructure } from "../../generator/emit/api-file.js";
import { buildApiModel } from "../../generator/emit/api-model.js";
import { printFile } from "../../generator/emit/print-file.js";
import { formatTypeScript, PRETTIER_OPTIONS } from "../../generator/format/format.js";

const SPECS = join(import.meta.dirname, "..", "fixtures", "specs");

describe("formatTypeScript", () => {
  it("gives byte for byte what prettier's own TypeScript parser gives", async () => {
    for (const name of ["taobao.demo.items.get.yaml", "taobao.demo.ping.yaml"]) {
      const diags = new DiagnosticBag();
      const spec = parseSpec(await readFile(join(SPECS, name), "utf8"), name, diags);
      if (spec === undefined) throw new Error(`fixture ${name} is invalid`);
      const text = printFile(apiFileStructure(buildApiModel(spec, name, "Demo", diags)));
      const viaTypeScript = await format(text, { printWidth: 100, parser: "typescript" });
      expect(await formatTypeScript(text, name)).toBe(viaTypeScript);
    }
  });

  it("pins the width and parser rather than reading the user's configuration", () => {
    expect(PRETTIER_OPTIONS).toMatchObject({ printWidth: 100, parser: "oxc-ts" });
  });

  it("names the file when emitted code does not parse", async () => {
    await expect(formatTypeScript("export interface {", "src/apis/x.ts")).rejects.toThrow(
      /prettier could not format src\/apis\/x\.ts/,
    );
  });
});
