import { describe, expect, it } from "vitest";
import { buildApiModel } from "../../generator/emit/api-model.js";
import { compactSchemaOf, schemaOfModel } from "../../generator/emit/api-schema.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import type { ApiSpec } from "../../generator/spec/spec.js";

const SPEC: ApiSpec = {
  api: "taobao.demo.get",
  title: "t",
  description: "d",
  authorization: "required",
  request: [
    { name: "odd name", type: "String", required: true, limits: { max_length: 8 } },
    { name: "ids", type: "Number[]", required: false, limits: { max_list_size: 3, min_value: 1 } },
  ],
  response: [
    { name: "a", type: "Item[]", fields: [{ name: "x", type: "String" }] },
    { name: "b", type: "Item[]", fields: [{ name: "y", type: "Price" }] },
    { name: "c", type: "BigDecimal[]" },
  ],
};

describe("compactSchemaOf", () => {
  const model = buildApiModel(SPEC, "demo.yaml", "Demo", new DiagnosticBag());

  it("writes one string per field, with wrap keys only where the default would be wrong", () => {
    expect(compactSchemaOf(model)).toEqual({
      method: "taobao.demo.get",
      request: ["odd%20name s! len=8", "ids n[] size=3 min=1"],
      response: ["a o[] Item", "b o[] Item2 wrap=item", "c p[] wrap=bigdecimal"],
      types: { Item: ["x s"], Item2: ["y p"] },
      session: "required",
    });
  });

  it("decodes to the schema the client and the simulator use", () => {
    const schema = schemaOfModel(model);
    expect(schema.request[0]).toEqual({
      name: "odd name",
      kind: "string",
      required: true,
      maxLength: 8,
    });
    expect(schema.response.map((f) => f.wrap)).toEqual(["item", "item", "bigdecimal"]);
  });
});
