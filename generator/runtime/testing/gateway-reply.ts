import { randomBytes } from "node:crypto";
import { lit, obj, printJson, str, type JsonNode, type JsonObject } from "./json-tree.js";
import { printXml } from "./xml-tree.js";

/** An `error_response` of the gateway. */
export interface GatewayError {
  code: number;
  msg: string;
  sub_code?: string;
  sub_msg?: string;
}

/** The gateway's own errors, with the codes and messages the real gateway answers with. */
export const GATEWAY_ERRORS = {
  appCallLimited: { code: 7, msg: "App Call Limited" },
  remoteServiceError: { code: 15, msg: "Remote service error" },
  missingMethod: { code: 21, msg: "Missing method" },
  invalidMethod: { code: 22, msg: "Invalid method" },
  invalidFormat: { code: 23, msg: "Invalid format" },
  missingSignature: { code: 24, msg: "Missing signature" },
  invalidSignature: { code: 25, msg: "Invalid signature" },
  invalidSession: { code: 27, msg: "Invalid session" },
  missingAppKey: { code: 28, msg: "Missing app key" },
  invalidAppKey: { code: 29, msg: "Invalid app Key" },
  missingTimestamp: { code: 30, msg: "Missing timestamp" },
  invalidTimestamp: { code: 31, msg: "Invalid timestamp" },
  missingVersion: { code: 32, msg: "Missing version" },
  unsupportedVersion: { code: 34, msg: "Unsupported version" },
  missingArguments: { code: 40, msg: "Missing required arguments" },
} as const satisfies Record<string, GatewayError>;

/** How the caller asked to be answered: `format` and `simplify`. */
export interface ReplyForm {
  format: "json" | "xml";
  simplify: boolean;
}

/** Characters the control-character fault puts inside a string value. */
const CONTROL_CHARS = "\u0001\u0008\u001f";

/** A fresh request id of the gateway's shape: 13 lower-case base-36 characters. */
export function newRequestId(): string {
  const n = randomBytes(8).readBigUInt64BE() % 36n ** 13n;
  return n.toString(36).padStart(13, "0");
}

export function contentType(form: ReplyForm): string {
  return form.format === "xml" ? "text/xml;charset=UTF-8" : "application/json;charset=UTF-8";
}

/** Appends raw control characters to the first string value, depth first. */
function taint(node: JsonNode): boolean {
  if (node.t === "str") {
    node.rawSuffix = CONTROL_CHARS;
    return true;
  }
  if (node.t === "arr") return node.items.some(taint);
  if (node.t === "obj") return node.entries.some(([, v]) => taint(v));
  return false;
}

function render(rootKey: string | undefined, body: JsonObject, form: ReplyForm): string {
  if (form.format === "xml") return printXml(rootKey ?? "response", body);
  return printJson(rootKey === undefined ? body : obj([[rootKey, body]]));
}

/**
 * A success reply: `body` plus a fresh `request_id`, inside `{"<responseKey>": ...}` unless
 * simplified. `corrupt` puts raw control characters into the first string value.
 */
export function successText(
  responseKey: string,
  body: JsonObject,
  form: ReplyForm,
  corrupt = false,
): string {
  // Entries are copied so that tainting one reply never touches the stored sample.
  const copy = structuredClone(body);
  copy.entries.push(["request_id", str(newRequestId())]);
  if (corrupt) taint(copy);
  const simplified = form.format === "json" && form.simplify;
  return render(simplified ? undefined : responseKey, copy, form);
}

/** An `error_response` in the requested format, with a fresh `request_id`. */
export function errorText(error: GatewayError, form: ReplyForm, corrupt = false): string {
  const body = obj([
    ["code", lit(String(error.code))],
    ["msg", str(error.msg)],
  ]);
  if (error.sub_code !== undefined) body.entries.push(["sub_code", str(error.sub_code)]);
  if (error.sub_msg !== undefined) body.entries.push(["sub_msg", str(error.sub_msg)]);
  body.entries.push(["request_id", str(newRequestId())]);
  if (corrupt) taint(body);
  return render("error_response", body, form);
}
