import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TopClientOptions, TopValidationError } from "../../generator/runtime/index.js";
import type { MockGateway } from "../../generator/runtime/testing/index.js";
import {
  APP_KEY,
  APP_SECRET,
  KINDS,
  startE2e,
  PING,
  SESSION,
  type E2ePackage,
} from "./e2e-package.js";

let pkg: E2ePackage;
let gateway: MockGateway;
beforeAll(async () => ({ pkg, gateway } = await startE2e()));
afterAll(() => gateway.close());
afterEach(() => gateway.clearFaults());

const options = (more: Partial<TopClientOptions> = {}): TopClientOptions => ({
  appKey: APP_KEY,
  appSecret: APP_SECRET,
  gateway: gateway.url,
  ...more,
});

describe("TopApi: a typed method per API, validation on", () => {
  it("calls the API through its method", async () => {
    const api = new pkg.TopApi(options());
    const out = await api.taobaoTopgenE2eKinds({ fields: ["tid", "title"] }, { session: SESSION });
    expect(out).toMatchObject({ tid: 7104300007405429232n, title: "标题" });
    expect(gateway.calls.at(-1)?.params).toMatchObject({ method: KINDS, fields: "tid,title" });
    await expect(api.taobaoTopgenE2ePing({ q: "x" })).resolves.toMatchObject({ echo: "pong" });
  });

  it("refuses bad params before sending, with every issue's code and path", async () => {
    const api = new pkg.TopApi(options());
    const before = gateway.calls.length;
    const error = (await api
      .taobaoTopgenE2eKinds(
        {
          title: "eleven char",
          num_iid: 0,
          ids: [1, 2, 3, 4],
          item: { item_name: "too long", tags: ["a"] },
          skus: [{ sku_id: "12x" }],
        },
        { session: SESSION },
      )
      .catch((e: unknown) => e)) as TopValidationError;
    expect(error).toBeInstanceOf(pkg.runtime.TopValidationError);
    expect(error.issues).toEqual([
      { code: "VALIDATION_REQUIRED", path: "fields" },
      { code: "VALIDATION_MAX_LENGTH", path: "title" },
      { code: "VALIDATION_MIN_VALUE", path: "num_iid" },
      { code: "VALIDATION_MAX_LIST_SIZE", path: "ids" },
      { code: "VALIDATION_MAX_LENGTH", path: "item.item_name" },
      { code: "VALIDATION_TYPE", path: "skus[0].sku_id" },
    ]);
    expect([error.sdkCode, error.path]).toEqual(["VALIDATION_REQUIRED", "fields"]);
    expect(gateway.calls.length).toBe(before);
  });

  it("a plain TopClient leaves the check to the gateway (code 40)", async () => {
    const client = new pkg.runtime.TopClient(options());
    const call = client.execute(new pkg.Kinds({}), { session: SESSION });
    await expect(call).rejects.toMatchObject({ code: 40 });
  });
});

describe("hooks", () => {
  it("see each attempt and may alter params and headers before signing", async () => {
    const seen: string[] = [];
    const client = new pkg.runtime.TopClient(
      options({
        retry: pkg.retry.retryPolicy({ baseDelayMs: 1 }),
        hooks: [
          {
            beforeRequest(ctx) {
              seen.push(`before ${ctx.method} #${ctx.attempt} ${ctx.query["app_key"]}`);
              ctx.params["q"] = "from the hook";
              ctx.headers["x-trace-id"] = "trace-1";
            },
            afterResponse(ctx) {
              seen.push(`after #${ctx.attempt} ${ctx.status} ${ctx.body.includes("pong")}`);
            },
          },
        ],
      }),
    );
    gateway.inject({ kind: "isp" }, { times: 1 });
    await expect(client.execute(new pkg.Ping({ q: "mine" }))).resolves.toMatchObject({
      echo: "pong",
    });
    const call = gateway.calls.at(-1);
    // Accepted: the hook's param was signed.
    expect(call?.params["q"]).toBe("from the hook");
    expect(call?.headers["x-trace-id"]).toBe("trace-1");
    expect(seen).toEqual([
      `before ${PING} #0 ${APP_KEY}`,
      "after #0 200 false",
      `before ${PING} #1 ${APP_KEY}`,
      "after #1 200 true",
    ]);
  });
});

describe("logger", () => {
  it("logs each call and retry, never the secret, session or sign in full", async () => {
    const lines: string[] = [];
    const log = (message: string, data?: Record<string, unknown>) =>
      void lines.push(`${message} ${JSON.stringify(data)}`);
    const client = new pkg.runtime.TopClient(
      options({
        logger: { debug: log, warn: log },
        retry: pkg.retry.retryPolicy({ baseDelayMs: 1 }),
      }),
    );
    gateway.inject({ kind: "isp" }, { times: 1 });
    await client.execute(new pkg.Kinds({ fields: ["tid"] }), { session: SESSION });
    const sign = gateway.calls.at(-1)?.params["sign"] ?? "";
    expect(sign).toHaveLength(64);
    const all = lines.join("\n");
    expect(lines).toHaveLength(3);
    expect(all).toContain("top retry");
    expect(all).toContain(KINDS);
    for (const secret of [APP_SECRET, SESSION, sign]) expect(all).not.toContain(secret);
    expect(all).toContain(`"session":"${SESSION.slice(0, 3)}…${SESSION.slice(-3)}"`);
  });
});

describe("batch API (TopBatchClient)", () => {
  it("sends several calls in one request and answers them in order, each on its own", async () => {
    const client = new pkg.batch.TopBatchClient(options());
    const before = gateway.calls.length;
    const results = await client.executeBatch(
      [
        { request: new pkg.Ping({ q: "1" }) },
        { request: new pkg.Kinds({ fields: ["tid"] }), session: SESSION },
        { request: new pkg.Kinds({}), session: SESSION },
        { request: new pkg.Kinds({ fields: ["title"] }) },
      ],
      { batchUrl: gateway.batchUrl },
    );
    const calls = gateway.calls.slice(before);
    expect(calls.map((c) => [c.path, c.method, c.params["fields"]])).toEqual([
      ["/router/batch", PING, undefined],
      ["/router/batch", KINDS, "tid"],
      ["/router/batch", KINDS, undefined],
      ["/router/batch", KINDS, "title"],
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false]);
    expect(results[0]).toMatchObject({ ok: true, data: { echo: "pong" } });
    expect(results[1]).toMatchObject({ ok: true, data: { tid: 7104300007405429232n } });
    expect(results[2]).toMatchObject({ ok: false, error: { code: 40 } });
    expect(results[3]).toMatchObject({ ok: false, error: { code: 27 } });
  });

  it("fails every call with the batch's own refusal (wrong secret: code 25)", async () => {
    const client = new pkg.batch.TopBatchClient(options({ appSecret: "wrong" }));
    const results = await client.executeBatch([
      { request: new pkg.Ping({}) },
      { request: new pkg.Ping({ q: "2" }) },
    ]);
    expect(results.map((r) => !r.ok && r.error.sdkCode)).toEqual(["GATEWAY", "GATEWAY"]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 25 } });
  });
});
