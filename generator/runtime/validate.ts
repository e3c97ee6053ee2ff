import { TopValidationError, type TopSdkErrorCode, type TopValidationIssue } from "./errors.js";
import type { ApiSchema, FieldSchema } from "./schema.js";
import { isAbsent } from "./wire.js";

type Report = (code: TopSdkErrorCode, path: string) => void;

/**
 * Checks params against the schema's limits before sending, as the official SDKs do, so that a
 * call the gateway would refuse (code 40/41) fails here with the param's path. Value kinds are
 * left to the generated types; only what TypeScript cannot see is checked. Collects every issue
 * and throws once.
 */
export function validateParams(schema: ApiSchema, params: object): void {
  const issues: TopValidationIssue[] = [];
  checkFields(schema.request, params, "", schema.types, (code, path) =>
    issues.push({ code, path }),
  );
  if (issues[0]) throw new TopValidationError(issues);
}

function checkFields(
  fields: readonly FieldSchema[],
  obj: object,
  prefix: string,
  types: ApiSchema["types"],
  report: Report,
): void {
  for (const field of fields) {
    const path = prefix + field.name;
    const value = (obj as Record<string, unknown>)[field.name];
    if (isAbsent(value) || (Array.isArray(value) && !value[0])) {
      if (field.required) report("VALIDATION_REQUIRED", path);
    } else if (field.list) {
      // A primitive list may also come pre-joined, as the official SDKs accept it.
      const items = Array.isArray(value) ? value : String(value).split(",");
      if (items.length > (field.maxListSize ?? Infinity)) report("VALIDATION_MAX_LIST_SIZE", path);
      items.forEach((item, i) => checkValue(field, item, `${path}[${i}]`, types, report));
    } else {
      checkValue(field, value, path, types, report);
    }
  }
}

const NUMERIC = /^[+-]?\d+(\.\d+)?$/;

function checkValue(
  field: FieldSchema,
  value: unknown,
  path: string,
  types: ApiSchema["types"],
  report: Report,
): void {
  const nested = types[field.type ?? ""];
  const type = typeof value;
  if (field.kind === "object" && nested && type === "object") {
    checkFields(nested, value as object, `${path}.`, types, report);
  } else if (field.kind === "number" || field.kind === "price") {
    // A number given as text must be plain digits: the gateway reads nothing else.
    if (type === "string" && !NUMERIC.test(value as string)) report("VALIDATION_TYPE", path);
    const n = Number(value);
    if (n < (field.minValue ?? -Infinity)) report("VALIDATION_MIN_VALUE", path);
    if (n > (field.maxValue ?? Infinity)) report("VALIDATION_MAX_VALUE", path);
  } else if (type === "string" && (value as string).length > (field.maxLength ?? Infinity)) {
    // Java's String.length(), which the gateway checks: UTF-16 code units.
    report("VALIDATION_MAX_LENGTH", path);
  }
}
