import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DiagnosticBag, TopgenError } from "../../generator/spec/diagnostics.js";
import type { Param } from "../../generator/spec/spec.js";
import { buildSpec } from "../../generator/scrape/build-spec.js";
import { readTextPage } from "../../generator/scrape/text-page.js";
import { FIXTURES, HAS_SEED, SEED } from "./shared-dir.js";

function scrape(text: string, input = "page.txt") {
  const bag = new DiagnosticBag();
  const spec = buildSpec(readTextPage(text, input, bag), input, bag);
  return { spec, bag };
}

function field(params: Param[] | undefined, name: string): Param {
  const found = params?.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no field ${name}`);
  return found;
}

function thrown(run: () => unknown): TopgenError {
  try {
    run();
  } catch (error) {
    if (error instanceof TopgenError) return error;
    throw error;
  }
  throw new Error("expected a TopgenError");
}

describe.skipIf(!HAS_SEED)("text page: the seed (skipped: ../shared/seed is absent)", () => {
  const seed = HAS_SEED ? readFileSync(SEED, "utf8") : "";

  it("reads title, description, category and no diagnostics", () => {
    const { spec, bag } = scrape(seed, SEED);
    expect(spec.api).toBe("alibaba.alsc.crm.customer.update");
    expect(spec.title).toBe("更新顾客信息");
    expect(spec.description).toBe("更新顾客信息");
    expect(spec.category).toBe("本地生活API");
    expect(spec.authorization).toBeUndefined();
    expect(bag.items).toEqual([]);
  });

  it("nests 19 request fields and 5 response fields", () => {
    const { spec } = scrape(seed);
    const req = field(spec.request, "param_customer_update_open_req");
    expect(spec.request).toHaveLength(1);
    expect(req).toMatchObject({ type: "CustomerUpdateOpenReq", required: true });
    expect(req.description).toBe("修改顾客参数");
    expect(req.fields).toHaveLength(19);
    expect(req.fields?.map((f) => f.name).slice(0, 3)).toEqual(["address", "birthday", "brand_id"]);
    const result = field(spec.response, "result");
    expect(result.type).toBe("CommonResult");
    expect(result.fields?.map((f) => f.name)).toEqual([
      "biz_success",
      "result",
      "result_code",
      "result_desc",
      "result_view",
    ]);
    expect(result.fields?.every((f) => f.required === undefined)).toBe(true);
  });

  it("reads each row's cells by what they are", () => {
    const fields = field(scrape(seed).spec.request, "param_customer_update_open_req").fields;
    expect(field(fields, "tag_ids")).toEqual({
      name: "tag_ids",
      type: "String[]",
      required: false,
      example: '["2019346387"]',
      description: "人群标签",
    });
    expect(field(fields, "ext_info")).toEqual({
      name: "ext_info",
      type: "String",
      required: false,
      description: "扩展信息",
    });
    expect(field(fields, "customer_id")).toMatchObject({ required: true, example: "201928293724" });
    expect(field(fields, "gender")).toMatchObject({ type: "Number", example: "1" });
    expect(field(fields, "brand_id").description).toBe("品牌ID 外部品牌id 2选1");
    expect(field(fields, "customer_type").description).toBe("0顾客,1会员");
  });

  it("keeps the Java request sample and the XML samples", () => {
    const { samples } = scrape(seed).spec;
    expect(samples?.request_java).toMatch(/^TaobaoClient client = /);
    expect(samples?.request_java).toContain("req.setParamCustomerUpdateOpenReq(obj1);");
    expect(samples?.response_xml).toMatch(/^<alibaba_alsc_crm_customer_update_response>/);
    expect(samples?.error_xml).toContain("<sub_code>isv.invalid-parameter</sub_code>");
    expect(samples?.response_json).toBeUndefined();
  });

  it("fails on a truncated page with the last line", () => {
    const lines = seed.split("\n");
    const cut = lines.slice(0, 40).join("\n");
    const error = thrown(() => scrape(cut, "cut.txt"));
    expect(error.diagnostic).toMatchObject({ code: "PAGE_TRUNCATED", input: "cut.txt", line: 40 });
  });

  it("fails on a table without its header", () => {
    const text = seed.replace("名称 类型 是否必须 示例值 更多限制 描述\n", "");
    const error = thrown(() => scrape(text, "headless.txt"));
    expect(error.diagnostic).toMatchObject({ code: "PAGE_UNKNOWN_LAYOUT", line: 11 });
  });
});

describe("text page: nesting, limits, labels and errors", () => {
  const nested = readFileSync(`${FIXTURES}taobao.topgen.fixture.nested.txt`, "utf8");

  it("rebuilds two levels from the Java and XML samples", () => {
    const { spec, bag } = scrape(nested);
    expect(bag.items).toEqual([]);
    const query = field(spec.request, "query");
    expect(query.fields?.map((f) => f.name)).toEqual(["filter", "keyword", "cat_ids"]);
    expect(field(query.fields, "filter").fields?.map((f) => f.name)).toEqual([
      "min_price",
      "max_price",
    ]);
    const items = field(spec.response, "items");
    expect(items.type).toBe("ItemInfo[]");
    expect(items.fields?.map((f) => f.name)).toEqual(["sku", "title"]);
    expect(field(items.fields, "sku").fields?.map((f) => f.name)).toEqual(["sku_id"]);
    expect(field(spec.response, "total")).toEqual({
      name: "total",
      type: "Number",
      example: "1",
      description: "总数",
    });
  });

  it("reads limits, labels and error codes", () => {
    const { spec } = scrape(nested);
    expect(field(spec.request, "page_size")).toEqual({
      name: "page_size",
      type: "Number",
      required: false,
      example: "20",
      description: "每页条数",
      limits: { min_value: 1, max_value: 100, default: "20" },
    });
    const query = field(spec.request, "query");
    expect(field(query.fields, "keyword").limits).toEqual({ max_length: 32 });
    expect(field(query.fields, "cat_ids").limits).toEqual({ max_list_size: 20 });
    expect(spec.authorization).toBe("none");
    expect(spec.category).toBe("工具API");
    expect(spec.error_codes).toEqual([
      { code: "isv.item-not-exist", message: "商品不存在", solution: "检查商品ID是否正确" },
    ]);
  });

  it("warns TREE_AMBIGUOUS where no sample shows the nesting, and keeps the row inside", () => {
    const text = nested
      .replace(/req\.setQuery\(obj1\);\n/, "")
      .replace(/obj1\.set\w+\(.*\);\n/g, "");
    const { spec, bag } = scrape(text, "nosample.txt");
    expect(bag.items.map((d) => [d.code, d.path, d.line])).toEqual([
      ["TREE_AMBIGUOUS", "request/query/filter/max_price", 25],
      ["TREE_AMBIGUOUS", "request/query/filter/keyword", 30],
      ["TREE_AMBIGUOUS", "request/query/filter/cat_ids", 36],
    ]);
    const filter = field(field(spec.request, "query").fields, "filter");
    expect(filter.fields?.map((f) => f.name)).toEqual([
      "min_price",
      "max_price",
      "keyword",
      "cat_ids",
    ]);
  });

  it("fails on a page that is no doc page", () => {
    const error = thrown(() => scrape("hello\nworld\n", "hello.txt"));
    expect(error.diagnostic).toMatchObject({ code: "PAGE_NOT_DOC", input: "hello.txt", line: 1 });
  });

  it("fails on a bullet that starts no row, at its line", () => {
    const text = nested.replace("  • filter\n", "  • 过滤\n");
    const error = thrown(() => scrape(text, "bad.txt"));
    expect(error.diagnostic).toMatchObject({ code: "ROW_UNREADABLE", input: "bad.txt", line: 16 });
  });

  it("reports a missing type with its path and line, read as Json", () => {
    const text = nested.replace("  • └ keyword\n  • String\n", "  • └ keyword\n");
    const { spec, bag } = scrape(text, "notype.txt");
    expect(bag.items.map((d) => [d.code, d.path, d.line])).toEqual([
      ["TYPE_MISSING", "request/query/keyword", 30],
    ]);
    expect(field(field(spec.request, "query").fields, "keyword").type).toBe("Json");
  });
});
