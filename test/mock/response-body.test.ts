import { describe, expect, it } from "vitest";
import type { ApiSchema } from "../../generator/runtime/schema.js";
import { printJson } from "../../generator/runtime/testing/json-tree.js";
import {
  buildBody,
  responseForms,
  snakeTypeName,
  wrapKey,
} from "../../generator/runtime/testing/response-body.js";
import { TRADES, TRADES_JSON } from "./fixtures.js";

/** A type that contains itself, as `Category.children` does in some catalogue APIs. */
const TREE: ApiSchema = {
  method: "x.tree.get",
  responseKey: "x_tree_get_response",
  request: [],
  response: [{ name: "root", kind: "object", type: "Node" }],
  types: {
    Node: [
      { name: "id", kind: "number" },
      { name: "children", kind: "object", list: true, type: "Node", wrap: "node" },
      { name: "parent", kind: "object", type: "Node" },
    ],
  },
};

describe("wrap keys", () => {
  it("puts _ before every capital of a type name", () => {
    expect(snakeTypeName("OrderDetailCursorTopDTO")).toBe("order_detail_cursor_top_d_t_o");
  });

  it("prefers the schema's wrap, then the type or the kind", () => {
    expect(wrapKey({ name: "a", kind: "object", list: true, type: "Trade", wrap: "x" })).toBe("x");
    expect(wrapKey({ name: "a", kind: "object", list: true, type: "TopItem" })).toBe("top_item");
    expect(wrapKey({ name: "a", kind: "number", list: true })).toBe("number");
    expect(wrapKey({ name: "a", kind: "price", list: true })).toBe("string");
  });
});

describe("responseForms", () => {
  it("derives simplified JSON from a wrapped JSON sample by removing list wrappers", () => {
    const forms = responseForms(TRADES, { json: TRADES_JSON });
    expect(printJson(forms.simplified)).toBe(
      '{"total_results":1,"trades":[{"tid":7104300007405429232,"title":"测试",' +
        '"tags":["a","b"]}]}',
    );
    expect(forms.xml).toBe(forms.wrapped);
  });

  it("derives wrapped JSON from a simplified sample, with or without the envelope", () => {
    const plain = '{"total_results":2,"trades":[{"tid":1,"tags":["x"]}],"request_id":"old"}';
    for (const sample of [plain, `{"trades_sold_get_response":${plain}}`]) {
      const forms = responseForms(TRADES, { simplifiedJson: sample });
      expect(printJson(forms.wrapped)).toBe(
        '{"total_results":2,"trades":{"trade":[{"tid":1,"tags":{"string":["x"]}}]}}',
      );
    }
  });

  it("reads an XML-only sample into typed JSON through the schema", () => {
    const xml =
      "<trades_sold_get_response><total_results>2</total_results><trades>" +
      "<trade><tid>7104300007405429232</tid><title>t</title>" +
      "<tags><string>a</string></tags></trade>" +
      "<trade><tid>2</tid></trade></trades><request_id>old</request_id></trades_sold_get_response>";
    const forms = responseForms(TRADES, { xml });
    expect(printJson(forms.wrapped)).toBe(
      '{"total_results":2,"trades":{"trade":[{"tid":7104300007405429232,"title":"t",' +
        '"tags":{"string":["a"]}},{"tid":2}]}}',
    );
    expect(printJson(forms.simplified)).toContain('"tags":["a"]');
  });

  it("falls back to the next source, with a warning naming the API, on a bad sample", () => {
    const warnings: string[] = [];
    const forms = responseForms(TRADES, { json: "{broken", xml: "<error_response/>" }, {}, (w) =>
      warnings.push(w),
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^taobao\.trades\.sold\.get: the JSON sample/);
    expect(printJson(forms.wrapped)).toBe(
      '{"total_results":0,"trades":{"trade":[{"tid":0,"title":"string",' +
        '"tags":{"string":["string"]}}]}}',
    );
  });
});

describe("buildBody", () => {
  it("stops a recursive type at its second appearance", () => {
    expect(printJson(buildBody(TREE))).toBe('{"root":{"id":0,"children":{"node":[]}}}');
  });

  it("uses examples by path, keeping typed placeholders for examples of the wrong type", () => {
    const body = buildBody(TRADES, {
      total_results: "many",
      "trades.tid": "7104300007405429232",
      "trades.tags": "a, b",
    });
    expect(printJson(body)).toBe(
      '{"total_results":0,"trades":{"trade":[{"tid":7104300007405429232,"title":"string",' +
        '"tags":{"string":["a","b"]}}]}}',
    );
  });
});
