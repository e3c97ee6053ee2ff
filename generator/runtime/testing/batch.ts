import type { ServerResponse } from "node:http";
import {
  answerCall,
  faultError,
  isKnown,
  replyForm,
  type GatewayContext,
  type MockCall,
} from "./api-call.js";
import { checkCaller, checkMethod, signedParams, signWithBody } from "./gateway-checks.js";
import { contentType, errorText, GATEWAY_ERRORS } from "./gateway-reply.js";
import type { Incoming } from "./incoming.js";
import { applyFaults, send } from "./transport.js";

/*
 * The batch protocol, `/router/batch`, as the official Java SDK speaks it
 * (taobao-sdk-java `com.taobao.api.BatchTaobaoClient`, "@since Jan 8, 2016", with
 * `TaobaoUtils.signTopRequestWithBody` and `WebUtils.doPost(url, String body, ...)`):
 *
 * Request: POST `/router/batch?<system params>`, `Content-Type: text/plain;charset=UTF-8`.
 * - The query string holds `v`, `app_key`, `timestamp`, `sign` and, when set, `format`,
 *   `sign_method`, `session`, `partner_id`, `target_app_key`, `simplify`. No `method`.
 * - The body is parts joined by a separator, `\r\n-S-\r\n` unless the request names another in
 *   the `top-api-separator` header. An optional first part `#PUBLIC#<query>` holds params shared
 *   by every call (the SDK puts `method` there when all calls are of one API). Then one part per
 *   call: its API params plus `method` (unless shared), `session` and `target_app_key` when the
 *   call has its own, form-urlencoded (`URLEncoder`, UTF-8: spaces as `+`); `N` for no params.
 * - `sign` covers the query params but `sign`, sorted, `key + value` joined, with the body text
 *   exactly as sent appended before hashing: MD5(secret + pairs + body + secret), or
 *   HMAC-MD5 / HMAC-SHA256 keyed with the secret over pairs + body.
 *
 * Response: each call's complete single-call answer (`{"x_response": ...}` or
 * `{"error_response": ...}`) joined by the same separator, in request order. When the batch as a
 * whole is refused (app key, signature, timestamp) the body is one `error_response`: the SDK tells
 * the two apart by the number of parts.
 */
export const BATCH_SEPARATOR = "\r\n-S-\r\n";
export const BATCH_SEPARATOR_HEADER = "top-api-separator";
export const BATCH_PUBLIC_PREFIX = "#PUBLIC#";

/** Splits a batch body into the shared params and each call's own params. */
export function parseBatchBody(
  body: string,
  separator: string,
): { shared: Record<string, string>; calls: Record<string, string>[] } {
  const parts = body === "" ? [] : body.split(separator);
  let shared: Record<string, string> = {};
  if (parts[0]?.startsWith(BATCH_PUBLIC_PREFIX) === true) {
    shared = Object.fromEntries(new URLSearchParams(parts[0].slice(BATCH_PUBLIC_PREFIX.length)));
    parts.shift();
  }
  const calls = parts.map((p) => (p === "N" ? {} : Object.fromEntries(new URLSearchParams(p))));
  return { shared, calls };
}

/** Serves one `/router/batch` request. */
export async function serveBatch(
  ctx: GatewayContext,
  incoming: Incoming,
  res: ServerResponse,
): Promise<void> {
  const system = signedParams(incoming.query);
  const form = replyForm(incoming.query);
  const type = contentType(form);
  const header = incoming.headers[BATCH_SEPARATOR_HEADER];
  const separator = typeof header === "string" && header !== "" ? header : BATCH_SEPARATOR;

  const outcome = await applyFaults(ctx.faults.take(undefined), res);
  if (outcome.handled) return;
  const refuse = (text: string): void => send(res, 200, type, text);
  if (outcome.error !== undefined) return refuse(errorText(outcome.error, form, outcome.corrupt));

  const expected = (method: Parameters<typeof signWithBody>[3]): string =>
    signWithBody(system, incoming.text, ctx.caller.appSecret, method);
  const problem = checkCaller(incoming.query, ctx.caller, expected);
  if (problem !== undefined) return refuse(errorText(problem, form, outcome.corrupt));

  const { shared, calls } = parseBatchBody(incoming.text, separator);
  if (calls.length === 0) {
    const empty = { ...GATEWAY_ERRORS.missingArguments, sub_msg: "the batch has no calls" };
    return refuse(errorText(empty, form, outcome.corrupt));
  }

  const answers: string[] = [];
  for (const own of calls) {
    const params = { ...system, ...shared, ...own };
    const call: MockCall = {
      path: incoming.path,
      method: params["method"],
      params,
      files: {},
      headers: incoming.headers,
    };
    ctx.calls.push(call);
    const slotProblem = checkMethod(params, (m) => isKnown(ctx, m));
    const [fault] = ctx.faults.take(call.method, ["isp", "ban"], true);
    const slotError =
      slotProblem ??
      (fault?.kind === "isp" || fault?.kind === "ban" ? faultError(fault) : undefined);
    answers.push(
      slotError === undefined
        ? await answerCall(ctx, call, form, outcome.corrupt)
        : errorText(slotError, form, outcome.corrupt),
    );
  }
  send(res, 200, type, answers.join(separator));
}
