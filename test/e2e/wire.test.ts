import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TopClientOptions } from "../../generator/runtime/index.js";
import { signParams, type SignMethod } from "../../generator/runtime/sign.js";
import { formatGmt8 } from "../../generator/runtime/time.js";
import type { MockCall, MockGateway } from "../../generator/runtime/testing/index.js";
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

const client = (options: Partial<TopClientOptions> = {}) =>
  new pkg.runtime.TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: gateway.url,
    ...options,
  });
const lastCall = (): MockCall => gateway.calls.at(-1) as MockCall;
const kinds = (params: object) => new pkg.Kinds({ fields: ["tid"], ...params });

/** The gateway's own check of a recorded call: its sign over every text param sent. */
function expectSignedOver(call: MockCall, secret = APP_SECRET): void {
  const { sign, ...signed } = call.params;
  const method = call.params["sign_method"] as SignMethod;
  expect(sign).toBe(signParams(signed, secret, method));
}

describe("signing and system params, against the simulator", () => {
  for (const signMethod of ["md5", "hmac", "hmac-sha256"] as const) {
    it(`is accepted when signed with ${signMethod}`, async () => {
      const res = await client({ signMethod }).execute(kinds({}), { session: SESSION });
      expect(res).toMatchObject({ title: "标题" });
      expect(lastCall().params["sign_method"]).toBe(signMethod);
      expectSignedOver(lastCall());
    });
  }

  it("signs with hmac-sha256 unless told otherwise", async () => {
    await client().execute(kinds({}), { session: SESSION });
    expect(lastCall().params["sign_method"]).toBe("hmac-sha256");
  });

  it("sends session, partner_id, target_app_key, v, format; and asks for gzip", async () => {
    await client({ partnerId: "top-sdk-e2e", targetAppKey: "99999" }).execute(kinds({}), {
      session: SESSION,
    });
    const call = lastCall();
    expect(call.params).toMatchObject({
      method: KINDS,
      app_key: APP_KEY,
      session: SESSION,
      partner_id: "top-sdk-e2e",
      target_app_key: "99999",
      v: "2.0",
      format: "json",
    });
    expect(call.params["simplify"]).toBeUndefined();
    expect(call.headers["accept-encoding"]).toBe("gzip");
    expectSignedOver(call);
  });

  it("lets a call's target_app_key win over the client's", async () => {
    await client({ targetAppKey: "1" }).execute(new pkg.Ping({}), { targetAppKey: "2" });
    expect(lastCall().params["target_app_key"]).toBe("2");
  });

  it("is refused with code 27 when the API needs a session and none is sent", async () => {
    const call = client().execute(kinds({}));
    await expect(call).rejects.toBeInstanceOf(pkg.runtime.TopError);
    await expect(call).rejects.toMatchObject({ code: 27 });
    expect(lastCall().params["session"]).toBeUndefined();
  });

  it("is refused with code 25 when signed with another secret", async () => {
    const call = client({ appSecret: "not-the-secret" }).execute(new pkg.Ping({}));
    await expect(call).rejects.toMatchObject({ name: "TopError", code: 25 });
  });

  it("a raw fetch with a wrong sign is refused too (the simulator checks, not the client)", async () => {
    const query = new URLSearchParams({
      method: PING,
      app_key: APP_KEY,
      timestamp: formatGmt8(new Date()),
      v: "2.0",
      sign_method: "md5",
      format: "json",
      sign: "0123456789ABCDEF0123456789ABCDEF",
    });
    const res = await fetch(`${gateway.url}?${query}`, { method: "POST" });
    const body = (await res.json()) as { error_response?: { code: number } };
    expect(body.error_response?.code).toBe(25);
  });
});

