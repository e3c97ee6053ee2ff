import { TopAbortError, TopNetworkError, TopSdkError, TopTimeoutError } from "./errors.js";
import { redactParams, type TopLogger } from "./logger.js";
import type { ResponseOf, TopRequest } from "./request.js";
import {
  jsonFormat,
  readResponse,
  type ResponseFormat,
  type TopRawResponse,
  type TopResult,
} from "./response.js";
import type { RetryPolicy } from "./retry.js";
import { signParams, type SignMethod } from "./sign.js";
import { formatGmt8 } from "./time.js";
import type { ApiSchema } from "./schema.js";
import { encodeForm, serializeParams, toFormData, type WireParams } from "./wire.js";

/** Options of a `TopClient`. */
export interface TopClientOptions {
  appKey: string;
  /** Signs every call; never logged. */
  appSecret: string;
  /** @default "https://eco.taobao.com/router/rest" */
  gateway?: string;
  /** HMAC-SHA256 is the strongest the gateway accepts. @default "hmac-sha256" */
  signMethod?: SignMethod;
  /**
   * The source of `timestamp`; the gateway rejects more than 10 minutes of skew.
   * @default () => new Date()
   */
  clock?: () => Date;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Asks for the compact JSON form; both forms are read either way. @default false */
  simplify?: boolean;
  /** How bodies are read: `xmlFormat` from `xml.js` switches to XML. @default jsonFormat */
  format?: ResponseFormat;
  /** Sent as `partner_id` when set. @default undefined */
  partnerId?: string;
  /** Sent as `target_app_key` when set; a call's own option wins. @default undefined */
  targetAppKey?: string;
  /** Per HTTP attempt, in milliseconds. @default 30000 */
  timeoutMs?: number;
  /**
   * Retries, opt-in: `retryPolicy(options)` from `retry.js` retries service faults with backoff.
   * @default undefined (no retries)
   */
  retry?: RetryPolicy;
  /** The wait between retries; tests pass a fake. @default the policy's `sleep` */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Middleware, run in order around every HTTP attempt. @default [] */
  hooks?: TopHooks[];
  /** Off unless given; secrets are redacted. @default undefined */
  logger?: TopLogger;
  /**
   * Checks params before sending; pass `validateParams` from `validate.js`. Opt-in to keep the
   * bundle small: without it the gateway itself refuses bad params (codes 40, 41).
   * @default undefined (no check)
   */
  validate?: (schema: ApiSchema, params: object) => void;
}

/** Per-call options. */
export interface ExecuteOptions {
  /** The user's session key, for APIs that need authorization. */
  session?: string;
  signal?: AbortSignal;
  /** @default the client's `timeoutMs` */
  timeoutMs?: number;
  /** @default the client's `targetAppKey` */
  targetAppKey?: string;
  /** This call's retry policy; `false` for none. @default the client's */
  retry?: RetryPolicy | false;
  /** Extra HTTP headers. */
  headers?: Record<string, string>;
}

/** What `beforeRequest` hooks see and may change; the call is signed after them. */
export interface TopRequestContext {
  method: string;
  /** 0 for the first attempt. */
  attempt: number;
  url: string;
  /** System params, sent in the query string. */
  query: Record<string, string>;
  /** API text params, sent in the body. */
  params: Record<string, string>;
  headers: Record<string, string>;
}

/** What `afterResponse` hooks see. */
export interface TopResponseContext extends TopRawResponse {
  method: string;
  attempt: number;
  durationMs: number;
}

/** Middleware around each HTTP attempt. */
export interface TopHooks {
  beforeRequest?(ctx: TopRequestContext): void | Promise<void>;
  afterResponse?(ctx: TopResponseContext): void | Promise<void>;
}

/** `executeRaw`'s result: the typed data with the HTTP response it came from. */
export interface TopRawResult<T> extends TopResult<T> {
  raw: TopRawResponse;
}

/** One HTTP exchange to make: the pieces `TopClient` and `TopBatchClient` differ in. */
export interface TopOutgoing {
  /** The `method` system param; the batch API sends none. */
  method: string | undefined;
  url: string;
  params: Record<string, string>;
  files: WireParams["files"];
  /** A raw text body, signed after the params (batch API). */
  body?: string;
}

/** The client for the TOP gateway: signs, sends, retries and reads calls of generated requests. */
export class TopClient {
  declare protected readonly options: TopClientOptions;
  declare protected readonly format: ResponseFormat;

  // Declared fields, assigned here: class fields would cost bytes in every app bundle.
  constructor(options: TopClientOptions) {
    this.options = options;
    this.format = options.format ?? jsonFormat;
  }

