import { createHash, createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { formatGmt8 } from "../../generator/runtime/time.js";
import { BATCH_SEPARATOR, parseBatchBody } from "../../generator/runtime/testing/batch.js";
import {
  MOCK_APP_KEY,
  MOCK_APP_SECRET,
  type MockGateway,
} from "../../generator/runtime/testing/mock-gateway.js";
import { TRADES, TRADES_PARAMS, UPDATE, UPDATE_PARAMS, startFixtureGateway } from "./fixtures.js";

let gateway: MockGateway;

beforeAll(async () => (gateway = await startFixtureGateway()));
afterEach(() => gateway.clearFaults());
afterAll(() => gateway.close());

interface BatchOptions {
  shared?: Record<string, string>;
  separator?: string;
  signMethod?: "md5" | "hmac";
  secret?: string;
}

/** A batch request as BatchTaobaoClient sends it, signed here independently of the simulator. */
async function batch(calls: Record<string, string>[], options: BatchOptions = {}) {
  const separator = options.separator ?? BATCH_SEPARATOR;
  const parts = calls.map((c) =>
    Object.keys(c).length === 0 ? "N" : String(new URLSearchParams(c)),
  );
  if (options.shared !== undefined) parts.unshift(`#PUBLIC#${new URLSearchParams(options.shared)}`);
  const body = parts.join(separator);

  const signMethod = options.signMethod ?? "md5";
  const system: Record<string, string> = {
    v: "2.0",
    app_key: MOCK_APP_KEY,
    timestamp: formatGmt8(new Date()),
    format: "json",
    sign_method: signMethod,
    session: "batch-session",
  };
  const pairs =
    Object.keys(system)
      .sort()
      .map((k) => k + system[k])
      .join("") + body;
  const secret = options.secret ?? MOCK_APP_SECRET;
  const sign = (
    signMethod === "md5"
      ? createHash("md5").update(secret + pairs + secret, "utf8")
      : createHmac("md5", secret).update(pairs, "utf8")
  )
    .digest("hex")
    .toUpperCase();

  const headers: Record<string, string> = { "content-type": "text/plain;charset=UTF-8" };
  if (options.separator !== undefined) headers["top-api-separator"] = options.separator;
  const query = new URLSearchParams({ ...system, sign });
  const response = await fetch(`${gateway.batchUrl}?${query}`, { method: "POST", headers, body });
  const text = await response.text();
  return { text, parts: text.split(separator) };
}

const codeOf = (part: string | undefined) =>
  (JSON.parse(part ?? "{}") as { error_response?: { code: number } }).error_response?.code;

describe("/router/batch", () => {
  it("answers several calls in order, joined by the separator", async () => {
    const { parts } = await batch([
      { method: UPDATE.method, ...UPDATE_PARAMS },
      { method: TRADES.method, fields: "tid" },
    ]);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^\{"alibaba_alsc_crm_customer_update_response":/);
    expect(parts[1]).toContain('"tid":7104300007405429232');
  });

  it("takes the method from the #PUBLIC# part and the session from the query", async () => {
    const before = gateway.calls.length;
    const { parts } = await batch([{ fields: "tid" }, { fields: "title a" }], {
      shared: { method: TRADES.method },
    });
    expect(parts.map(codeOf)).toEqual([undefined, undefined]);
    expect(gateway.calls[before + 1]?.params).toMatchObject({
      method: TRADES.method,
      fields: "title a",
      session: "batch-session",
    });
  });

  it("answers a per-call error in that call's place only", async () => {
    const { parts } = await batch([
      { method: "taobao.no.such.api" },
      {},
      { method: UPDATE.method, ...UPDATE_PARAMS },
    ]);
    expect(parts.map(codeOf)).toEqual([22, 21, undefined]);
  });

  it("uses the separator named in the top-api-separator header, and hmac", async () => {
    const { parts } = await batch(
      [{ method: UPDATE.method, ...UPDATE_PARAMS }, { method: UPDATE.method }],
      {
        separator: "|SPLIT|",
        signMethod: "hmac",
      },
    );
    expect(parts.map(codeOf)).toEqual([undefined, 40]);
  });

  it("refuses the whole batch with one error_response when the signature is wrong", async () => {
    const { parts } = await batch([{ method: UPDATE.method }, { method: TRADES.method }], {
      secret: "wrong",
    });
    expect(parts).toHaveLength(1);
    expect(codeOf(parts[0])).toBe(25);
  });

  it("puts a fault for one method in that call's place", async () => {
    gateway.inject({ kind: "isp" }, { method: TRADES.method, times: 1 });
    const { parts } = await batch([
      { method: UPDATE.method, ...UPDATE_PARAMS },
      { method: TRADES.method, ...TRADES_PARAMS },
    ]);
    expect(parts.map(codeOf)).toEqual([undefined, 15]);
  });
});

describe("parseBatchBody", () => {
  it("splits shared params, form-decoded calls and N for a call without params", () => {
    const body = `#PUBLIC#method=a.b${BATCH_SEPARATOR}x=1+2&y=%E4%B8%AD${BATCH_SEPARATOR}N`;
    expect(parseBatchBody(body, BATCH_SEPARATOR)).toEqual({
      shared: { method: "a.b" },
      calls: [{ x: "1 2", y: "中" }, {}],
    });
  });
});
