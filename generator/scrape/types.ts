/**
 * Doc type spellings and their normal form. Pages write `String []` and `String[]` alike; real
 * pages also have no type, `null[]`, `byte` for small numbers (Java `Byte`), and lower-case
 * primitive names. Each repair has a defined result and says which warning it deserves.
 */
import type { DiagnosticCode } from "../spec/diagnostics.js";

/** Types that are values, not objects with fields (`byte[]` is a file, `Json` free-form). */
export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  "String",
  "Number",
  "Boolean",
  "Date",
  "Price",
  "BigDecimal",
  "Json",
  "byte[]",
  "byte",
]);

const RESPELL: Record<string, string> = {
  string: "String",
  str: "String",
  number: "Number",
  long: "Number",
  Long: "Number",
  int: "Number",
  integer: "Number",
  Integer: "Number",
  // A lone Java `Byte` holds a small number (flags such as 0/1), unlike `byte[]`, a file.
  byte: "Number",
  Byte: "Number",
  boolean: "Boolean",
  bool: "Boolean",
  date: "Date",
  json: "Json",
  JSON: "Json",
  null: "Json",
  Object: "Json",
  object: "Json",
};

export interface TypeResult {
  type: string;
  code?: DiagnosticCode;
  message: string;
}

/** Normalises one doc type; a missing type becomes `Json` (any value) with `TYPE_MISSING`. */
export function normaliseType(raw: string | undefined | null): TypeResult {
  const written = (raw ?? "").replace(/\s+/g, "");
  if (written === "") {
    return { type: "Json", code: "TYPE_MISSING", message: "no type given; Json assumed" };
  }
  const generic = /^List<(.+)>$/.exec(written);
  const listed = generic?.[1] === undefined ? written : `${generic[1]}[]`;
  // `byte[]` is a type of its own (a file), so split off the list marks after it.
  const match = /^(byte\[\]|[^[\]]+)((?:\[\])*)$/.exec(listed);
  const base = match?.[1] ?? listed;
  const lists = match?.[2] ?? "";
  const respelled = RESPELL[base];
  if (respelled === undefined && listed === written) return { type: written, message: "" };
  const type = `${respelled ?? base}${lists}`;
  const from = raw ?? "";
  return { type, code: "TYPE_RESPELLED", message: `type ${from} read as ${type}` };
}

/** Whether a doc type, as written, names an object type (whose rows may have children). */
export function isObjectType(type: string | undefined): boolean {
  if (type === undefined) return false;
  const base = type.replace(/[\s[\]]/g, "");
  return !PRIMITIVE_TYPES.has(base) && !(base in RESPELL);
}
