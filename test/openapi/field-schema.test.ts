import { describe, expect, it } from "vitest";
import type { FieldModel } from "../../generator/emit/api-model.js";
import { fieldSchema } from "../../generator/openapi/field-schema.js";

const ref = (name: string) => `#/components/schemas/Demo_${name}`;

function field(over: Partial<FieldModel> & Pick<FieldModel, "name" | "kind">): FieldModel {
  return { listDepth: 0, elementDocType: "String", required: false, ...over };
}

describe("fieldSchema", () => {
  it("types Numbers as integers, int64 where the name is an id, and fractions as number", () => {
    const number = (name: string, elementDocType = "Number") =>
      fieldSchema(field({ name, kind: "number", elementDocType }), "response", ref);
    expect(number("num_iid")).toEqual({ type: "integer", format: "int64" });
    expect(number("tid")).toEqual({ type: "integer", format: "int64" });
    expect(number("order_ids")).toEqual({ type: "integer", format: "int64" });
    expect(number("itemId")).toEqual({ type: "integer", format: "int64" });
    expect(number("total_results")).toEqual({ type: "integer" });
    expect(number("paid")).toEqual({ type: "integer" });
    expect(number("rate", "Double")).toEqual({ type: "number", format: "double" });
  });

  it("writes Date and Price as strings, byte[] as binary and Json as any value", () => {
    const kinds = (["date", "price", "file", "json", "boolean"] as const).map((kind) =>
      fieldSchema(field({ name: "v", kind }), "request", ref),
    );
    expect(kinds).toEqual([
      { type: "string" },
      { type: "string" },
      { type: "string", format: "binary", contentMediaType: "application/octet-stream" },
      {},
      { type: "boolean" },
    ]);
  });

  it("refers to object types by component and wraps every list level", () => {
    const schema = fieldSchema(
      field({ name: "items", kind: "object", typeName: "Item", listDepth: 2 }),
      "response",
      ref,
    );
    expect(schema).toEqual({
      type: "array",
      items: { type: "array", items: { $ref: "#/components/schemas/Demo_Item" } },
    });
  });

  it("puts request limits on the value and the list, and the default in the value's type", () => {
    const tags = field({
      name: "tags",
      kind: "string",
      listDepth: 1,
      description: " 标签 ",
      limits: { max_length: 8, max_list_size: 3, default: "a" },
    });
    expect(fieldSchema(tags, "request", ref)).toEqual({
      type: "array",
      items: { type: "string", maxLength: 8, default: "a" },
      maxItems: 3,
      description: "标签",
    });
    const size = field({
      name: "page_size",
      kind: "number",
      limits: { min_value: 1, max_value: 100, default: "20" },
    });
    expect(fieldSchema(size, "request", ref)).toEqual({
      type: "integer",
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    const odd = field({ name: "flag", kind: "boolean", limits: { default: "yes" } });
    expect(fieldSchema(odd, "request", ref)).toEqual({ type: "boolean" });
  });

  it("leaves limits off response fields", () => {
    const f = field({ name: "title", kind: "string", limits: { max_length: 8 } });
    expect(fieldSchema(f, "response", ref)).toEqual({ type: "string" });
  });
});
