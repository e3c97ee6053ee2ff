import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatGmt8 } from "../../generator/runtime/time.js";
import {
  startMockGateway,
  type MockGateway,
} from "../../generator/runtime/testing/mock-gateway.js";
import {
  TRADES,
  TRADES_API,
  TRADES_PARAMS,
  UPDATE,
  UPDATE_API,
  UPDATE_PARAMS,
  startFixtureGateway,
} from "./fixtures.js";
import { callGateway, errorCode } from "./signed-call.js";

let gateway: MockGateway;

beforeAll(async () => (gateway = await startFixtureGateway()));
afterAll(() => gateway.close());

const update = (options: Partial<Parameters<typeof callGateway>[1]> = {}) =>
  callGateway(gateway.url, { method: UPDATE.method, params: UPDATE_PARAMS, ...options });

describe("startMockGateway: checks in gateway order", () => {
  it("listens on loopback at /router/rest", () => {
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/router\/rest$/);
  });

  it.each(["md5", "hmac", "hmac-sha256"] as const)("accepts a call signed with %s", async (m) => {
    const answer = await update({ signMethod: m });
    expect(answer.status).toBe(200);
    expect(errorCode(answer.text)).toBeUndefined();
    expect(answer.text).toContain(`"${UPDATE.responseKey}"`);
  });

  it("rejects a wrong signature with 25", async () => {
    expect(errorCode((await update({ secret: "not-the-secret" })).text)).toBe(25);
    expect(errorCode((await update({ sign: "0123456789ABCDEF" })).text)).toBe(25);
  });

  it("rejects a missing method with 21 and an unknown one with 22", async () => {
    expect(errorCode((await update({ system: { method: undefined } })).text)).toBe(21);
    expect(errorCode((await update({ method: "taobao.no.such.api" })).text)).toBe(22);
  });

  it("rejects a missing app key with 28 and an unknown one with 29", async () => {
    expect(errorCode((await update({ system: { app_key: undefined } })).text)).toBe(28);
    expect(errorCode((await update({ system: { app_key: "999" } })).text)).toBe(29);
  });

  it("rejects a timestamp more than 10 minutes off with 31", async () => {
    const stale = formatGmt8(new Date(Date.now() - 11 * 60 * 1000));
    const near = formatGmt8(new Date(Date.now() - 9 * 60 * 1000));
    expect(errorCode((await update({ system: { timestamp: stale } })).text)).toBe(31);
    expect(errorCode((await update({ system: { timestamp: "yesterday" } })).text)).toBe(31);
    expect(errorCode((await update({ system: { timestamp: near } })).text)).toBeUndefined();
  });

  it("rejects a call without a required param with 40 naming it in sub_code", async () => {
    const answer = await update({ params: {} });
    const error = JSON.parse(answer.text) as { error_response: Record<string, unknown> };
    expect(error.error_response["code"]).toBe(40);
    expect(error.error_response["sub_code"]).toBe(
      "isv.missing-parameter:param_customer_update_open_req",
    );
    expect(error.error_response["request_id"]).toMatch(/^[0-9a-z]{13}$/);
  });

  it("asks for a session with 27 when the schema says it is required", async () => {
    const without = await callGateway(gateway.url, {
      method: TRADES.method,
      params: { fields: "tid" },
    });
    expect(errorCode(without.text)).toBe(27);
    const withSession = await callGateway(gateway.url, {
      method: TRADES.method,
      params: TRADES_PARAMS,
    });
    expect(errorCode(withSession.text)).toBeUndefined();
  });

  it("judges skew by the clock and maxSkewMs it is given, and can skip the session check", async () => {
    const then = new Date("2013-05-06T05:52:03Z");
    const server = await startMockGateway({
      apis: [TRADES_API],
      clock: () => then,
      maxSkewMs: 1000,
      requireSession: false,
    });
    try {
      const call = (timestamp: string) =>
        callGateway(server.url, {
          method: TRADES.method,
          params: { fields: "tid" },
          system: { timestamp },
        });
      expect(errorCode((await call("2013-05-06 13:52:03")).text)).toBeUndefined();
      expect(errorCode((await call("2013-05-06 13:52:05")).text)).toBe(31);
      expect(errorCode((await call(formatGmt8(new Date()))).text)).toBe(31);
    } finally {
      await server.close();
    }
  });

  it("answers errors in XML when XML is asked for", async () => {
    const answer = await update({ system: { format: "xml" }, secret: "wrong" });
    expect(answer.type).toMatch(/^text\/xml/);
    expect(answer.text).toMatch(/<error_response><code>25<\/code><msg>Invalid signature<\/msg>/);
  });
});

