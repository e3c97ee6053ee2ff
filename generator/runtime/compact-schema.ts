import type { ApiSchema, FieldSchema, ValueKind } from "./schema.js";

/**
 * The form in which generated modules carry their schema: one short string per field. For the
 * whole catalog, object literals doubled the type checker's time and memory; strings cost it
 * nothing and keep bundles small. A field reads `<name> <kind>[[]][!] [<type>] [<key>=<value>]...`:
 * - kind, one letter: s string, n number, b boolean, d date, p price, f file, j json, o object;
 * - `[]` for a list, `!` for a required param;
 * - the object type's name (a key of `types`);
 * - `len=` max length, `size=` max list size, `min=`, `max=`, and `wrap=` the list wrapper key
 *   when it is not the default (the kind's name, or the object type in snake_case).
 *
 * A name with a space or `%` is percent-encoded.
 */
export interface CompactSchema {
  method: string;
  request: string[];
  response: string[];
  types?: Record<string, string[]>;
  session?: ApiSchema["session"];
}

const KINDS: Record<string, ValueKind> = {
  s: "string",
  n: "number",
  b: "boolean",
  d: "date",
  p: "price",
  f: "file",
  j: "json",
  o: "object",
};

const LIMITS = { len: "maxLength", size: "maxListSize", min: "minValue", max: "maxValue" } as const;

/** The schema a generated module describes; see `CompactSchema` for the form. */
export function defineSchema(compact: CompactSchema): ApiSchema {
  const types: Record<string, FieldSchema[]> = {};
  for (const [name, fields] of Object.entries(compact.types ?? {})) types[name] = fields.map(field);
  const schema: ApiSchema = {
    method: compact.method,
    responseKey: responseKeyOf(compact.method),
    request: compact.request.map(field),
    response: compact.response.map(field),
    types,
  };
  if (compact.session !== undefined) schema.session = compact.session;
  return schema;
}

/** The root key of a success response: dots to `_`, a leading `taobao_` dropped, `_response`. */
export function responseKeyOf(method: string): string {
  return `${method.replace(/\W/g, "_").replace(/^taobao_/, "")}_response`;
}

/** The snake_case wrapper key of a list of objects: `OrderDTO` → `order_d_t_o`. */
export function snakeWrapKey(type: string): string {
  return (
    type.charAt(0).toLowerCase() + type.slice(1).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
  );
}

function field(text: string): FieldSchema {
  const [name = "", code = "", ...rest] = text.split(" ");
  const out: FieldSchema = {
    name: decodeURIComponent(name),
    kind: KINDS[code.charAt(0)] ?? "json",
  };
  if (code.includes("[]")) out.list = true;
  if (code.endsWith("!")) out.required = true;
  for (const token of rest) {
    const eq = token.indexOf("=");
    const key = token.slice(0, eq);
    if (eq < 0) out.type = token;
    else if (key === "wrap") out.wrap = token.slice(eq + 1);
    else out[LIMITS[key as keyof typeof LIMITS]] = Number(token.slice(eq + 1));
  }
  if (out.list && out.wrap === undefined) {
    out.wrap = out.type === undefined ? out.kind : snakeWrapKey(out.type);
  }
  return out;
}
