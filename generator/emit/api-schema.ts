import type { ApiSchema, FieldSchema } from "../runtime/schema.js";
import { DiagnosticBag } from "../spec/diagnostics.js";
import type { ApiSpec } from "../spec/spec.js";
import type { ApiModel, Direction, FieldModel } from "./api-model.js";
import { buildApiModel, wrapKeyOf } from "./api-model.js";
import { pascalCase } from "./names.js";

/**
 * The run-time schema of an API: request fields with their limits, response fields with their
 * list wrapper keys. Only what the client uses is kept, since it ships in app bundles.
 */
export function schemaOfModel(model: ApiModel): ApiSchema {
  const types: Record<string, FieldSchema[]> = {};
  for (const type of model.types)
    types[type.name] = type.fields.map((f) => fieldSchema(f, type.direction));
  const schema: ApiSchema = {
    method: model.api,
    responseKey: model.responseKey,
    request: model.request.map((f) => fieldSchema(f, "request")),
    response: model.response.map((f) => fieldSchema(f, "response")),
    types,
  };
  if (model.spec.authorization !== undefined) schema.session = model.spec.authorization;
  return schema;
}

/** A spec's schema on its own, for tools such as the gateway simulator. */
export function toApiSchema(spec: ApiSpec, diags: DiagnosticBag = new DiagnosticBag()): ApiSchema {
  return schemaOfModel(buildApiModel(spec, `${spec.api}.yaml`, pascalCase(spec.api), diags));
}

function fieldSchema(field: FieldModel, direction: Direction): FieldSchema {
  const out: FieldSchema = { name: field.name, kind: field.kind };
  if (field.listDepth > 0) out.list = true;
  if (field.typeName !== undefined) out.type = field.typeName;
  if (direction === "response") {
    if (field.listDepth > 0) out.wrap = wrapKeyOf(field);
    return out;
  }
  if (field.required) out.required = true;
  const limits = field.limits;
  if (limits?.max_length !== undefined) out.maxLength = limits.max_length;
  if (limits?.max_list_size !== undefined) out.maxListSize = limits.max_list_size;
  if (limits?.min_value !== undefined) out.minValue = limits.min_value;
  if (limits?.max_value !== undefined) out.maxValue = limits.max_value;
  return out;
}
