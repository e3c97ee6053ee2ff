import { describe, expect, it } from "vitest";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { buildSpec } from "../../generator/scrape/build-spec.js";
import type { RawPage, RawParam } from "../../generator/scrape/raw-page.js";

function raw(name: string, type: string | undefined, more: Partial<RawParam> = {}): RawParam {
  return { name, type, limits: {}, fields: [], ...more };
}

function page(request: RawParam[], response: RawParam[] = [], api = "taobao.demo.get"): RawPage {
  return { api, title: "t", description: "d", request, response, samples: {}, errorCodes: [] };
}

function build(p: RawPage) {
  const bag = new DiagnosticBag();
  const spec = buildSpec(p, "in.json", bag);
  return { spec, found: bag.items.map((d) => [d.severity, d.code, d.path]) };
}

describe("buildSpec", () => {
  it("removes control characters and says where", () => {
    const { spec, found } = build(page([raw("a", "String", { description: "x\u0000y\bz\r\nw" })]));
    expect(spec.request[0]?.description).toBe("xyz\nw");
    expect(found).toEqual([["warning", "TEXT_CONTROL_CHARS", "request/a"]]);
  });

  it("reads a missing type as Json and respells odd ones", () => {
    const { spec, found } = build(
      page([raw("a", undefined), raw("b", "null[]"), raw("c", "byte"), raw("d", "String []")]),
    );
    expect(spec.request.map((p) => p.type)).toEqual(["Json", "Json[]", "Number", "String[]"]);
    expect(found).toEqual([
      ["warning", "TYPE_MISSING", "request/a"],
      ["warning", "TYPE_RESPELLED", "request/b"],
      ["warning", "TYPE_RESPELLED", "request/c"],
    ]);
  });

  it("keeps the first of two siblings with one name", () => {
    const { spec, found } = build(
      page([], [raw("r", "String", { description: "first" }), raw("r", "Number")]),
    );
    expect(spec.response).toEqual([{ name: "r", type: "String", description: "first" }]);
    expect(found).toEqual([["warning", "NAME_DUPLICATE", "response/r"]]);
  });

  it("warns about odd method and param names but keeps them", () => {
    const { spec, found } = build(page([raw("a.b", "String")], [], "taobao.Demo.get"));
    expect(spec.api).toBe("taobao.Demo.get");
    expect(spec.request[0]?.name).toBe("a.b");
    expect(found).toEqual([
      ["warning", "METHOD_NAME_ODD", "api"],
      ["warning", "NAME_INVALID", "request/a.b"],
    ]);
  });

  it("writes required on every request param, never on response params", () => {
    const response = [raw("o", "Obj", { fields: [raw("x", "String", { required: true })] })];
    const { spec, found } = build(page([raw("a", "String")], response));
    expect(spec.request[0]?.required).toBe(false);
    expect(spec.response[0]?.fields?.[0]).toEqual({ name: "x", type: "String" });
    expect(found).toEqual([["warning", "REQUIRED_IGNORED", "response/o/x"]]);
  });

  it("warns about objects without fields and primitives with fields", () => {
    const price = raw("p", "Price", { fields: [raw("amount", "String")] });
    const { spec, found } = build(page([raw("o", "Obj"), price]));
    expect(spec.request[1]?.fields?.[0]?.name).toBe("amount");
    expect(found).toEqual([
      ["warning", "FIELDS_MISSING", "request/o"],
      ["warning", "FIELDS_UNEXPECTED", "request/p"],
    ]);
  });

  it("writes limits in contract order and only when there are any", () => {
    const limits = { default: "5", max_value: 9, min_value: 1 };
    const { spec } = build(page([raw("a", "Number", { limits }), raw("b", "Number")]));
    expect(Object.keys(spec.request[0]?.limits ?? {})).toEqual([
      "min_value",
      "max_value",
      "default",
    ]);
    expect(spec.request[1]).not.toHaveProperty("limits");
  });
});
