import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiFileStructure } from "../../generator/emit/api-file.js";
import { buildApiModel } from "../../generator/emit/api-model.js";
import { emitApi } from "../../generator/emit/emit-api.js";
import { printFile } from "../../generator/emit/print-file.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { parseSpec } from "../../generator/spec/read-spec.js";
import type { ApiSummary } from "../../generator/emit/index-file.js";
import { indexFileStructure, topApiFileStructure } from "../../generator/emit/index-file.js";
import {
  assembleIndex,
  assembleTopApi,
  formatApiChunks,
} from "../../generator/emit/package-index.js";
import { formatTypeScript } from "../../generator/format/format.js";

const APIS: ApiSummary[] = [
  {
    api: "alibaba.alsc.crm.customer.update",
    base: "AlibabaAlscCrmCustomerUpdate",
    title: "更新顾客信息",
    hasRequired: true,
  },
  { api: "taobao.demo.ping", base: "TaobaoDemoPing", title: "无参数 */ 测试", hasRequired: false },
  {
    api: "taobao.a.very.long.method.name.that.makes.every.line.wrap.somewhere.get",
    base: "TaobaoAVeryLongMethodNameThatMakesEveryLineWrapSomewhereGet",
    title: "长名称",
    hasRequired: true,
  },
];

describe("package-wide files assembled from per-API chunks", () => {
  it("equal formatting src/index.ts in one piece", async () => {
    const chunks = await Promise.all(APIS.map(formatApiChunks));
    const whole = await formatTypeScript(printFile(indexFileStructure(APIS)), "src/index.ts");
    expect(await assembleIndex(chunks)).toBe(whole);
  });

  it("equal formatting src/top-api.ts in one piece", async () => {
    const chunks = await Promise.all(APIS.map(formatApiChunks));
    const whole = await formatTypeScript(printFile(topApiFileStructure(APIS)), "src/top-api.ts");
    expect(await assembleTopApi(chunks)).toBe(whole);
  });

  it("hold for a package of one API and of none", async () => {
    for (const apis of [APIS.slice(0, 1), []]) {
      const chunks = await Promise.all(apis.map(formatApiChunks));
      const top = await formatTypeScript(printFile(topApiFileStructure(apis)), "src/top-api.ts");
      expect(await assembleTopApi(chunks)).toBe(top);
    }
  });
});

describe("one prettier call per API", () => {
  it("formats a module and its chunks together exactly as each on its own", async () => {
    const file = join(import.meta.dirname, "..", "fixtures", "specs", "taobao.demo.items.get.yaml");
    const text = await readFile(file, "utf8");
    const result = await emitApi({
      file,
      text,
      api: "taobao.demo.items.get",
      base: "TaobaoDemoItemsGet",
      source: "specs/taobao.demo.items.get.yaml",
    });
    const diags = new DiagnosticBag();
    const spec = parseSpec(text, file, diags);
    if (spec === undefined) throw new Error("fixture spec is invalid");
    const model = buildApiModel(
      spec,
      file,
      "TaobaoDemoItemsGet",
      diags,
      "specs/taobao.demo.items.get.yaml",
    );
    const alone = await formatTypeScript(printFile(apiFileStructure(model)), "alone.ts");
    expect(result.output?.content).toBe(alone);
    expect(result.output?.chunks).toEqual(await formatApiChunks(result.output!.summary));
  });
});
