import { createHash, createHmac } from "node:crypto";
import type { ApiSchema } from "../schema.js";
import { signParams, type SignMethod } from "../sign.js";
import { parseGmt8 } from "../time.js";
import { GATEWAY_ERRORS, type GatewayError } from "./gateway-reply.js";

/** What the checks need to know of the simulated app and clock. */
export interface CallerConfig {
  appKey: string;
  appSecret: string;
  clock: () => Date;
  maxSkewMs: number;
}

const SIGN_METHODS: readonly string[] = ["md5", "hmac", "hmac-sha256"];

/**
 * The text parameters a signature covers: all but `sign`, and none with an empty value, as the
 * official Java SDK skips empty values when it signs.
 */
export function signedParams(params: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== "sign" && v !== ""));
}

/**
 * The signature of a request with a raw body (the batch protocol), as the Java SDK's
 * `TaobaoUtils.signTopRequestWithBody` computes it: the body is appended after the sorted
 * `key + value` pairs, then hashed as `signParams` hashes.
 */
export function signWithBody(
  params: Readonly<Record<string, string>>,
  body: string,
  secret: string,
  method: SignMethod,
): string {
  let joined = "";
  for (const key of Object.keys(params).sort()) joined += key + params[key];
  joined += body;
  const hex = (hash: { digest(enc: "hex"): string }): string => hash.digest("hex").toUpperCase();
  switch (method) {
    case "md5":
      return hex(createHash("md5").update(secret + joined + secret, "utf8"));
    case "hmac":
      return hex(createHmac("md5", secret).update(joined, "utf8"));
    case "hmac-sha256":
      return hex(createHmac("sha256", secret).update(joined, "utf8"));
  }
}

const error = (base: GatewayError, sub_msg?: string, sub_code?: string): GatewayError => ({
  ...base,
  ...(sub_code === undefined ? {} : { sub_code }),
  ...(sub_msg === undefined ? {} : { sub_msg }),
});

/** `method` present and known (21, 22), then `format` readable (23). */
export function checkMethod(
  params: Readonly<Record<string, string>>,
  known: (method: string) => boolean,
): GatewayError | undefined {
  const method = params["method"];
  if (method === undefined || method === "") return GATEWAY_ERRORS.missingMethod;
  if (!known(method)) return error(GATEWAY_ERRORS.invalidMethod, `unknown method ${method}`);
  const format = params["format"];
  if (format !== undefined && format !== "json" && format !== "xml") {
    return error(GATEWAY_ERRORS.invalidFormat, `format must be json or xml, not ${format}`);
  }
  return undefined;
}

/**
 * The app's credentials, in gateway order: app key (28, 29), signature (24, 25), timestamp
 * (30, 31), version (32, 34). `expected` computes the signature the gateway would accept.
 */
export function checkCaller(
  params: Readonly<Record<string, string>>,
  config: CallerConfig,
  expected: (method: SignMethod) => string,
): GatewayError | undefined {
  const appKey = params["app_key"];
  if (appKey === undefined || appKey === "") return GATEWAY_ERRORS.missingAppKey;
  if (appKey !== config.appKey) return GATEWAY_ERRORS.invalidAppKey;

  const sign = params["sign"];
  if (sign === undefined || sign === "") return GATEWAY_ERRORS.missingSignature;
  const signMethod = params["sign_method"] ?? "md5";
  if (!SIGN_METHODS.includes(signMethod)) {
    return error(GATEWAY_ERRORS.invalidSignature, `unsupported sign_method ${signMethod}`);
  }
  if (sign.toUpperCase() !== expected(signMethod as SignMethod)) {
    return GATEWAY_ERRORS.invalidSignature;
  }

  const timestamp = params["timestamp"];
  if (timestamp === undefined || timestamp === "") return GATEWAY_ERRORS.missingTimestamp;
  const at = /^\d{13}$/.test(timestamp) ? new Date(Number(timestamp)) : parseGmt8(timestamp);
  if (at === undefined) {
    return error(GATEWAY_ERRORS.invalidTimestamp, "timestamp must be yyyy-MM-dd HH:mm:ss");
  }
  const skew = Math.abs(config.clock().getTime() - at.getTime());
  if (skew > config.maxSkewMs) {
    return error(GATEWAY_ERRORS.invalidTimestamp, `timestamp is ${Math.round(skew / 1000)} s off`);
  }

  const v = params["v"];
  if (v === undefined || v === "") return GATEWAY_ERRORS.missingVersion;
  if (v !== "2.0") return error(GATEWAY_ERRORS.unsupportedVersion, `v must be 2.0, not ${v}`);
  return undefined;
}

/** The call's own arguments: a session when the API needs one (27), required params (40). */
export function checkArguments(
  schema: ApiSchema | undefined,
  params: Readonly<Record<string, string>>,
  files: Readonly<Record<string, unknown>>,
  requireSession: boolean,
): GatewayError | undefined {
  if (schema === undefined) return undefined;
  const session = params["session"];
  if (
    requireSession &&
    schema.session === "required" &&
    (session === undefined || session === "")
  ) {
    return error(GATEWAY_ERRORS.invalidSession, "this API needs a session", "invalid-sessionkey");
  }
  for (const field of schema.request) {
    if (field.required !== true) continue;
    const value = params[field.name];
    if ((value === undefined || value === "") && files[field.name] === undefined) {
      const sub = `isv.missing-parameter:${field.name}`;
      return error(
        GATEWAY_ERRORS.missingArguments,
        `Missing required arguments:${field.name}`,
        sub,
      );
    }
  }
  return undefined;
}

/** The signature the gateway expects for a form call: over every text param sent but `sign`. */
export function formSignature(params: Readonly<Record<string, string>>, secret: string) {
  return (method: SignMethod): string => signParams(signedParams(params), secret, method);
}
