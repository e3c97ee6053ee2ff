import type { Direction, FieldModel } from "../emit/api-model.js";
import type { Limits } from "../spec/spec.js";

/** A JSON Schema (OpenAPI 3.1 dialect) as plain data; keys are written in insertion order. */
export type JsonSchema = { [key: string]: unknown };

/**
 * Ids are 64-bit and exceed 2^53 (order ids have 19 digits): those Number fields say `int64`, so
 * that generators that know the format keep every digit. TOP's `Number` is the official Java
 * SDK's `Long`, hence `integer` for every other Number too.
 */
const ID_NAME = /(?:^|_)[a-z]?ids?$|[a-z0-9](?:Id|ID)s?$/;

/** Doc types of the number kind that allow fractions; every other one is an integer. */
const FRACTION_TYPES: Record<string, string> = { double: "double", float: "float" };

/**
 * The schema of one field's value, list levels included. `ref` names the component of an object
 * type. Request fields carry their limits; response fields describe what the simplified JSON form
 * holds (lists as plain arrays).
 */
export function fieldSchema(
  field: FieldModel,
  direction: Direction,
  ref: (typeName: string) => string,
): JsonSchema {
  let schema = valueSchema(field, ref);
  const limits = direction === "request" ? field.limits : undefined;
  if (limits !== undefined) addValueLimits(schema, limits);
  for (let i = 0; i < field.listDepth; i++) {
    schema = { type: "array", items: schema };
    if (i === field.listDepth - 1 && limits?.max_list_size !== undefined) {
      schema["maxItems"] = limits.max_list_size;
    }
  }
  if (field.description !== undefined && field.description.trim() !== "") {
    schema = { ...schema, description: field.description.trim() };
  }
  return schema;
}

function valueSchema(field: FieldModel, ref: (typeName: string) => string): JsonSchema {
  switch (field.kind) {
    case "object":
      return { $ref: ref(field.typeName ?? "") };
    case "number": {
      const fraction = FRACTION_TYPES[field.elementDocType.toLowerCase()];
      if (fraction !== undefined) return { type: "number", format: fraction };
      return ID_NAME.test(field.name) ? { type: "integer", format: "int64" } : { type: "integer" };
    }
    case "boolean":
      return { type: "boolean" };
    case "file":
      return { type: "string", format: "binary", contentMediaType: "application/octet-stream" };
    case "json":
      // Free-form: any JSON value (sent as JSON text in a request).
      return {};
    case "string":
    case "date":
    case "price":
      // Dates are `yyyy-MM-dd HH:mm:ss` in GMT+8, not RFC 3339; prices are decimal strings.
      return { type: "string" };
  }
}

/** Length and value bounds, and the documented default in the value's own JSON type. */
function addValueLimits(schema: JsonSchema, limits: Limits): void {
  const type = schema["type"];
  if (type === "string" && limits.max_length !== undefined) schema["maxLength"] = limits.max_length;
  if (type === "integer" || type === "number") {
    if (limits.min_value !== undefined) schema["minimum"] = limits.min_value;
    if (limits.max_value !== undefined) schema["maximum"] = limits.max_value;
  }
  const value = limits.default === undefined ? undefined : defaultOf(limits.default, type);
  if (value !== undefined) schema["default"] = value;
}

/** A default written as text, in the schema's type; undefined when it does not fit. */
function defaultOf(text: string, type: unknown): unknown {
  if (type === "string") return text;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : undefined;
  if (type === "integer" || type === "number") {
    const value = Number(text);
    const ok = text.trim() !== "" && Number.isFinite(value) && Math.abs(value) <= 2 ** 53;
    return ok && (type === "number" || Number.isInteger(value)) ? value : undefined;
  }
  return undefined;
}