describe("startMockGateway: answers", () => {
  const trades = (system: Record<string, string | undefined> = {}) =>
    callGateway(gateway.url, { method: TRADES.method, params: TRADES_PARAMS, system });

  it("answers wrapped JSON with the sample's 19-digit id byte-exact and a request_id", async () => {
    const { text, type } = await trades();
    expect(type).toMatch(/^application\/json/);
    expect(text).toContain('"trades":{"trade":[{"tid":7104300007405429232,');
    expect(text).toContain('"tags":{"string":["a","b"]}');
    expect(text).toMatch(/^\{"trades_sold_get_response":\{.*"request_id":"[0-9a-z]{13}"\}\}$/);
  });

  it("answers simplified JSON with plain arrays at the root", async () => {
    const { text } = await trades({ simplify: "true" });
    expect(text).toMatch(/^\{"total_results":1,"trades":\[\{"tid":7104300007405429232,/);
    expect(text).toContain('"tags":["a","b"]');
    expect(text).toMatch(/"request_id":"[0-9a-z]{13}"\}$/);
  });

  it("answers XML converted from the JSON sample, and XML when no format is sent", async () => {
    for (const format of ["xml", undefined]) {
      const { text, type } = await trades({ format });
      expect(type).toMatch(/^text\/xml/);
      expect(text).toContain(
        "<trades_sold_get_response><total_results>1</total_results><trades><trade>" +
          "<tid>7104300007405429232</tid><title>测试</title>" +
          "<tags><string>a</string><string>b</string></tags>",
      );
      expect(text).toMatch(/<request_id>[0-9a-z]{13}<\/request_id><\/trades_sold_get_response>$/);
    }
  });

  it("builds an answer from the response tree with examples and typed placeholders", async () => {
    const { text } = await update();
    const body = JSON.parse(text) as Record<string, { result: Record<string, unknown> }>;
    expect(body[UPDATE.responseKey]?.result).toEqual({
      biz_success: true,
      result: "string",
      tag_ids: { string: ["2019346387"] },
    });
  });

  it("takes multipart calls, leaving files out of the signature, and records them", async () => {
    const before = gateway.calls.length;
    const answer = await update({ files: { image: new Blob([Buffer.from([1, 2, 3])]) } });
    expect(errorCode(answer.text)).toBeUndefined();
    const call = gateway.calls[before];
    expect(call?.method).toBe(UPDATE.method);
    expect(call?.params["param_customer_update_open_req"]).toBe(
      UPDATE_PARAMS.param_customer_update_open_req,
    );
    expect([...(call?.files["image"]?.data ?? [])]).toEqual([1, 2, 3]);
  });

  it("answers with respondWith's text or function once the checks pass", async () => {
    const server = await startMockGateway({ apis: [UPDATE_API] });
    try {
      server.respondWith(UPDATE.method, '{"custom":7104300007405429232}');
      expect(
        (await callGateway(server.url, { method: UPDATE.method, params: UPDATE_PARAMS })).text,
      ).toBe('{"custom":7104300007405429232}');
      server.respondWith("x.echo", (params) => ({ echo: params["word"] }));
      const echo = await callGateway(server.url, { method: "x.echo", params: { word: "hi" } });
      expect(echo.text).toBe('{"echo":"hi"}');
      const unsigned = await callGateway(server.url, { method: "x.echo", sign: "BAD" });
      expect(errorCode(unsigned.text)).toBe(25);
    } finally {
      await server.close();
    }
  });

  it("answers 404 outside the gateway paths", async () => {
    const response = await fetch(gateway.url.replace("/router/rest", "/elsewhere"));
    expect(response.status).toBe(404);
    await response.text();
  });
});
