import type { ApiSchema, FieldSchema, ValueKind } from "../schema.js";
import { arr, lit, obj, parseJson, str, type JsonNode, type JsonObject } from "./json-tree.js";
import { parseXml, type XmlElement } from "./xml-tree.js";

/** Documentation samples of one API, as text: wrapped JSON, simplified JSON, XML. */
export interface ResponseSamples {
  json?: string;
  simplifiedJson?: string;
  xml?: string;
}

/**
 * The success body of one API in each form the gateway answers with, without the `_response`
 * envelope and without `request_id` (both are added per call). `wrapped` serves non-simplified
 * JSON, `xml` serves XML (same shape, list wrappers included), `simplified` has plain arrays.
 */
export interface ResponseForms {
  wrapped: JsonObject;
  simplified: JsonObject;
  xml: JsonObject;
}

type Fields = readonly FieldSchema[];

const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** `OrderDetailCursorTopDTO` → `order_detail_cursor_top_d_t_o`, the gateway's element key. */
export function snakeTypeName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, "");
}

/** The key that wraps a list field in non-simplified JSON and XML. */
export function wrapKey(field: FieldSchema): string {
  if (field.wrap !== undefined) return field.wrap;
  if (field.kind === "object" && field.type !== undefined) return snakeTypeName(field.type);
  const plain: readonly ValueKind[] = ["string", "number", "boolean", "date"];
  return plain.includes(field.kind) ? field.kind : "string";
}

function typed(text: string, kind: ValueKind | undefined): JsonNode {
  if (kind === "number" && NUMBER_TEXT.test(text)) return lit(text);
  if (kind === "boolean" && (text === "true" || text === "false")) return lit(text);
  return str(text);
}

const fieldsOf = (schema: ApiSchema, field: FieldSchema | undefined): Fields =>
  field?.type === undefined ? [] : (schema.types[field.type] ?? []);

/** Removes list wrappers (`{"string": [..]}` → `[..]`) where the schema says a list is. */
export function unwrapLists(node: JsonObject, fields: Fields, schema: ApiSchema): JsonObject {
  return obj(
    node.entries.map(([key, value]) => {
      const field = fields.find((f) => f.name === key);
      if (field === undefined) return [key, value];
      const inner = fieldsOf(schema, field);
      const item = (n: JsonNode): JsonNode => (n.t === "obj" ? unwrapLists(n, inner, schema) : n);
      if (field.list === true) {
        const only = value.t === "obj" && value.entries.length === 1 ? value.entries[0] : undefined;
        const empty = value.t === "obj" && value.entries.length === 0;
        const items = only?.[1].t === "arr" ? only[1] : empty ? arr([]) : value;
        return [key, items.t === "arr" ? arr(items.items.map(item)) : items];
      }
      return [key, item(value)];
    }),
  );
}

/** Adds list wrappers where the schema says a field is a list: the inverse of `unwrapLists`. */
export function wrapLists(node: JsonObject, fields: Fields, schema: ApiSchema): JsonObject {
  return obj(
    node.entries.map(([key, value]) => {
      const field = fields.find((f) => f.name === key);
      if (field === undefined) return [key, value];
      const inner = fieldsOf(schema, field);
      const item = (n: JsonNode): JsonNode => (n.t === "obj" ? wrapLists(n, inner, schema) : n);
      if (field.list === true && value.t === "arr") {
        return [key, obj([[wrapKey(field), arr(value.items.map(item))]])];
      }
      return [key, item(value)];
    }),
  );
}

function fromXmlElement(element: XmlElement, field: FieldSchema | undefined, schema: ApiSchema) {
  if (field?.kind === "object" || (field === undefined && element.children.length > 0)) {
    return fromXmlChildren(element.children, fieldsOf(schema, field), schema);
  }
  return typed(element.text, field?.kind);
}

/** Children of an XML element as an object; repeated names become arrays, as list items are. */
function fromXmlChildren(children: XmlElement[], fields: Fields, schema: ApiSchema): JsonObject {
  const groups = new Map<string, XmlElement[]>();
  for (const child of children) groups.set(child.name, [...(groups.get(child.name) ?? []), child]);

  const node = obj();
  for (const [name, group] of groups) {
    const field = fields.find((f) => f.name === name);
    if (field?.list === true) {
      // <tag_ids><string>a</string></tag_ids>: the wrapper's children are the items.
      const items = group.flatMap((g) => g.children);
      const keys = [...new Set(items.map((i) => i.name))];
      const wrapped = keys.map((key): [string, JsonNode] => {
        const same = items.filter((i) => i.name === key);
        return [key, arr(same.map((i) => fromXmlElement(i, field, schema)))];
      });
      node.entries.push([name, obj(wrapped)]);
      continue;
    }
    const values = group.map((g) => fromXmlElement(g, field, schema));
    node.entries.push([name, values.length === 1 ? (values[0] as JsonNode) : arr(values)]);
  }
  return node;
}

