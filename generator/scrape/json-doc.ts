/**
 * Reads the documentation center's own JSON documents: the full form (`full-docs/*.json`, with
 * examples, labels, samples, error codes) and the reduced form of the catalog
 * (`{ name, apiChineseName, description, id, requestParams, responseParams }`).
 */
import { fail, type DiagnosticBag } from "../spec/diagnostics.js";
import type { Authorization, ErrorCodeDoc, Limits, Samples } from "../spec/spec.js";
import { authorizationLabel } from "./page-parts.js";
import type { RawPage, RawParam } from "./raw-page.js";

type Json = Record<string, unknown>;

const LABEL_KEYS: Record<string, Authorization> = {
  required: "required",
  need: "required",
  optional: "optional",
  no_need: "none",
};

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** `Unexpected token } in JSON at position 120` → the line of position 120. */
function errorLine(source: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const position = /position (\d+)/.exec(message)?.[1];
  const line = /line (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  if (position === undefined) return undefined;
  return source.slice(0, Number(position)).split("\n").length;
}

/**
 * Reads one JSON document. Returns undefined for a stub that names no API (`{ "id": 1 }`),
 * after a `PAGE_EMPTY` warning; throws a located `JSON_INVALID` error for anything unreadable.
 */
export function readJsonDoc(
  source: string,
  input: string,
  bag: DiagnosticBag,
  category?: string,
): RawPage | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    const line = errorLine(source, error);
    const reason = error instanceof Error ? error.message : String(error);
    fail("JSON_INVALID", input, `not valid JSON: ${reason}`, line === undefined ? {} : { line });
  }
  if (!isObject(doc)) fail("JSON_INVALID", input, "the document is not a JSON object");
  const hasParams = "requestParams" in doc || "responseParams" in doc;
  if (doc["name"] === undefined && doc["apiChineseName"] === undefined && !hasParams) {
    bag.warn("PAGE_EMPTY", input, `document ${text(doc["id"]) ?? "?"} names no API; skipped`);
    return undefined;
  }
  const api = doc["name"];
  if (typeof api !== "string" || api === "") {
    fail("JSON_INVALID", input, "the document has no API name", { path: "name" });
  }

  const page: RawPage = {
    api,
    title: text(doc["apiChineseName"]) ?? "",
    description: text(doc["description"]) ?? "",
    request: params(doc["requestParams"], "request", true, input),
    response: params(doc["responseParams"], "response", false, input),
    samples: samples(doc),
    errorCodes: errorCodes(doc["errorCodes"]),
  };
  if (category !== undefined) page.category = category;
  const authorization = labels(doc["labels"]);
  if (authorization !== undefined) page.authorization = authorization;
  return page;
}

function params(value: unknown, path: string, request: boolean, input: string): RawParam[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail("JSON_INVALID", input, "params are not a list", { path });
  return value.map((item: unknown, i) => {
    if (!isObject(item) || typeof item["name"] !== "string") {
      fail("JSON_INVALID", input, `param ${i} has no name`, { path: `${path}/${i}` });
    }
    const name = item["name"];
    const here = `${path}/${name}`;
    const type = text(item["type"]);
    const param: RawParam = {
      name,
      type,
      limits: limits(item),
      fields: params(item["subParams"], here, request, input),
    };
    if (typeof item["required"] === "boolean") param.required = item["required"];
    const example = text(item["demoValue"]);
    if (example !== undefined && example !== "") param.example = example;
    const description = text(item["description"]);
    if (description !== undefined) param.description = description;
    return param;
  });
}

function limits(item: Json): Limits {
  const out: Limits = {};
  const number = (key: string): number | undefined => {
    const value = item[key];
    const parsed = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    return typeof parsed === "number" && Number.isFinite(parsed) ? parsed : undefined;
  };
  const maxLength = number("maxLength");
  const maxListSize = number("maxListSize");
  const minValue = number("minValue");
  const maxValue = number("maxValue");
  const fallback = text(item["defaultValue"]);
  if (maxLength !== undefined) out.max_length = maxLength;
  if (maxListSize !== undefined) out.max_list_size = maxListSize;
  if (minValue !== undefined) out.min_value = minValue;
  if (maxValue !== undefined) out.max_value = maxValue;
  if (fallback !== undefined && fallback !== "") out.default = fallback;
  return out;
}

function samples(doc: Json): Samples {
  const out: Samples = {};
  const take = (key: keyof Samples, value: unknown): void => {
    const sample = text(value);
    if (sample !== undefined && sample.trim() !== "") out[key] = sample;
  };
  take("response_json", doc["rspSampleJson"]);
  take("response_xml", doc["rspSampleXml"]);
  take("response_simplified_json", doc["rspSampleSimplifyJson"]);
  take("error_json", doc["apiErrDemoJson"]);
  take("error_xml", doc["apiErrDemoXml"]);
  const demos = Array.isArray(doc["sdkDemos"]) ? doc["sdkDemos"] : [];
  const java = demos.find((d: unknown) => isObject(d) && d["name"] === "JAVA");
  // The documentation center spells the code key `descprition`.
  if (isObject(java)) take("request_java", java["descprition"] ?? java["description"]);
  return out;
}

function errorCodes(value: unknown): ErrorCodeDoc[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((e) => {
    const doc: ErrorCodeDoc = { code: text(e["errorCode"]) ?? "" };
    const message = text(e["errorMsg"]);
    const solution = text(e["solution"]);
    if (message !== undefined && message !== "") doc.message = message;
    if (solution !== undefined && solution !== "") doc.solution = solution;
    return doc;
  });
}

function labels(value: unknown): Authorization | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const label of value.filter(isObject)) {
    const byKey = LABEL_KEYS[text(label["key"]) ?? ""];
    const byName = authorizationLabel(text(label["displayName"]) ?? "");
    if (byKey !== undefined || byName !== undefined) return byKey ?? byName;
  }
  return undefined;
}
