import type { ApiSchema } from "./schema.js";
import { formatGmt8 } from "./time.js";
import type { TopFile } from "./types.js";

/** An API's params as they go on the wire: text params (signed) and file parts (never signed). */
export interface WireParams {
  params: Record<string, string>;
  files: [name: string, file: TopFile][];
}

/** Absent values are neither sent nor signed; `0` and `false` are values. */
export function isAbsent(value: unknown): value is undefined | null | "" {
  return value === undefined || value === null || value === "";
}

/**
 * Turns a request's params into wire strings, driven by the schema: files apart, top-level
 * primitive lists comma-joined, objects and object lists as one JSON string. A param the schema
 * does not know is sent too, formatted by its JS type, so an undocumented param still works.
 */
export function serializeParams(schema: ApiSchema, params: object): WireParams {
  const text: Record<string, string> = {};
  const files: [string, TopFile][] = [];
  for (const name in params) {
    const value: unknown = params[name as keyof typeof params];
    if (isAbsent(value)) continue;
    const field = schema.request.find((f) => f.name === name);
    if (field?.kind === "file") {
      files.push([name, value as TopFile]);
      continue;
    }
    const joined =
      Array.isArray(value) && field?.kind !== "object" && field?.kind !== "json"
        ? value.map(formatValue).join(",")
        : formatValue(value);
    if (joined !== "") text[name] = joined;
  }
  return { params: text, files };
}

/** One value as a wire string: the form every param kind takes. */
export function formatValue(value: unknown): string {
  return typeof value === "string"
    ? value
    : value instanceof Date
      ? formatGmt8(value)
      : toJson(value);
}

/**
 * Plain decimal digits, never exponent notation: `1e21` → `1000000000000000000000`; a bigint
 * as its digits.
 */
export function formatNumber(n: number | bigint): string {
  const [mantissa = "", exponent] = String(n).split("e");
  if (exponent === undefined) return mantissa;
  // Every double of 1e21 or more is an integer; BigInt writes it out exactly. Below 1e-6, the
  // exponent is negative: the mantissa's digits go after that many zeros.
  return Number.isInteger(n)
    ? String(BigInt(n))
    : `${n < 0 ? "-" : ""}0.${"0".repeat(-exponent - 1)}${mantissa.replace(/[-.]/g, "")}`;
}

/**
 * JSON with the gateway's value forms: dates as GMT+8 strings, bigints and numbers as bare
 * digits (never exponent), null members left out (absent).
 */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    // `this[key]` is the value before `Date.prototype.toJSON` turned it into ISO text.
    const original = this[key];
    if (original instanceof Date) return formatGmt8(original);
    // Marked here, unquoted below: JSON.stringify writes no bigint and keeps exponents. Only a
    // string of the caller's starting with U+0001 could be taken for a mark.
    if (typeof v === "bigint" || (typeof v === "number" && String(v).includes("e"))) {
      return `\u0001${formatNumber(v)}`;
    }
    return v ?? undefined;
  });
  return json === undefined ? "null" : json.replace(/"\\u0001([^"]*)"/g, "$1");
}

/**
 * `a=1&b=2`, UTF-8 percent-encoded with spaces as `+`, for the query string and form bodies:
 * exactly what Java's `URLEncoder` (the official SDK's) writes.
 */
export function encodeForm(params: Readonly<Record<string, string>>): string {
  return String(new URLSearchParams(params));
}

/** A multipart body: text params as text parts, files as file parts. */
export function toFormData(
  text: Readonly<Record<string, string>>,
  files: WireParams["files"],
): FormData {
  const form = new FormData();
  for (const key in text) form.append(key, text[key] as string);
  for (const [name, { data, filename, contentType }] of files) {
    const blob = data instanceof Blob ? data : new Blob([data], { type: contentType ?? "" });
    form.append(name, blob, filename ?? name);
  }
  return form;
}