const withoutRequestId = (node: JsonObject): JsonObject =>
  obj(node.entries.filter(([key]) => key !== "request_id"));

/** The body inside a `{"x_response": {...}}` envelope, or the root when there is none. */
function openEnvelope(root: JsonNode, what: string): JsonObject {
  if (root.t !== "obj") throw new Error(`the ${what} sample is not a JSON object`);
  const [only] = root.entries;
  if (root.entries.length === 1 && only !== undefined && only[0].endsWith("_response")) {
    if (only[0] === "error_response") throw new Error(`the ${what} sample is an error response`);
    if (only[1].t !== "obj") throw new Error(`the ${what} sample's envelope is not an object`);
    return withoutRequestId(only[1]);
  }
  return withoutRequestId(root);
}

function listExample(text: string, kind: ValueKind): JsonNode[] {
  try {
    const parsed = parseJson(text);
    if (parsed.t === "arr") {
      return parsed.items.map((i) => (i.t === "str" ? typed(i.value, kind) : i));
    }
  } catch {
    // Not JSON: the documentation's comma-joined form.
  }
  return text.split(",").map((part) => typed(part.trim(), kind));
}

const PLACEHOLDERS: Record<ValueKind, JsonNode> = {
  string: str("string"),
  number: lit("0"),
  boolean: lit("false"),
  date: str("2000-01-01 00:00:00"),
  price: str("0.00"),
  json: str("{}"),
  file: str(""),
  object: obj(),
};

function placeholder(field: FieldSchema, example: string | undefined): JsonNode {
  const fallback = PLACEHOLDERS[field.kind];
  if (example === undefined) return fallback;
  const value = typed(example, field.kind);
  // A Number or Boolean whose example is not one keeps its type: the sample must stay typed.
  return value.t === "str" && fallback.t === "lit" ? fallback : value;
}

/** A body built from the response tree: `examples` by field path, else typed placeholders. */
export function buildBody(
  schema: ApiSchema,
  examples: Readonly<Record<string, string>> = {},
): JsonObject {
  const build = (fields: Fields, path: string, seen: ReadonlySet<string>): JsonObject => {
    const node = obj();
    for (const field of fields) {
      if (field.kind === "file") continue;
      const at = path === "" ? field.name : `${path}.${field.name}`;
      let items: JsonNode[];
      if (field.kind === "object") {
        const type = field.type;
        // A recursive type stops at its second appearance: a list ends empty, an object is left
        // out.
        if (type === undefined || seen.has(type) || schema.types[type] === undefined) {
          if (field.list === true)
            node.entries.push([field.name, obj([[wrapKey(field), arr([])]])]);
          continue;
        }
        items = [build(schema.types[type], at, new Set([...seen, type]))];
      } else {
        const example = examples[at];
        items =
          field.list === true && example !== undefined
            ? listExample(example, field.kind)
            : [placeholder(field, example)];
      }
      const value = field.list === true ? obj([[wrapKey(field), arr(items)]]) : items[0];
      if (value !== undefined) node.entries.push([field.name, value]);
    }
    return node;
  };
  return build(schema.response, "", new Set());
}

/**
 * Works out the three forms from whichever samples exist, converting between them through the
 * schema. A sample that cannot be read is reported through `warn` and the next source is used.
 */
export function responseForms(
  schema: ApiSchema,
  samples: ResponseSamples = {},
  examples: Readonly<Record<string, string>> = {},
  warn: (message: string) => void = () => {},
): ResponseForms {
  const attempt = (what: string, text: string | undefined, read: (t: string) => JsonObject) => {
    if (text === undefined || text.trim() === "") return undefined;
    try {
      return read(text);
    } catch (error) {
      warn(`${schema.method}: the ${what} sample cannot be used: ${(error as Error).message}`);
      return undefined;
    }
  };

  const json = attempt("JSON", samples.json, (t) => openEnvelope(parseJson(t), "JSON"));
  const simplified = attempt("simplified JSON", samples.simplifiedJson, (t) =>
    openEnvelope(parseJson(t), "simplified JSON"),
  );
  const xml = attempt("XML", samples.xml, (t) => {
    const root = parseXml(t);
    if (root.name === "error_response") throw new Error("the XML sample is an error response");
    return withoutRequestId(fromXmlChildren(root.children, schema.response, schema));
  });

  const wrapped =
    json ??
    (simplified && wrapLists(simplified, schema.response, schema)) ??
    xml ??
    buildBody(schema, examples);
  return {
    wrapped,
    simplified: simplified ?? unwrapLists(wrapped, schema.response, schema),
    xml: xml ?? wrapped,
  };
}
