import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TopClientOptions } from "../../generator/runtime/index.js";
import type { MockGateway } from "../../generator/runtime/testing/index.js";
import { APP_KEY, APP_SECRET, KINDS, startE2e, SESSION, type E2ePackage } from "./e2e-package.js";

let pkg: E2ePackage;
let gateway: MockGateway;
beforeAll(async () => ({ pkg, gateway } = await startE2e()));
afterAll(() => gateway.close());
afterEach(() => gateway.clearFaults());

const client = (options: Partial<TopClientOptions> = {}) =>
  new pkg.runtime.TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: gateway.url,
    ...options,
  });
const kinds = () => new pkg.Kinds({ fields: ["tid"] });

/** A simulator of its own whose KINDS answer is `body`: overrides cannot be taken back. */
async function answering(body: object): Promise<MockGateway> {
  const own = await pkg.testing.startMockGateway({
    apis: pkg.mockApis,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
  });
  own.respondWith(KINDS, JSON.stringify(body));
  return own;
}
const withSession = { session: SESSION };

/** What every form of the sample reads as: lists unwrapped, ids exact. */
const EXPECTED = {
  tid: 7104300007405429232n,
  tids: [7104300007405429232n, 1],
  title: "标题",
  on_sale: true,
  created: "2024-03-11 00:30:00",
  price: "12.50",
  items: [{ num_iid: 7104300007405429233n, item_title: "a" }],
};

describe("success responses in every form", () => {
  it("reads wrapped JSON: lists unwrapped, 64-bit ids as bigint (in lists too), request id", async () => {
    const out = await client().executeRaw(kinds(), withSession);
    expect(out.data).toMatchObject(EXPECTED);
    expect(out.requestId).toMatch(/^[0-9a-z]{13}$/);
    expect(out.raw.body).toContain(`"request_id":"${out.requestId}"`);
    expect(out.raw.status).toBe(200);
    expect(out.raw.body).toContain('"tid":7104300007405429232');
  });

  it("reads simplify=true JSON (asks for it on the wire)", async () => {
    const out = await client({ simplify: true }).executeRaw(kinds(), withSession);
    expect(gateway.calls.at(-1)?.params["simplify"]).toBe("true");
    expect(out.raw.body.startsWith('{"topgen_e2e_kinds_response"')).toBe(false);
    expect(out.data).toMatchObject(EXPECTED);
  });

  it("reads XML with the opt-in xmlFormat", async () => {
    const out = await client({ format: pkg.xml.xmlFormat }).executeRaw(kinds(), withSession);
    expect(gateway.calls.at(-1)?.params["format"]).toBe("xml");
    expect(out.raw.body).toContain("<topgen_e2e_kinds_response>");
    expect(out.data).toMatchObject(EXPECTED);
    expect(out.raw.body).toContain(`<request_id>${out.requestId}</request_id>`);
  });

  it("keeps 7104300007405429232 exact however the body spells it", async () => {
    const body = {
      topgen_e2e_kinds_response: {
        tid: "7104300007405429232",
        tids: { number: ["7104300007405429232"] },
        request_id: 42,
      },
    };
    const own = await answering(body);
    try {
      const out = await client({ gateway: own.url }).executeRaw(kinds(), withSession);
      expect(out.data).toMatchObject({ tid: 7104300007405429232n, tids: [7104300007405429232n] });
      expect(out.requestId).toBe("42");
    } finally {
      await own.close();
    }
  });
});

describe("gateway errors", () => {
  it("carries code, msg, subCode, subMsg and requestId of error_response", async () => {
    const own = await answering({
      error_response: {
        code: 41,
        msg: "Invalid arguments",
        sub_code: "isv.invalid-parameter:num_iid",
        sub_msg: "非法参数",
        request_id: "rid-err",
      },
    });
    try {
      const error = await client({ gateway: own.url })
        .execute(kinds(), withSession)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(pkg.runtime.TopError);
      expect(error).toBeInstanceOf(pkg.runtime.TopSdkError);
      expect(error).toMatchObject({
        name: "TopError",
        sdkCode: "GATEWAY",
        code: 41,
        msg: "Invalid arguments",
        subCode: "isv.invalid-parameter:num_iid",
        subMsg: "非法参数",
        requestId: "rid-err",
        banSeconds: undefined,
      });
    } finally {
      await own.close();
    }
  });

  it("reads an isp fault as code 15 with its sub code", async () => {
    gateway.inject({ kind: "isp" }, { times: 1 });
    await expect(client().execute(kinds(), withSession)).rejects.toMatchObject({
      code: 15,
      subCode: "isp.top-remote-connection-timeout",
    });
  });

  it("reads the seconds of a code-7 ban", async () => {
    gateway.inject({ kind: "ban", seconds: 41 }, { times: 1 });
    await expect(client().execute(kinds(), withSession)).rejects.toMatchObject({
      code: 7,
      subCode: "accesscontrol.limited-by-app-access-count",
      banSeconds: 41,
    });
  });

  it("reads error_response in XML too", async () => {
    gateway.inject({ kind: "isp", subCode: "isp.x" }, { times: 1 });
    const call = client({ format: pkg.xml.xmlFormat }).execute(kinds(), withSession);
    await expect(call).rejects.toMatchObject({ name: "TopError", code: 15, subCode: "isp.x" });
  });
});

