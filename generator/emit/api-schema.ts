import type { ApiSchema } from "../runtime/schema.js";
import { defineSchema, snakeWrapKey, type CompactSchema } from "../runtime/compact-schema.js";
import { DiagnosticBag } from "../spec/diagnostics.js";
import type { ApiSpec } from "../spec/spec.js";
import type { ApiModel, Direction, FieldModel } from "./api-model.js";
import { buildApiModel, wrapKeyOf } from "./api-model.js";
import { pascalCase } from "./names.js";

/**
 * The run-time schema of an API in the compact form generated modules carry (see
 * `CompactSchema`): request fields with their limits, response fields with their list wrapper
 * keys. Only what the client uses is kept, since it ships in app bundles.
 */
export function compactSchemaOf(model: ApiModel): CompactSchema {
  const compact: CompactSchema = {
    method: model.api,
    request: model.request.map((f) => compactField(f, "request")),
    response: model.response.map((f) => compactField(f, "response")),
  };
  if (model.types.length > 0) {
    compact.types = Object.fromEntries(
      model.types.map((t) => [t.name, t.fields.map((f) => compactField(f, t.direction))]),
    );
  }
  if (model.spec.authorization !== undefined) compact.session = model.spec.authorization;
  return compact;
}

/** The schema as the client sees it, decoded exactly as a generated module decodes it. */
export function schemaOfModel(model: ApiModel): ApiSchema {
  return defineSchema(compactSchemaOf(model));
}

/** A spec's schema on its own, for tools such as the gateway simulator. */
export function toApiSchema(spec: ApiSpec, diags: DiagnosticBag = new DiagnosticBag()): ApiSchema {
  return schemaOfModel(buildApiModel(spec, `${spec.api}.yaml`, pascalCase(spec.api), diags));
}

const KIND_CODES = {
  string: "s",
  number: "n",
  boolean: "b",
  date: "d",
  price: "p",
  file: "f",
  json: "j",
  object: "o",
} as const;

function compactField(field: FieldModel, direction: Direction): string {
  const name = /[ %]/.test(field.name) ? encodeURIComponent(field.name) : field.name;
  let code: string = KIND_CODES[field.kind];
  if (field.listDepth > 0) code += "[]";
  if (direction === "request" && field.required) code += "!";
  const tokens = [name, code];
  if (field.typeName !== undefined) tokens.push(field.typeName);
  if (direction === "response") {
    const wrap = wrapKeyOf(field);
    const implied = field.typeName === undefined ? field.kind : snakeWrapKey(field.typeName);
    if (field.listDepth > 0 && wrap !== implied) tokens.push(`wrap=${wrap}`);
    return tokens.join(" ");
  }
  const limits = field.limits;
  if (limits?.max_length !== undefined) tokens.push(`len=${limits.max_length}`);
  if (limits?.max_list_size !== undefined) tokens.push(`size=${limits.max_list_size}`);
  if (limits?.min_value !== undefined) tokens.push(`min=${limits.min_value}`);
  if (limits?.max_value !== undefined) tokens.push(`max=${limits.max_value}`);
  return tokens.join(" ");
}