describe("timestamps in GMT+8 whatever the host's zone", () => {
  const saved = process.env["TZ"];
  afterAll(() => {
    if (saved === undefined) delete process.env["TZ"];
    else process.env["TZ"] = saved;
  });

  for (const zone of ["America/Los_Angeles", "Asia/Kolkata", "UTC"]) {
    it(`sends yyyy-MM-dd HH:mm:ss GMT+8 with TZ=${zone}, and the gateway accepts it`, async () => {
      process.env["TZ"] = zone;
      // 2024-03-10 16:30 UTC: the US switches to daylight time that day; GMT+8 is past midnight.
      const at = new Date(Date.UTC(2024, 2, 10, 16, 30, 5));
      if (zone !== "UTC") expect(at.getTimezoneOffset()).not.toBe(0);
      const own = await pkg.testing.startMockGateway({
        apis: pkg.mockApis,
        appKey: APP_KEY,
        appSecret: APP_SECRET,
        clock: () => at,
      });
      try {
        const c = client({ gateway: own.url, clock: () => at });
        await expect(c.execute(new pkg.Ping({}))).resolves.toMatchObject({ echo: "pong" });
        expect(own.calls[0]?.params["timestamp"]).toBe("2024-03-11 00:30:05");
        // An hour of skew is refused (code 31): the simulator really checks the time.
        const late = client({ gateway: own.url, clock: () => new Date(at.getTime() + 3600_000) });
        await expect(late.execute(new pkg.Ping({}))).rejects.toMatchObject({ code: 31 });
      } finally {
        await own.close();
      }
    });
  }
});

describe("values on the wire, as the gateway reads them", () => {
  it("writes every value kind in its wire form, and the gateway accepts the sign", async () => {
    await client().execute(
      kinds({
        title: "标题 a&b=c",
        num_iid: 7104300007405429232n,
        ids: [7104300007405429232n, "9223372036854775807", 12],
        on_sale: false,
        modified: new Date(Date.UTC(2024, 0, 1, 16, 0, 0)),
        price: 12.5,
        item: {
          item_name: "名称",
          created: new Date(Date.UTC(2023, 11, 31, 16, 0, 0)),
          tid: 7104300007405429232n,
          tags: ["a", "b"],
          is_virtual: false,
          stock: 0,
        },
        skus: [
          { sku_id: 1, sku_price: "0.01" },
          { sku_id: 9007199254740993n, sku_price: 1e21 },
        ],
      }),
      { session: SESSION },
    );
    const p = lastCall().params;
    expect(p).toMatchObject({
      fields: "tid",
      title: "标题 a&b=c",
      num_iid: "7104300007405429232",
      ids: "7104300007405429232,9223372036854775807,12",
      on_sale: "false",
      modified: "2024-01-02 00:00:00",
      price: "12.5",
    });
    expect(p["item"]).toBe(
      '{"item_name":"名称","created":"2024-01-01 00:00:00","tid":7104300007405429232,' +
        '"tags":["a","b"],"is_virtual":false,"stock":0}',
    );
    expect(p["skus"]).toBe(
      '[{"sku_id":1,"sku_price":"0.01"},' +
        '{"sku_id":9007199254740993,"sku_price":1000000000000000000000}]',
    );
    expectSignedOver(lastCall());
  });

  it("keeps 0 and false, and drops absent values from the wire and the sign", async () => {
    await client().execute(
      kinds({
        num_iid: 0,
        on_sale: false,
        title: "",
        price: undefined,
        modified: null,
        item: { item_name: "x", stock: 0, tid: null, tags: undefined },
      }),
      { session: SESSION },
    );
    const p = lastCall().params;
    expect(p["num_iid"]).toBe("0");
    expect(p["on_sale"]).toBe("false");
    expect(Object.keys(p)).not.toContain("title");
    expect(Object.keys(p)).not.toContain("price");
    expect(Object.keys(p)).not.toContain("modified");
    expect(p["item"]).toBe('{"item_name":"x","stock":0}');
    expectSignedOver(lastCall());
  });

  it("uploads a file as multipart; the file is not signed, the text params are", async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    await client().execute(
      kinds({
        title: "with file",
        image: { data: bytes, filename: "a.png", contentType: "image/png" },
      }),
      { session: SESSION },
    );
    const call = lastCall();
    expect(String(call.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.files["image"]?.filename).toBe("a.png");
    expect(call.files["image"]?.contentType).toBe("image/png");
    expect([...(call.files["image"]?.data ?? [])]).toEqual([...bytes]);
    expect(call.params["title"]).toBe("with file");
    expect(call.params["image"]).toBeUndefined();
    expectSignedOver(call);
  });

  it("sends a form body otherwise", async () => {
    await client().execute(new pkg.Ping({ q: "a b" }));
    expect(lastCall().headers["content-type"]).toBe(
      "application/x-www-form-urlencoded;charset=UTF-8",
    );
    expect(lastCall().params["q"]).toBe("a b");
  });
});
