import { TopClient, type ExecuteOptions } from "./client.js";
import { TopResponseError, type TopSdkError } from "./errors.js";
import type { ResponseOf, TopRequest } from "./request.js";
import { readResponse, type TopResult } from "./response.js";
import { encodeForm, serializeParams } from "./wire.js";

/**
 * The batch API, `/router/batch`: several calls in one HTTP request, in the wire form of the
 * official Java SDK (`com.taobao.api.BatchTaobaoClient`, 2016):
 * - POST `/router/batch?<system params>&sign=...`, `Content-Type: text/plain;charset=UTF-8`.
 *   The system params are the usual ones without `method`.
 * - The body is parts joined by a separator, `\r\n-S-\r\n` unless the `top-api-separator`
 *   header names another. An optional first part `#PUBLIC#<query>` holds params shared by every
 *   call: the SDK puts `method=<m>` there when all calls are of one API. Each call's part is its
 *   url-encoded params, with `method` (unless shared) and its own `session` if any; a call
 *   without params is the part `N`.
 * - The sign covers the system params as usual, then the whole body appended after them.
 * - The response body is one response per call (`{"<x>_response": ...}` or `error_response`)
 *   joined by the same separator, in request order. A failure of the batch as a whole comes as a
 *   single part: then every call fails with it.
 * Files cannot travel in a batch: such calls are refused before sending.
 */
export const BATCH_SEPARATOR = "\r\n-S-\r\n";

/** One call of a batch: a request and, optionally, its own session. */
export interface TopBatchCall<Q extends TopRequest = TopRequest> {
  request: Q;
  session?: string;
}

/** The outcome of one call of a batch, in request order. */
export type TopBatchResult<T> = ({ ok: true } & TopResult<T>) | { ok: false; error: TopSdkError };

type Results<C extends readonly TopBatchCall[]> = {
  [K in keyof C]: TopBatchResult<ResponseOf<C[K]["request"]>>;
};

/** A `TopClient` that can also send batches. `gateway` stays the `/router/rest` URL. */
export class TopBatchClient extends TopClient {
  /**
   * Sends `calls` in one request and splits the answers back in order. `options.session`
   * applies to every call without its own. A call's failure does not fail the others.
   */
  async executeBatch<const C extends readonly TopBatchCall[]>(
    calls: C,
    options: ExecuteOptions & { batchUrl?: string; separator?: string } = {},
  ): Promise<Results<C>> {
    const separator = options.separator ?? BATCH_SEPARATOR;
    const methods = new Set(calls.map((c) => c.request.method));
    const shared = methods.size === 1 ? calls[0]?.request.method : undefined;
    const parts = calls.map(({ request, session }) => {
      this.options.validate?.(request.schema, request.params);
      const { params, files } = serializeParams(request.schema, request.params);
      if (files[0]) throw new TypeError(`${request.method}: files cannot be sent in a batch`);
      const own: Record<string, string> = shared
        ? { ...params }
        : { method: request.method, ...params };
      if (session) own["session"] = session;
      return encodeForm(own) || "N";
    });
    if (shared) parts.unshift(`#PUBLIC#${encodeForm({ method: shared })}`);
    const gateway = this.options.gateway ?? "https://eco.taobao.com/router/rest";
    const headers = { ...options.headers };
    if (separator !== BATCH_SEPARATOR) headers["top-api-separator"] = separator;
    const out = {
      method: undefined,
      url: options.batchUrl ?? gateway.replace("/router/rest", "/router/batch"),
      params: {},
      files: [],
      body: parts.join(separator),
    };
    return this.send(out, { ...options, headers }, (raw) => {
      const answers = raw.body.split(separator);
      return calls.map(({ request }, i) => {
        const one = answers.length === calls.length ? answers[i] : answers[0];
        try {
          return {
            ok: true,
            ...readResponse({ ...raw, body: one ?? "" }, request.schema, this.format),
          };
        } catch (e) {
          const error =
            answers.length !== calls.length && e instanceof TopResponseError
              ? new TopResponseError("BATCH_MISMATCH", raw.status, raw.body)
              : (e as TopSdkError);
          return { ok: false, error };
        }
      }) as unknown as Results<C>;
    });
  }
}
