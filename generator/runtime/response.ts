import { TopError, TopHttpError, TopResponseError } from "./errors.js";
import { parseJsonLossless } from "./json.js";
import type { ApiSchema, FieldSchema } from "./schema.js";
import { formatGmt8 } from "./time.js";

/**
 * How response bodies are decoded into a plain tree (`{"<x>_response": {...}}` or
 * `{"error_response": {...}}`, or the simplified fields at the root). JSON is built in; XML is
 * opt-in (`xmlFormat` from `xml.js`) so that apps that do not use it do not bundle it.
 */
export interface ResponseFormat {
  /** The `format` system param. */
  readonly name: "json" | "xml";
  /** Throws on a body that is not of this format. */
  decode(body: string): unknown;
}

/** The default format: JSON, every digit of 64-bit ids kept. */
export const jsonFormat: ResponseFormat = { name: "json", decode: parseJsonLossless };

/** An HTTP response as the client received it. */
export interface TopRawResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** A decoded success response: the typed data and the gateway's request id. */
export interface TopResult<T> {
  data: T;
  requestId: string | undefined;
}

const HTML = /^\s*<(!doctype|html|head|body)\b/i;

/**
 * Reads one HTTP response: HTML pages and unreadable bodies become `TopResponseError`,
 * `error_response` becomes `TopError`, success fields are normalised by the schema (list
 * wrappers removed, lenient values repaired). The gateway answers 200 even for its own errors,
 * so any other status is a `TopHttpError` unless the body holds an `error_response`.
 */
export function readResponse<T>(
  raw: Pick<TopRawResponse, "status" | "body">,
  schema: ApiSchema,
  format: ResponseFormat,
): TopResult<T> {
  const { status, body } = raw;
  const ok = status > 199 && status < 300;
  const fail = (code: "RESPONSE_HTML" | "RESPONSE_INVALID" | "RESPONSE_UNEXPECTED"): never => {
    throw ok ? new TopResponseError(code, status, body) : new TopHttpError(status, body, code);
  };
  if (HTML.test(body)) fail("RESPONSE_HTML");
  let tree: unknown;
  try {
    tree = format.decode(body);
  } catch {
    fail("RESPONSE_INVALID");
  }
  if (!isObject(tree)) return fail("RESPONSE_UNEXPECTED");
  const error = tree["error_response"];
  if (isObject(error)) throw toTopError(error);
  if (!ok) throw new TopHttpError(status, body);
  // Simplified responses have the fields at the root; some still carry the wrapper.
  const wrapped = tree[schema.responseKey];
  const root = isObject(wrapped) ? wrapped : tree;
  const requestId = root["request_id"];
  return {
    data: normalizeFields(root, schema.response, schema.types) as T,
    requestId: text(requestId),
  };
}

/** `error_response` as a `TopError`; XML gives every member as text. */
export function toTopError(e: Record<string, unknown>): TopError {
  return new TopError(
    Number(e["code"]),
    String(e["msg"] ?? ""),
    text(e["sub_code"]),
    text(e["sub_msg"]),
    text(e["request_id"]),
  );
}

const text = (v: unknown): string | undefined => (v === undefined ? v : String(v));

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Normalises the schema's fields of `obj` in place; fields the schema does not know stay. */
export function normalizeFields(
  obj: Record<string, unknown>,
  fields: readonly FieldSchema[],
  types: ApiSchema["types"],
): Record<string, unknown> {
  for (const field of fields) {
    const v = obj[field.name];
    if (v === undefined || v === null) continue;
    obj[field.name] = field.list
      ? unwrapList(v, field.wrap).map((item) => normalizeValue(item, field, types))
      : normalizeValue(v, field, types);
  }
  return obj;
}

/** `{"string": [..]}`, `{"trade": [..]}` or a plain array to an array; one XML item to [item]. */
function unwrapList(v: unknown, wrap = ""): unknown[] {
  if (isObject(v)) {
    const keys = Object.keys(v);
    v = wrap in v ? v[wrap] : keys.length === 1 ? v[keys[0] as string] : v;
  }
  // An empty XML element is "": an empty list.
  return Array.isArray(v) ? v : v === "" ? [] : [v];
}

function normalizeValue(v: unknown, field: FieldSchema, types: ApiSchema["types"]): unknown {
  const text = typeof v === "string";
  switch (field.kind) {
    case "number": {
      // A digit string in place of a Number: exact, as a bigint beyond 2^53.
      if (!text || !/^-?\d*\.?\d+$/.test(v)) return v;
      const n = Number(v);
      return Number.isSafeInteger(n) || v.includes(".") ? n : BigInt(v);
    }
    case "boolean":
      return v === "true" || (v !== "false" && v);
    case "date":
      // Epoch milliseconds, seen in the wild in place of the documented text form.
      return typeof v === "number" || (text && /^\d{12,}$/.test(v))
        ? formatGmt8(new Date(Number(v)))
        : v;
    case "string":
    case "price":
      // A number (or `true`) where text is documented: its text.
      return typeof v === "object" ? v : String(v);
    case "object": {
      const nested = types[field.type ?? ""];
      return isObject(v) && nested ? normalizeFields(v, nested, types) : v;
    }
  }
  return v;
}
