import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FaultBook } from "../../generator/runtime/testing/faults.js";
import type { MockGateway } from "../../generator/runtime/testing/mock-gateway.js";
import { TRADES, TRADES_PARAMS, UPDATE, UPDATE_PARAMS, startFixtureGateway } from "./fixtures.js";
import { callGateway, errorCode } from "./signed-call.js";

let gateway: MockGateway;

beforeAll(async () => (gateway = await startFixtureGateway()));
afterEach(() => gateway.clearFaults());
afterAll(() => gateway.close());

const update = (system: Record<string, string> = {}) =>
  callGateway(gateway.url, { method: UPDATE.method, params: UPDATE_PARAMS, system });
const trades = () => callGateway(gateway.url, { method: TRADES.method, params: TRADES_PARAMS });
const errorOf = (text: string) =>
  (JSON.parse(text) as { error_response: Record<string, unknown> }).error_response;

describe("injected faults", () => {
  it("latency delays the answer by at least its ms", async () => {
    gateway.inject({ kind: "latency", ms: 150 }, { times: 1 });
    const start = Date.now();
    const answer = await update();
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    expect(errorCode(answer.text)).toBeUndefined();
  });

  it("isp answers code 15 with an isp.* sub_code", async () => {
    gateway.inject({ kind: "isp" }, { times: 1 });
    const error = errorOf((await update()).text);
    expect(error["code"]).toBe(15);
    expect(error["sub_code"]).toMatch(/^isp\./);
  });

  it("ban answers code 7 with the ban's length in sub_msg", async () => {
    gateway.inject({ kind: "ban", seconds: 41 }, { times: 1 });
    const error = errorOf((await update()).text);
    expect(error["code"]).toBe(7);
    expect(error["sub_code"]).toBe("accesscontrol.limited-by-app-access-count");
    expect(error["sub_msg"]).toBe("This ban will last for 41 more seconds");
  });

  it.each([200, 403] as const)("html answers a 403 page with HTTP status %i", async (status) => {
    gateway.inject({ kind: "html", status }, { times: 1 });
    const answer = await update();
    expect(answer.status).toBe(status);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/^<!DOCTYPE html>.*403 Forbidden/);
  });

  it("control-chars puts raw control characters inside a JSON string value", async () => {
    gateway.inject({ kind: "control-chars" }, { times: 1 });
    const { text } = await update();
    expect(text).toMatch(/"[^"]*\u0001\u0008\u001f"/);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("drop destroys the connection without a response", async () => {
    gateway.inject({ kind: "drop" }, { times: 1 });
    await expect(update()).rejects.toThrow();
  });

  it("http-error answers its 5xx status", async () => {
    gateway.inject({ kind: "http-error", status: 502 }, { times: 1 });
    expect((await update()).status).toBe(502);
  });

  it("applies to the next N calls of one method only", async () => {
    gateway.inject({ kind: "isp" }, { method: TRADES.method, times: 2 });
    expect(errorCode((await update()).text)).toBeUndefined();
    expect(errorCode((await trades()).text)).toBe(15);
    expect(errorCode((await trades()).text)).toBe(15);
    expect(errorCode((await trades()).text)).toBeUndefined();
  });

  it("applies always without times, until cleared", async () => {
    gateway.inject({ kind: "http-error", status: 503 });
    expect((await update()).status).toBe(503);
    expect((await trades()).status).toBe(503);
    gateway.clearFaults();
    expect((await update()).status).toBe(200);
  });

  it("answers fault errors in XML when XML is asked for", async () => {
    gateway.inject({ kind: "isp", subCode: "isp.unknown-error" }, { times: 1 });
    const { text } = await update({ format: "xml" });
    expect(text).toContain("<error_response><code>15</code>");
    expect(text).toContain("<sub_code>isp.unknown-error</sub_code>");
  });
});

describe("FaultBook", () => {
  it("adds latency to the first other matching fault and counts only what it used", () => {
    const book = new FaultBook();
    book.add({ kind: "latency", ms: 5 }, { times: 1 });
    book.add({ kind: "drop" }, { times: 1 });
    book.add({ kind: "isp" }, { times: 1 });
    expect(book.take("a").map((f) => f.kind)).toEqual(["latency", "drop"]);
    expect(book.take("a").map((f) => f.kind)).toEqual(["isp"]);
    expect(book.take("a")).toEqual([]);
  });

  it("matches a call naming no method only with faults for every method", () => {
    const book = new FaultBook();
    book.add({ kind: "drop" }, { method: "a" });
    expect(book.take(undefined)).toEqual([]);
    expect(book.take("a")).toEqual([{ kind: "drop" }]);
  });
});
