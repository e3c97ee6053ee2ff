import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { loadSpecs, parseSpec } from "../../generator/spec/read-spec.js";

const VALID = `api: taobao.demo.get
title: 示例
description: d
request:
  - name: q
    type: Query
    required: true
    fields:
      - name: id
        type: Number
        required: false
        example: "1"
        limits: {max_value: 9}
response:
  - name: ok
    type: Boolean
`;

function read(text: string) {
  const diags = new DiagnosticBag();
  return { spec: parseSpec(text, "specs/x.yaml", diags), diags };
}

describe("parseSpec", () => {
  it("reads a valid spec into the contract's shape", () => {
    const { spec, diags } = read(VALID);
    expect(diags.items).toEqual([]);
    expect(spec?.request[0]?.fields?.[0]).toEqual({
      name: "id",
      type: "Number",
      required: false,
      example: "1",
      limits: { max_value: 9 },
    });
  });

  it("reads an unquoted date as text, as YAML 1.2's core schema does", () => {
    const { spec, diags } = read(VALID.replace('example: "1"', "example: 2019-01-01"));
    expect(diags.items).toEqual([]);
    expect(spec?.request[0]?.fields?.[0]?.example).toBe("2019-01-01");
  });

  it("names the file and line of a YAML syntax error", () => {
    const { spec, diags } = read("api: x\ntitle: t\ntitle: again\n");
    expect(spec).toBeUndefined();
    expect(diags.errors).toMatchObject([{ code: "SPEC_PARSE", input: "specs/x.yaml", line: 3 }]);
  });

  it("reports every contract violation with its param path", () => {
    const bad = VALID.replace('example: "1"', "example: 1")
      .replace("type: Boolean", "type: 'Bad Type'")
      .replace("required: true", "required: yes please");
    const { spec, diags } = read(`${bad}colour: red\n`);
    expect(spec).toBeUndefined();
    expect(diags.errors.map((d) => [d.code, d.path])).toEqual([
      ["SPEC_INVALID", "colour"],
      ["SPEC_INVALID", "request/q/required"],
      ["SPEC_INVALID", "request/q/id/example"],
      ["SPEC_INVALID", "response/ok/type"],
    ]);
  });

  it("refuses a required flag on a response param", () => {
    const { diags } = read(VALID.replace("type: Boolean", "type: Boolean\n    required: true"));
    expect(diags.errors.map((d) => d.path)).toEqual(["response/ok/required"]);
  });
});

describe("loadSpecs", () => {
  it("reads a folder in name order and reports a duplicate API by file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "topgen-specs-"));
    await writeFile(join(dir, "a.yaml"), VALID);
    await writeFile(join(dir, "b.yaml"), VALID);
    await writeFile(join(dir, "notes.txt"), "not a spec");
    const diags = new DiagnosticBag();
    const specs = await loadSpecs(dir, diags);
    expect(specs.map((s) => s.file)).toEqual([join(dir, "a.yaml")]);
    expect(diags.errors).toMatchObject([
      { code: "SPEC_DUPLICATE_API", input: join(dir, "b.yaml") },
    ]);
  });
});
