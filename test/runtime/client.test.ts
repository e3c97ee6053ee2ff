import { describe, expect, it } from "vitest";
import {
  TopAbortError,
  TopClient,
  TopError,
  TopNetworkError,
  TopTimeoutError,
  TopValidationError,
  type TopClientOptions,
} from "../../generator/runtime/index.js";
import { retryPolicy } from "../../generator/runtime/retry.js";
import { signParams } from "../../generator/runtime/sign.js";
import { validateParams } from "../../generator/runtime/validate.js";
import { xmlFormat } from "../../generator/runtime/xml.js";
import { CustomerUpdateRequest, fakeFetch, okBody, type Sent } from "./fixtures.js";

const SECRET = "280a8edc3a899b8a1e4cb965732d2441";
const SESSION = "6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805479";
const request = new CustomerUpdateRequest({
  param_customer_update_open_req: { customer_id: "c1" },
});

function client(fetch: typeof globalThis.fetch, more: Partial<TopClientOptions> = {}): TopClient {
  return new TopClient({
    appKey: "12486123",
    appSecret: SECRET,
    gateway: "https://gw.example/router/rest",
    clock: () => new Date(Date.UTC(2012, 1, 15, 15, 2, 5)),
    fetch,
    ...more,
  });
}

const query = (s: Sent): Record<string, string> => Object.fromEntries(s.url.searchParams);
const form = (s: Sent): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(s.init.body as string));

function expectSigned(s: Sent, params: Record<string, string>): void {
  const { sign, ...system } = query(s);
  expect(sign).toBe(signParams({ ...system, ...params }, SECRET, system["sign_method"] as "md5"));
}

describe("TopClient wire", () => {
  it("sends system params in the query and API params in the body, signed", async () => {
    const fetch = fakeFetch(okBody);
    const data = await client(fetch, { partnerId: "top-apitools", simplify: true }).execute(
      request,
      {
        session: SESSION,
        targetAppKey: "999",
      },
    );
    expect(data).toEqual({ result: { biz_success: true }, request_id: "rid1" });
    const sent = fetch.sent[0] as Sent;
    expect(`${sent.url.origin}${sent.url.pathname}`).toBe("https://gw.example/router/rest");
    expect(query(sent)).toMatchObject({
      method: "alibaba.alsc.crm.customer.update",
      app_key: "12486123",
      timestamp: "2012-02-15 23:02:05",
      v: "2.0",
      sign_method: "hmac-sha256",
      format: "json",
      simplify: "true",
      session: SESSION,
      partner_id: "top-apitools",
      target_app_key: "999",
    });
    expect(form(sent)).toEqual({ param_customer_update_open_req: '{"customer_id":"c1"}' });
    expect(sent.headers).toMatchObject({
      "accept-encoding": "gzip",
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
    });
    expectSigned(sent, form(sent));
  });

  it("leaves optional system params out when unset", async () => {
    const fetch = fakeFetch(okBody);
    await client(fetch, { signMethod: "md5" }).execute(request);
    const q = query(fetch.sent[0] as Sent);
    expect(Object.keys(q).sort()).toEqual([
      "app_key",
      "format",
      "method",
      "sign",
      "sign_method",
      "timestamp",
      "v",
    ]);
    expectSigned(fetch.sent[0] as Sent, form(fetch.sent[0] as Sent));
  });

  it("sends a request with a file as multipart, the file unsigned", async () => {
    const fetch = fakeFetch(okBody);
    const image = { data: new Uint8Array([1, 2, 3]), filename: "a.png", contentType: "image/png" };
    const withFile = new CustomerUpdateRequest({
      param_customer_update_open_req: { customer_id: "c1" },
      image,
    });
    await client(fetch).execute(withFile);
    const sent = fetch.sent[0] as Sent;
    const body = sent.init.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get("param_customer_update_open_req")).toBe('{"customer_id":"c1"}');
    expect((body.get("image") as File).name).toBe("a.png");
    expect(sent.headers["content-type"]).toBeUndefined();
    expectSigned(sent, { param_customer_update_open_req: '{"customer_id":"c1"}' });
  });

  it("asks for XML with the opt-in format", async () => {
    const xml =
      "<alibaba_alsc_crm_customer_update_response><result><biz_success>true</biz_success></result></alibaba_alsc_crm_customer_update_response>";
    const fetch = fakeFetch(xml);
    expect(await client(fetch, { format: xmlFormat }).execute(request)).toEqual({
      result: { biz_success: true },
    });
    expect(query(fetch.sent[0] as Sent)["format"]).toBe("xml");
  });

  it("gives the raw response and request id with executeRaw", async () => {
    const fetch = fakeFetch(new Response(okBody, { status: 200, headers: { "x-a": "1" } }));
    const out = await client(fetch).executeRaw(request);
    expect([out.requestId, out.raw.status, out.raw.body, out.raw.headers.get("x-a")]).toEqual([
      "rid1",
      200,
      okBody,
      "1",
    ]);
  });

  it("validates before sending when given validateParams", async () => {
    const fetch = fakeFetch(okBody);
    const bad = new CustomerUpdateRequest({
      param_customer_update_open_req: { customer_id: "toolong" },
    });
    await expect(client(fetch, { validate: validateParams }).execute(bad)).rejects.toMatchObject({
      sdkCode: "VALIDATION_MAX_LENGTH",
      path: "param_customer_update_open_req.customer_id",
    });
    await expect(client(fetch, { validate: validateParams }).execute(bad)).rejects.toBeInstanceOf(
      TopValidationError,
    );
    expect(fetch.sent).toHaveLength(0);
  });
});

const ispError =
  '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.top-remote-connection-timeout"}}';
const isvError =
  '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.invalid-parameter"}}';

