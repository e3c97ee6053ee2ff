import { formatGmt8 } from "../../generator/runtime/time.js";
import { signParams, type SignMethod } from "../../generator/runtime/sign.js";
import { MOCK_APP_KEY, MOCK_APP_SECRET } from "../../generator/runtime/testing/mock-gateway.js";

/** How a test call differs from a well-formed one. */
export interface CallOptions {
  method: string;
  params?: Record<string, string>;
  /** System params added or replaced before signing; `undefined` removes one. */
  system?: Record<string, string | undefined>;
  signMethod?: SignMethod;
  secret?: string;
  /** Sent instead of the computed signature. */
  sign?: string;
  files?: Record<string, Blob>;
}

export interface Answer {
  status: number;
  type: string;
  text: string;
}

const SYSTEM_NAMES = new Set([
  "method",
  "app_key",
  "timestamp",
  "v",
  "sign_method",
  "format",
  "simplify",
  "session",
  "sign",
]);

/** Calls the simulator as SDKs do: system params and `sign` in the query, the rest in the body. */
export async function callGateway(url: string, options: CallOptions): Promise<Answer> {
  const signMethod = options.signMethod ?? "md5";
  const all: Record<string, string | undefined> = {
    method: options.method,
    app_key: MOCK_APP_KEY,
    timestamp: formatGmt8(new Date()),
    v: "2.0",
    sign_method: signMethod,
    format: "json",
    ...options.system,
    ...options.params,
  };
  const sent = Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const sign = options.sign ?? signParams(sent, options.secret ?? MOCK_APP_SECRET, signMethod);

  const query = new URLSearchParams({ sign });
  const body = new FormData();
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(sent)) {
    if (SYSTEM_NAMES.has(key)) query.set(key, value);
    else {
      form.set(key, value);
      body.set(key, value);
    }
  }
  for (const [key, file] of Object.entries(options.files ?? {})) body.set(key, file, `${key}.bin`);

  const multipart = options.files !== undefined;
  const response = await fetch(`${url}?${query}`, {
    method: "POST",
    body: multipart ? body : form,
  });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

/** The `error_response.code` of a JSON answer, or undefined for a success. */
export function errorCode(text: string): number | undefined {
  const parsed = JSON.parse(text) as { error_response?: { code: number } };
  return parsed.error_response?.code;
}