describe("transport faults become clear errors", () => {
  it("an HTML 403 page with status 200 is a TopResponseError RESPONSE_HTML", async () => {
    gateway.inject({ kind: "html", status: 200 }, { times: 1 });
    const error = await client()
      .execute(kinds(), withSession)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.runtime.TopResponseError);
    expect(error).not.toBeInstanceOf(pkg.runtime.TopHttpError);
    expect(error).toMatchObject({ sdkCode: "RESPONSE_HTML", status: 200 });
    expect((error as { body: string }).body).toContain("403 Forbidden");
  });

  it("an HTML 403 page with status 403 is a TopHttpError", async () => {
    gateway.inject({ kind: "html", status: 403 }, { times: 1 });
    const call = client().execute(kinds(), withSession);
    await expect(call).rejects.toBeInstanceOf(pkg.runtime.TopHttpError);
    await expect(call).rejects.toMatchObject({ status: 403, sdkCode: "RESPONSE_HTML" });
  });

  it("HTTP 5xx is a TopHttpError with the status", async () => {
    gateway.inject({ kind: "http-error", status: 503 }, { times: 1 });
    const call = client().execute(kinds(), withSession);
    await expect(call).rejects.toBeInstanceOf(pkg.runtime.TopHttpError);
    await expect(call).rejects.toMatchObject({ status: 503 });
  });

  it("raw control characters in a string are recovered, not a crash", async () => {
    gateway.inject({ kind: "control-chars" }, { times: 1 });
    const out = await client().executeRaw(kinds(), withSession);
    expect(out.raw.body).toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(out.data).toMatchObject({ tid: 7104300007405429232n, on_sale: true });
    expect(JSON.stringify(out.data, (_k, v: unknown) => (typeof v === "bigint" ? 0 : v))).toMatch(
      /\\u00[01][0-9a-f]/,
    );
  });

  it("a dropped connection is a TopNetworkError", async () => {
    gateway.inject({ kind: "drop" }, { times: 1 });
    const call = client().execute(kinds(), withSession);
    await expect(call).rejects.toBeInstanceOf(pkg.runtime.TopNetworkError);
    await expect(call).rejects.toMatchObject({ sdkCode: "NETWORK" });
  });

  it("a slow answer past timeoutMs is a TopTimeoutError", async () => {
    gateway.inject({ kind: "latency", ms: 400 }, { times: 1 });
    const started = Date.now();
    const call = client({ timeoutMs: 50 }).execute(kinds(), withSession);
    await expect(call).rejects.toBeInstanceOf(pkg.runtime.TopTimeoutError);
    await expect(call).rejects.toMatchObject({ timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(350);
  });

  it("a call's timeoutMs wins over the client's", async () => {
    gateway.inject({ kind: "latency", ms: 400 }, { times: 1 });
    const call = client({ timeoutMs: 10_000 }).execute(kinds(), { ...withSession, timeoutMs: 30 });
    await expect(call).rejects.toMatchObject({ sdkCode: "TIMEOUT", timeoutMs: 30 });
  });

  it("the caller's AbortSignal ends the call with TopAbortError", async () => {
    gateway.inject({ kind: "latency", ms: 400 }, { times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort("user left"), 30);
    const call = client().execute(kinds(), { ...withSession, signal: controller.signal });
    await expect(call).rejects.toBeInstanceOf(pkg.runtime.TopAbortError);
    await expect(call).rejects.toMatchObject({ sdkCode: "ABORTED", cause: "user left" });
  });

  it("an already aborted signal sends nothing", async () => {
    const before = gateway.calls.length;
    const signal = AbortSignal.abort();
    await expect(client().execute(kinds(), { ...withSession, signal })).rejects.toBeInstanceOf(
      pkg.runtime.TopAbortError,
    );
    expect(gateway.calls.length).toBe(before);
  });
});