describe("TopClient retries", () => {
  const waits: number[] = [];
  const fakeSleep = async (ms: number): Promise<void> => {
    waits.push(ms);
  };
  const retrying = (fetch: typeof globalThis.fetch, options = {}): TopClient =>
    client(fetch, { retry: retryPolicy({ jitter: 0, ...options }), sleep: fakeSleep });

  it("retries an isp fault with backoff, then succeeds", async () => {
    waits.length = 0;
    const fetch = fakeFetch(ispError, ispError, okBody);
    expect(await retrying(fetch).execute(request)).toMatchObject({ request_id: "rid1" });
    expect(waits).toEqual([100, 200]);
    expect(fetch.sent).toHaveLength(3);
    // Each attempt is signed afresh.
    for (const s of fetch.sent) expectSigned(s, form(s));
  });

  it("gives up after maxRetries", async () => {
    waits.length = 0;
    const fetch = fakeFetch(ispError);
    await expect(retrying(fetch, { maxRetries: 2 }).execute(request)).rejects.toMatchObject({
      code: 15,
    });
    expect(fetch.sent).toHaveLength(3);
  });

  it("never retries isv errors, nor without a policy", async () => {
    const fetch = fakeFetch(isvError);
    await expect(retrying(fetch).execute(request)).rejects.toBeInstanceOf(TopError);
    const plain = fakeFetch(ispError);
    await expect(client(plain).execute(request)).rejects.toBeInstanceOf(TopError);
    await expect(retrying(plain).execute(request, { retry: false })).rejects.toBeInstanceOf(
      TopError,
    );
    expect([fetch.sent.length, plain.sent.length]).toEqual([1, 2]);
  });

  it("waits out a short code-7 ban", async () => {
    waits.length = 0;
    const ban =
      '{"error_response":{"code":7,"msg":"App Call Limited","sub_msg":"This ban will last for 1 more seconds"}}';
    const fetch = fakeFetch(ban, okBody);
    await retrying(fetch, { maxBanWaitMs: 5000 }).execute(request);
    expect(waits).toEqual([1000]);
  });

  it("retries network errors and 5xx", async () => {
    waits.length = 0;
    const fetch = fakeFetch(
      () => Promise.reject(new TypeError("fetch failed")),
      new Response("busy", { status: 503 }),
      okBody,
    );
    await retrying(fetch).execute(request);
    expect(fetch.sent).toHaveLength(3);
  });

  it("stops a backoff wait when the signal aborts", async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(async () => {
      setTimeout(() => controller.abort(), 5);
      return new Response(ispError);
    });
    const c = client(fetch, { retry: retryPolicy({ baseDelayMs: 60_000, maxElapsedMs: 120_000 }) });
    const started = Date.now();
    await expect(c.execute(request, { signal: controller.signal })).rejects.toBeInstanceOf(
      TopAbortError,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fetch.sent).toHaveLength(1);
  });
});

describe("TopClient timeouts and aborts", () => {
  const hang = (init: RequestInit): Promise<Response> =>
    new Promise((_resolve, reject) =>
      init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
    );

  it("times out a slow call", async () => {
    await expect(
      client(fakeFetch(hang)).execute(request, { timeoutMs: 20 }),
    ).rejects.toBeInstanceOf(TopTimeoutError);
  });

  it("aborts on the caller's signal, before or during the call", async () => {
    const fetch = fakeFetch(hang);
    await expect(
      client(fetch).execute(request, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(TopAbortError);
    expect(fetch.sent).toHaveLength(0);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 5);
    await expect(
      client(fetch).execute(request, { signal: controller.signal }),
    ).rejects.toMatchObject({ sdkCode: "ABORTED" });
  });

  it("gives a failed fetch as TopNetworkError with its cause", async () => {
    const cause = new TypeError("fetch failed");
    const error = await client(fakeFetch(() => Promise.reject(cause)))
      .execute(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TopNetworkError);
    expect((error as TopNetworkError).cause).toBe(cause);
  });
});

describe("TopClient hooks and logger", () => {
  it("lets beforeRequest change params and headers before signing; afterResponse sees the raw response", async () => {
    const fetch = fakeFetch(okBody);
    const seen: [number, string][] = [];
    await client(fetch, {
      hooks: [
        {
          beforeRequest(ctx) {
            ctx.params["extra"] = "1";
            ctx.query["partner_id"] = "hooked";
            ctx.headers["x-trace"] = "t1";
          },
          afterResponse(ctx) {
            seen.push([ctx.status, ctx.body]);
          },
        },
      ],
    }).execute(request);
    const sent = fetch.sent[0] as Sent;
    expect(form(sent)["extra"]).toBe("1");
    expect(query(sent)["partner_id"]).toBe("hooked");
    expect(sent.headers["x-trace"]).toBe("t1");
    expectSigned(sent, form(sent));
    expect(seen).toEqual([[200, okBody]]);
  });

  it("logs nothing by default and never the secret, session or sign in full", async () => {
    const lines: string[] = [];
    const logger = {
      debug: (m: string, d?: object) => lines.push(m + JSON.stringify(d)),
      warn: (m: string, d?: object) => lines.push(m + JSON.stringify(d)),
    };
    const fetch = fakeFetch(ispError, okBody);
    await client(fetch, {
      logger,
      retry: retryPolicy({ jitter: 0 }),
      sleep: async () => {},
    }).execute(request, {
      session: SESSION,
    });
    const all = lines.join("\n");
    const sign = query(fetch.sent[0] as Sent)["sign"] as string;
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(SESSION);
    expect(all).not.toContain(sign);
    expect(all).toContain(`${SESSION.slice(0, 3)}…${SESSION.slice(-3)}`);
  });
});
