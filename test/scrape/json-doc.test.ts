import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import type { Param } from "../../generator/spec/spec.js";
import { CategoryCache, scrapeFile, scrapeSource } from "../../generator/scrape/scrape-input.js";
import { CATALOG, HAS_CATALOG } from "./shared-dir.js";

function field(params: Param[] | undefined, name: string): Param {
  const found = params?.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no field ${name}`);
  return found;
}

describe.skipIf(!HAS_CATALOG)(
  "json doc: catalog (skipped: ../shared/top-catalog is absent)",
  () => {
    it("reads a full document: examples, labels, samples, three levels", async () => {
      const bag = new DiagnosticBag();
      const path = `${CATALOG}full-docs/taobao.tbk.order.refund.get.json`;
      const { spec } = await scrapeFile(path, bag);
      expect(bag.items).toEqual([]);
      expect(spec?.api).toBe("taobao.tbk.order.refund.get");
      expect(spec?.title).toBe("淘宝客-推广者-全量维权退款订单查询");
      expect(spec?.authorization).toBe("none");
      expect(spec?.category).toBeUndefined();
      const option = field(spec?.request, "publisher_refund_order_query_option");
      expect(option).toMatchObject({ type: "PublisherRefundOrderQueryOption", required: false });
      expect(field(option.fields, "position_index").example).toBe("2222_334666");
      const orders = field(field(spec?.response, "data").fields, "result");
      expect(orders.type).toBe("PublisherRefundOrderDTO[]");
      expect(field(orders.fields, "refund_suit_id")).toMatchObject({
        type: "String",
        example: "12345",
      });
      expect(orders.fields?.every((f) => f.required === undefined)).toBe(true);
      expect(Object.keys(spec?.samples ?? {})).toEqual([
        "response_json",
        "response_xml",
        "response_simplified_json",
        "error_json",
        "error_xml",
        "request_java",
      ]);
    });

    it("reads error codes and required authorization", async () => {
      const bag = new DiagnosticBag();
      const coupon = await scrapeFile(`${CATALOG}full-docs/taobao.tbk.coupon.convert.json`, bag);
      expect(coupon.spec?.error_codes?.[0]).toEqual({
        code: "isp.special-campaign-error",
        message: "定向计划服务异常",
        solution: "建议加入重试机制",
      });
      const parse = await scrapeFile(
        `${CATALOG}full-docs/taobao.tbk.sc.general.link.parse.json`,
        bag,
      );
      expect(parse.spec?.authorization).toBe("required");
    });

    it("reads a reduced document with its folder's category", async () => {
      const bag = new DiagnosticBag();
      const path = `${CATALOG}docs/alsc/alibaba_alsc_crm_customer_update.json`;
      const { spec } = await scrapeFile(path, bag, new CategoryCache());
      expect(bag.items).toEqual([]);
      expect(spec?.category).toBe("本地生活API");
      const req = field(spec?.request, "param_customer_update_open_req");
      expect(req.fields).toHaveLength(19);
      expect(field(req.fields, "customer_id")).toEqual({
        name: "customer_id",
        type: "String",
        required: true,
        description: "顾客ID",
      });
      expect(field(req.fields, "tag_ids").type).toBe("String[]");
      expect(field(spec?.response, "result").fields).toHaveLength(5);
    });
  },
);

describe("json doc", () => {
  it("reads nested subParams at any depth, required false when absent", () => {
    const doc = {
      name: "taobao.topgen.deep",
      apiChineseName: "深",
      description: "d",
      id: 1,
      requestParams: [
        {
          name: "a",
          type: "A",
          subParams: [
            { name: "b", type: "B", subParams: [{ name: "c", type: "String", maxLength: 8 }] },
          ],
        },
      ],
    };
    const bag = new DiagnosticBag();
    const { spec } = scrapeSource(JSON.stringify(doc), "json", "deep.json", bag, "工具API");
    expect(spec?.request).toEqual([
      {
        name: "a",
        type: "A",
        required: false,
        fields: [
          {
            name: "b",
            type: "B",
            required: false,
            fields: [{ name: "c", type: "String", required: false, limits: { max_length: 8 } }],
          },
        ],
      },
    ]);
    expect(spec?.response).toEqual([]);
    expect(spec?.category).toBe("工具API");
  });

  it("fails on invalid JSON with the line", () => {
    const bag = new DiagnosticBag();
    const result = scrapeSource('{\n  "name": "a.b",\n  oops\n}', "json", "bad.json", bag);
    expect(result).toEqual({ input: "bad.json", failed: true });
    expect(bag.items).toMatchObject([
      { severity: "error", code: "JSON_INVALID", input: "bad.json", line: 3 },
    ]);
  });

  it("fails on a document without a name, and on params that are no list", () => {
    const bag = new DiagnosticBag();
    scrapeSource('{"apiChineseName":"x","requestParams":[]}', "json", "a.json", bag);
    scrapeSource('{"name":"a.b","requestParams":{}}', "json", "b.json", bag);
    expect(bag.items.map((d) => [d.code, d.input, d.path])).toEqual([
      ["JSON_INVALID", "a.json", "name"],
      ["JSON_INVALID", "b.json", "request"],
    ]);
  });

  it("skips a stub with only an id, with a PAGE_EMPTY warning", () => {
    const bag = new DiagnosticBag();
    const result = scrapeSource('{ "id": 60566 }', "json", ".json", bag);
    expect(result).toEqual({ input: ".json", failed: false });
    expect(bag.items).toMatchObject([{ severity: "warning", code: "PAGE_EMPTY", input: ".json" }]);
  });

  it("fails on JSON that is not an object", () => {
    const bag = new DiagnosticBag();
    scrapeSource("[1, 2]", "json", "list.json", bag);
    expect(bag.items).toMatchObject([{ code: "JSON_INVALID", input: "list.json" }]);
  });
});
