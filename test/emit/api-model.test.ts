import { describe, expect, it } from "vitest";
import { assignBaseNames, buildApiModel, responseKeyOf } from "../../generator/emit/api-model.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import type { ApiSpec, Param } from "../../generator/spec/spec.js";

function spec(request: Param[], response: Param[] = []): ApiSpec {
  return { api: "taobao.demo.get", title: "t", description: "d", request, response };
}

function model(request: Param[], response: Param[] = []) {
  const diags = new DiagnosticBag();
  return { model: buildApiModel(spec(request, response), "demo.yaml", "Demo", diags), diags };
}

describe("buildApiModel", () => {
  it("maps doc types to value kinds and list depths", () => {
    const { model: m } = model([
      { name: "a", type: "String[]", required: true },
      { name: "b", type: "Number" },
      { name: "c", type: "Date" },
      { name: "d", type: "Price" },
      { name: "e", type: "BigDecimal" },
      { name: "f", type: "Boolean" },
      { name: "g", type: "byte[]" },
      { name: "h", type: "Json" },
      { name: "i", type: "byte" },
    ]);
    expect(m.request.map((f) => [f.name, f.kind, f.listDepth, f.required])).toEqual([
      ["a", "string", 1, true],
      ["b", "number", 0, false],
      ["c", "date", 0, false],
      ["d", "price", 0, false],
      ["e", "price", 0, false],
      ["f", "boolean", 0, false],
      ["g", "file", 0, false],
      ["h", "json", 0, false],
      ["i", "number", 0, false],
    ]);
  });

  it("treats byte[] below the top level, and in responses, as base64 text", () => {
    const { model: m } = model(
      [{ name: "o", type: "Obj", fields: [{ name: "img", type: "byte[][]" }] }],
      [{ name: "img", type: "byte[]" }],
    );
    expect(m.types[0]?.fields[0]).toMatchObject({ kind: "string", listDepth: 1 });
    expect(m.response[0]).toMatchObject({ kind: "string", listDepth: 0 });
  });

  it("names a reused doc type once when its shape is the same", () => {
    const shape: Param[] = [{ name: "x", type: "String" }];
    const { model: m, diags } = model([
      { name: "a", type: "Thing", fields: shape },
      { name: "b", type: "Thing[]", fields: shape },
    ]);
    expect(m.types.map((t) => t.name)).toEqual(["Thing"]);
    expect(m.request.map((f) => f.typeName)).toEqual(["Thing", "Thing"]);
    expect(diags.items).toEqual([]);
  });

  it("renames a doc type used with another shape, and warns where", () => {
    const { model: m, diags } = model(
      [],
      [
        { name: "a", type: "CommonResult", fields: [{ name: "x", type: "String" }] },
        { name: "b", type: "CommonResult", fields: [{ name: "y", type: "Number" }] },
      ],
    );
    expect(m.types.map((t) => [t.name, t.docName])).toEqual([
      ["CommonResult", "CommonResult"],
      ["CommonResult2", "CommonResult"],
    ]);
    expect(diags.warnings).toMatchObject([
      { code: "TYPE_RENAMED", input: "demo.yaml", path: "response/b" },
    ]);
  });

  it("keeps request and response types apart even under one doc name", () => {
    const shape: Param[] = [{ name: "x", type: "Number" }];
    const { model: m } = model(
      [{ name: "q", type: "Thing", fields: shape }],
      [{ name: "r", type: "Thing", fields: shape }],
    );
    expect(m.types.map((t) => [t.name, t.direction])).toEqual([
      ["Thing", "request"],
      ["Thing2", "response"],
    ]);
  });

  it("expresses a type that contains itself as a recursive reference", () => {
    const { model: m, diags } = model(
      [],
      [
        {
          name: "node",
          type: "Node",
          fields: [
            { name: "id", type: "Number" },
            { name: "children", type: "Node[]", fields: [{ name: "id", type: "Number" }] },
          ],
        },
      ],
    );
    expect(m.types).toHaveLength(1);
    expect(m.types[0]?.fields[1]).toMatchObject({ typeName: "Node", listDepth: 1 });
    expect(diags.warnings.map((d) => [d.code, d.path])).toEqual([
      ["TYPE_RECURSIVE", "response/node/children"],
    ]);
  });

  it("types an object without documented fields as free-form, with a warning", () => {
    const { model: m, diags } = model([{ name: "ext", type: "TimeNodeDO" }]);
    expect(m.request[0]?.kind).toBe("json");
    expect(diags.warnings.map((d) => [d.code, d.path])).toEqual([
      ["TYPE_UNKNOWN_SHAPE", "request/ext"],
    ]);
  });

  it("renames doc types that would shadow a global or a runtime name", () => {
    const { model: m } = model([
      { name: "a", type: "Map2", fields: [{ name: "x", type: "String" }] },
      { name: "b", type: "Date", fields: [{ name: "x", type: "String" }] },
      { name: "c", type: "Promise", fields: [{ name: "x", type: "String" }] },
      { name: "d", type: "TopRequest", fields: [{ name: "x", type: "String" }] },
      { name: "e", type: "DemoParams", fields: [{ name: "x", type: "String" }] },
    ]);
    expect(m.types.map((t) => t.name)).toEqual([
      "Map2",
      "B",
      "PromiseType",
      "TopRequest2",
      "DemoParams2",
    ]);
  });
});

describe("assignBaseNames", () => {
  it("gives every API a unique PascalCase base name, numbering clashes in API order", () => {
    const names = assignBaseNames([
      "taobao.miniapp.userInfo.get",
      "alibaba.alsc.crm.customer.update",
      "taobao.miniapp.user_info.get",
      "m-kvstore.aliyuncs.com.CreateInstance.2015-03-01",
    ]);
    expect(Object.fromEntries(names)).toEqual({
      "alibaba.alsc.crm.customer.update": "AlibabaAlscCrmCustomerUpdate",
      "m-kvstore.aliyuncs.com.CreateInstance.2015-03-01":
        "MKvstoreAliyuncsComCreateInstance20150301",
      "taobao.miniapp.userInfo.get": "TaobaoMiniappUserInfoGet",
      "taobao.miniapp.user_info.get": "TaobaoMiniappUserInfoGet2",
    });
  });
});

describe("responseKeyOf", () => {
  it("drops a leading taobao_ only", () => {
    expect(responseKeyOf("taobao.trade.fullinfo.get")).toBe("trade_fullinfo_get_response");
    expect(responseKeyOf("alibaba.alsc.crm.customer.update")).toBe(
      "alibaba_alsc_crm_customer_update_response",
    );
  });
});
