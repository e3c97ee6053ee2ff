import { readFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { emitApi } from "../../generator/emit/emit-api.js";
import {
  buildOpenApi,
  openApiJson,
  type OpenApiDocument,
} from "../../generator/openapi/openapi.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { loadSpecs, type LoadedSpec } from "../../generator/spec/read-spec.js";
import type { ApiSpec } from "../../generator/spec/spec.js";

const FIXTURE_SPECS = join(import.meta.dirname, "..", "fixtures", "specs");
const ITEMS = "taobao.demo.items.get";

function loaded(spec: ApiSpec): LoadedSpec {
  return { file: `specs/${spec.api}.yaml`, spec };
}

function resultApi(api: string, resultType: string): ApiSpec {
  return {
    api,
    title: api,
    description: "",
    request: [{ name: "tags", type: "String[]" }],
    response: [{ name: "result", type: "Result", fields: [{ name: "result", type: resultType }] }],
  };
}

describe("buildOpenApi", () => {
  let specs: LoadedSpec[];
  let doc: OpenApiDocument;
  let diags: DiagnosticBag;
  beforeAll(async () => {
    diags = new DiagnosticBag();
    specs = await loadSpecs(FIXTURE_SPECS, diags);
    doc = buildOpenApi(specs, diags);
  });

  it("lists each API as POST /<method> with its base name as operationId", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/taobao.demo.items.get", "/taobao.demo.ping"]);
    expect(doc.paths[`/${ITEMS}`]?.post).toMatchObject({
      operationId: "taobaoDemoItemsGet",
      summary: "示例：查询商品",
      tags: ["示例API"],
      security: [{ session: [] }],
      "x-top-method": ITEMS,
    });
  });

  it("names components as the TypeScript package names its types, per API", async () => {
    const names = Object.keys(doc.components.schemas).filter((n) =>
      n.startsWith("TaobaoDemoItems"),
    );
    const text = await readFile(join(FIXTURE_SPECS, `${ITEMS}.yaml`), "utf8");
    const emitted = await emitApi({
      file: "x",
      text,
      base: "TaobaoDemoItemsGet",
      api: ITEMS,
      source: "x",
    });
    const interfaces = [...(emitted.output?.content ?? "").matchAll(/export interface (\w+)/g)].map(
      (m) => m[1] ?? "",
    );
    const expected = interfaces.map((n) =>
      /^TaobaoDemoItemsGet(Params|Response)$/.test(n) ? n : `TaobaoDemoItemsGet_${n}`,
    );
    expect(names.sort()).toEqual(expected.sort());
    expect(names).toContain("TaobaoDemoItemsGet_CommonResult2");
  });

  it("sends params form-encoded: multipart with a file, objects as JSON, required listed", () => {
    const body = doc.paths[`/${ITEMS}`]?.post["requestBody"];
    expect(body).toEqual({
      required: true,
      content: {
        "multipart/form-data": {
          schema: { $ref: "#/components/schemas/TaobaoDemoItemsGetParams" },
          encoding: { query: { contentType: "application/json" } },
        },
      },
    });
    const params = doc.components.schemas["TaobaoDemoItemsGetParams"];
    expect(params?.["required"]).toEqual(["fields"]);
    expect(params?.["properties"]).toMatchObject({
      num_iid: { type: "integer", format: "int64", minimum: 1 },
      image: { type: "string", format: "binary" },
      query: { $ref: "#/components/schemas/TaobaoDemoItemsGet_ItemQuery" },
    });
  });

  it("answers 200 with the response fields, request_id added, recursive types by $ref", () => {
    const ok = doc.paths[`/${ITEMS}`]?.post["responses"];
    expect(ok).toMatchObject({
      "200": {
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/TaobaoDemoItemsGetResponse" },
          },
        },
      },
    });
    const response = doc.components.schemas["TaobaoDemoItemsGetResponse"]?.["properties"];
    expect(Object.keys(response as object)).toEqual([
      "items",
      "total_results",
      "result",
      "request_id",
    ]);
    const item = doc.components.schemas["TaobaoDemoItemsGet_Item"]?.["properties"];
    expect(item).toMatchObject({
      children: { type: "array", items: { $ref: "#/components/schemas/TaobaoDemoItemsGet_Item" } },
    });
  });

  it("leaves out the request body of an API without params", () => {
    expect(doc.paths["/taobao.demo.ping"]?.post["requestBody"]).toBeUndefined();
  });

  it("reports model warnings with their location", () => {
    expect(diags.errors).toEqual([]);
    expect(diags.warnings.map((d) => [d.code, d.path])).toEqual(
      expect.arrayContaining([["TYPE_RENAMED", "response/result/detail"]]),
    );
  });

  it("is deterministic, whatever the order of the specs", () => {
    const again = buildOpenApi([...specs].reverse(), new DiagnosticBag());
    expect(openApiJson(again)).toBe(openApiJson(doc));
  });

  it("never merges same-named types of two APIs, and comma-joins primitive lists", () => {
    const two = buildOpenApi(
      [loaded(resultApi("demo.b.get", "Boolean")), loaded(resultApi("demo.a.get", "String"))],
      new DiagnosticBag(),
    );
    expect(two.components.schemas["DemoAGet_Result"]?.["properties"]).toEqual({
      result: { type: "string" },
    });
    expect(two.components.schemas["DemoBGet_Result"]?.["properties"]).toEqual({
      result: { type: "boolean" },
    });
    expect(two.paths["/demo.a.get"]?.post["requestBody"]).toMatchObject({
      content: {
        "application/x-www-form-urlencoded": {
          encoding: { tags: { style: "form", explode: false } },
        },
      },
    });
  });

  it("rejects a spec whose api is not the one its file is named for", () => {
    const bag = new DiagnosticBag();
    const out = buildOpenApi(
      [{ file: "specs/demo.other.yaml", spec: resultApi("demo.a.get", "String") }],
      bag,
    );
    expect(bag.errors.map((d) => [d.code, d.input, d.path])).toEqual([
      ["SPEC_INVALID", "specs/demo.other.yaml", "api"],
    ]);
    expect(out.paths).toEqual({});
  });

  it("is read by openapi-typescript into the same type names", async () => {
    const text = astToString(await openapiTS(openApiJson(doc)));
    expect(text).toContain("TaobaoDemoItemsGet_CommonResult2:");
    expect(text).toContain("taobaoDemoItemsGet:");
  });
});
