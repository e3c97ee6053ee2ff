import { describe, expect, it } from "vitest";
import { BATCH_SEPARATOR, TopBatchClient } from "../../generator/runtime/batch.js";
import { TopError, TopResponseError } from "../../generator/runtime/errors.js";
import { TopRequest, type ApiSchema } from "../../generator/runtime/index.js";
import { signParams } from "../../generator/runtime/sign.js";
import { CustomerUpdateRequest, fakeFetch, okBody, type Sent } from "./fixtures.js";

const userGet: ApiSchema = {
  method: "taobao.user.seller.get",
  responseKey: "user_seller_get_response",
  request: [{ name: "fields", kind: "string", list: true, required: true }],
  response: [{ name: "user", kind: "object", type: "User" }],
  types: { User: [{ name: "user_id", kind: "number" }] },
};

class UserGetRequest extends TopRequest<
  { fields: string[] },
  { user?: { user_id?: number | bigint } }
> {
  constructor(params: { fields: string[] }) {
    super(userGet, params);
  }
}

const batchClient = (fetch: typeof globalThis.fetch): TopBatchClient =>
  new TopBatchClient({
    appKey: "k",
    appSecret: "s",
    gateway: "https://gw.example/router/rest",
    signMethod: "md5",
    clock: () => new Date(0),
    fetch,
  });

const userOk =
  '{"user_seller_get_response":{"user":{"user_id":7104300007405429232},"request_id":"u1"}}';

describe("TopBatchClient", () => {
  it("sends the Java SDK's batch body and splits answers back in order", async () => {
    const fetch = fakeFetch(
      [userOk, '{"error_response":{"code":27,"msg":"Invalid session"}}', okBody].join(
        BATCH_SEPARATOR,
      ),
    );
    const results = await batchClient(fetch).executeBatch(
      [
        { request: new UserGetRequest({ fields: ["user_id", "nick"] }) },
        { request: new UserGetRequest({ fields: ["nick"] }), session: "sess2" },
        {
          request: new CustomerUpdateRequest({
            param_customer_update_open_req: { customer_id: "c" },
          }),
        },
      ],
      { session: "shared" },
    );
    const sent = fetch.sent[0] as Sent;
    expect(`${sent.url.origin}${sent.url.pathname}`).toBe("https://gw.example/router/batch");
    expect(sent.headers["content-type"]).toBe("text/plain;charset=UTF-8");
    const body = sent.init.body as string;
    expect(body.split(BATCH_SEPARATOR)).toEqual([
      "method=taobao.user.seller.get&fields=user_id%2Cnick",
      "method=taobao.user.seller.get&fields=nick&session=sess2",
      "method=alibaba.alsc.crm.customer.update&param_customer_update_open_req=%7B%22customer_id%22%3A%22c%22%7D",
    ]);
    const { sign, ...system } = Object.fromEntries(sent.url.searchParams);
    expect(system["method"]).toBeUndefined();
    expect(system["session"]).toBe("shared");
    expect(sign).toBe(signParams(system, "s", "md5", body));

    expect(results[0]).toEqual({
      ok: true,
      data: { user: { user_id: 7104300007405429232n }, request_id: "u1" },
      requestId: "u1",
    });
    expect(results[1].ok).toBe(false);
    expect(!results[1].ok && results[1].error).toBeInstanceOf(TopError);
    expect(results[2]).toMatchObject({ ok: true, requestId: "rid1" });
  });

  it("shares the method in a #PUBLIC# part when every call is of one API", async () => {
    const fetch = fakeFetch([userOk, userOk].join(BATCH_SEPARATOR));
    await batchClient(fetch).executeBatch([
      { request: new UserGetRequest({ fields: ["a"] }) },
      { request: new UserGetRequest({ fields: ["b"] }) },
    ]);
    expect(((fetch.sent[0] as Sent).init.body as string).split(BATCH_SEPARATOR)).toEqual([
      "#PUBLIC#method=taobao.user.seller.get",
      "fields=a",
      "fields=b",
    ]);
  });

  it("fails every call with the single answer of a failed batch", async () => {
    const fetch = fakeFetch('{"error_response":{"code":25,"msg":"Invalid signature"}}');
    const results = await batchClient(fetch).executeBatch([
      { request: new UserGetRequest({ fields: ["a"] }) },
      {
        request: new CustomerUpdateRequest({
          param_customer_update_open_req: { customer_id: "c" },
        }),
      },
    ]);
    expect(results.map((r) => !r.ok && r.error instanceof TopError && r.error.code)).toEqual([
      25, 25,
    ]);
  });

  it("names a custom separator in the top-api-separator header", async () => {
    const fetch = fakeFetch(["<html>", userOk].join("|SEP|"));
    const results = await batchClient(fetch).executeBatch(
      [
        { request: new UserGetRequest({ fields: ["a"] }) },
        { request: new UserGetRequest({ fields: ["b"] }) },
      ],
      { separator: "|SEP|" },
    );
    expect((fetch.sent[0] as Sent).headers["top-api-separator"]).toBe("|SEP|");
    expect(!results[0].ok && results[0].error).toBeInstanceOf(TopResponseError);
    expect(results[1].ok).toBe(true);
  });

  it("reports a count mismatch that is not a gateway error as BATCH_MISMATCH", async () => {
    const fetch = fakeFetch("garbage");
    const results = await batchClient(fetch).executeBatch([
      { request: new UserGetRequest({ fields: ["a"] }) },
      { request: new UserGetRequest({ fields: ["b"] }) },
    ]);
    expect(results.map((r) => !r.ok && r.error.sdkCode)).toEqual([
      "BATCH_MISMATCH",
      "BATCH_MISMATCH",
    ]);
  });
});
