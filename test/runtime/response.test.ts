import { describe, expect, it } from "vitest";
import { TopError, TopHttpError, TopResponseError } from "../../generator/runtime/errors.js";
import { jsonFormat, readResponse } from "../../generator/runtime/response.js";
import { customerUpdate } from "./fixtures.js";

const read = (body: string, status = 200): { data: unknown; requestId: string | undefined } =>
  readResponse({ status, body }, customerUpdate, jsonFormat);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

describe("readResponse", () => {
  it("unwraps the response key and list wrappers, recursively through types", () => {
    const body = `{"alibaba_alsc_crm_customer_update_response":{"result":{"biz_success":true,
      "tag_ids":{"string":["a","b"]}},"orders":{"order_detail_cursor_top_d_t_o":[{"tid":7104300007405429232,
      "items":{"order":[{"tid":1}]}}]},"request_id":"r1"}}`;
    expect(read(body)).toEqual({
      data: {
        result: { biz_success: true, tag_ids: ["a", "b"] },
        orders: [{ tid: 7104300007405429232n, items: [{ tid: 1 }] }],
        request_id: "r1",
      },
      requestId: "r1",
    });
  });

  it("reads the simplified form, fields at the root", () => {
    const body = '{"result":{"tag_ids":["a"]},"orders":[{"tid":2}],"request_id":"r2"}';
    expect(read(body)).toEqual({
      data: { result: { tag_ids: ["a"] }, orders: [{ tid: 2 }], request_id: "r2" },
      requestId: "r2",
    });
  });

  it("repairs lenient values", () => {
    const body = JSON.stringify({
      result: {
        biz_success: "true",
        gender: "7104300007405429232",
        created: 1700000000000,
        price: 12.5,
        tag_ids: { string: "one" },
      },
      orders: [{ tid: "42" }],
    });
    expect(read(body).data).toEqual({
      result: {
        biz_success: true,
        gender: 7104300007405429232n,
        created: "2023-11-15 06:13:20",
        price: "12.5",
        tag_ids: ["one"],
      },
      orders: [{ tid: 42 }],
    });
  });

  it("keeps business error fields as data", () => {
    expect(read('{"result":{"biz_success":false},"error_code":"X"}').data).toEqual({
      result: { biz_success: false },
      error_code: "X",
    });
  });

  it("turns error_response into TopError", () => {
    const e = thrown(() =>
      read(
        '{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.unknown-error",' +
          '"sub_msg":"x","request_id":"r3"}}',
      ),
    ) as TopError;
    expect(e).toBeInstanceOf(TopError);
    expect([e.code, e.subCode, e.requestId, e.sdkCode]).toEqual([
      15,
      "isp.unknown-error",
      "r3",
      "GATEWAY",
    ]);
  });

  it("recovers raw control characters in JSON strings", () => {
    expect(read('{"result":{"tag_ids":["a\u0007b"]}}').data).toEqual({
      result: { tag_ids: ["a\u0007b"] },
    });
  });

  it("gives unreadable JSON as RESPONSE_INVALID with the raw body", () => {
    const e = thrown(() => read('{"result":{"a"')) as TopResponseError;
    expect([e.constructor, e.sdkCode, e.status, e.body]).toEqual([
      TopResponseError,
      "RESPONSE_INVALID",
      200,
      '{"result":{"a"',
    ]);
  });

  it("gives an HTML page at status 200 as RESPONSE_HTML", () => {
    const page = "<!DOCTYPE html><html><body>blocked</body></html>";
    const e = thrown(() => read(page)) as TopResponseError;
    expect([e.sdkCode, e.status, e.body]).toEqual(["RESPONSE_HTML", 200, page]);
  });

  it("gives an HTML page at 403 as TopHttpError, code RESPONSE_HTML", () => {
    const e = thrown(() => read("<html><body>403 Forbidden</body></html>", 403)) as TopHttpError;
    expect(e).toBeInstanceOf(TopHttpError);
    expect([e.sdkCode, e.status]).toEqual(["RESPONSE_HTML", 403]);
  });

  it("prefers the gateway error over a non-2xx status, else HTTP_STATUS", () => {
    expect(thrown(() => read('{"error_response":{"code":7,"msg":"limited"}}', 503))).toBeInstanceOf(
      TopError,
    );
    const e = thrown(() => read('{"x":1}', 502)) as TopHttpError;
    expect([e.sdkCode, e.status]).toEqual(["HTTP_STATUS", 502]);
  });

  it("gives a non-object body as RESPONSE_UNEXPECTED", () => {
    expect((thrown(() => read("[1]")) as TopResponseError).sdkCode).toBe("RESPONSE_UNEXPECTED");
  });
});