  /** Calls the request's API and returns its typed response. */
  async execute<Q extends TopRequest>(
    request: Q,
    options?: ExecuteOptions,
  ): Promise<ResponseOf<Q>> {
    return (await this.executeRaw(request, options)).data;
  }

  /** `execute`, also giving the request id and the raw HTTP response. */
  executeRaw<Q extends TopRequest>(
    request: Q,
    options: ExecuteOptions = {},
  ): Promise<TopRawResult<ResponseOf<Q>>> {
    const { schema, params } = request;
    const { gateway, validate } = this.options;
    validate?.(schema, params);
    const out: TopOutgoing = {
      method: schema.method,
      url: gateway ?? "https://eco.taobao.com/router/rest",
      ...serializeParams(schema, params),
    };
    return this.send(out, options, (raw) => ({ ...readResponse(raw, schema, this.format), raw }));
  }

  /**
   * Sends `out` until `read` accepts a response or the retry policy gives up. Each attempt gets
   * a fresh timestamp and sign, runs the hooks, and has its own timeout.
   */
  protected async send<T>(
    out: TopOutgoing,
    options: ExecuteOptions,
    read: (raw: TopRawResponse) => T,
  ): Promise<T> {
    const o = this.options;
    const { signal, session } = options;
    const { hooks = [], logger } = o;
    const policy = options.retry ?? o.retry;
    const signMethod = o.signMethod ?? "hmac-sha256";
    const timeoutMs = options.timeoutMs ?? o.timeoutMs ?? 30_000;
    const started = Date.now();
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        if (signal?.aborted) throw new TopAbortError(signal.reason);
        const query = {
          method: out.method,
          app_key: o.appKey,
          timestamp: formatGmt8(o.clock?.() ?? new Date()),
          v: "2.0",
          sign_method: signMethod,
          format: this.format.name,
          simplify: o.simplify && "true",
          session,
          partner_id: o.partnerId,
          target_app_key: options.targetAppKey ?? o.targetAppKey,
        } as Record<string, string>;
        // Absent system params are neither sent nor signed.
        for (const key in query) if (!query[key]) delete query[key];
        const method = out.method ?? "batch";
        const headers: Record<string, string> = { "accept-encoding": "gzip", ...options.headers };
        const ctx = { method, attempt, url: out.url, query, params: { ...out.params }, headers };
        for (const hook of hooks) await hook.beforeRequest?.(ctx);

        const signed = { ...ctx.params, ...query };
        const sign = signParams(signed, o.appSecret, signMethod, out.body);
        // Multipart bodies carry their own content type, with the boundary.
        let body: string | FormData;
        if (out.files[0]) body = toFormData(ctx.params, out.files);
        else {
          body = out.body ?? encodeForm(ctx.params);
          headers["content-type"] = `${out.body ? "text/plain" : FORM};charset=UTF-8`;
        }
        const timeout = AbortSignal.timeout(timeoutMs);
        const sent = Date.now();
        let raw: TopRawResponse;
        try {
          const joiner = ctx.url.includes("?") ? "&" : "?";
          const url = ctx.url + joiner + encodeForm({ ...query, sign });
          const res = await (o.fetch ?? fetch)(url, {
            method: "POST",
            headers,
            body,
            signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
            // A 302 to a login or block page must surface as such, not as the page it leads to.
            redirect: "manual",
          });
          raw = { status: res.status, headers: res.headers, body: await res.text() };
        } catch (e) {
          throw signal?.aborted
            ? new TopAbortError(signal.reason)
            : timeout.aborted
              ? new TopTimeoutError(timeoutMs)
              : new TopNetworkError(e);
        }
        const durationMs = Date.now() - sent;
        logger?.debug?.(
          `top HTTP ${raw.status} in ${durationMs} ms`,
          redactParams({ ...signed, sign }),
        );
        for (const hook of hooks)
          await hook.afterResponse?.({ ...raw, method, attempt, durationMs });
        return read(raw);
      } catch (e) {
        const delay =
          policy && e instanceof TopSdkError
            ? policy.delay(e, attempt, Math.max(Date.now() - started, waited))
            : undefined;
        if (delay === undefined) throw e;
        logger?.warn?.("top retry", {
          method: out.method,
          error: (e as TopSdkError).sdkCode,
          delay,
        });
        await (o.sleep ?? (policy as RetryPolicy).sleep)(delay, signal);
        waited += delay;
      }
    }
  }
}

const FORM = "application/x-www-form-urlencoded";
