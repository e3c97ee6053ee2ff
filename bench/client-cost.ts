/**
 * The client's own cost per call, over a bare `fetch`: sign + serialize + parse, measured with
 * an in-memory fetch so that no network time hides it. Run: `node --import tsx bench/client-cost.ts`.
 */
import { performance } from "node:perf_hooks";
import { TopClient, TopRequest, type ApiSchema } from "../generator/runtime/index.js";
import { parseJsonLossless } from "../generator/runtime/json.js";
import { jsonFormat, readResponse } from "../generator/runtime/response.js";
import { signParams } from "../generator/runtime/sign.js";
import { serializeParams } from "../generator/runtime/wire.js";

const schema: ApiSchema = {
  method: "alibaba.alsc.crm.customer.update",
  responseKey: "alibaba_alsc_crm_customer_update_response",
  request: [
    { name: "req", kind: "object", required: true, type: "Req" },
    { name: "fields", kind: "string", list: true },
  ],
  response: [
    { name: "result", kind: "object", type: "Result" },
    { name: "orders", kind: "object", list: true, type: "Order", wrap: "order" },
  ],
  types: {
    Req: [
      { name: "customer_id", kind: "string", required: true },
      { name: "tag_ids", kind: "string", list: true },
      { name: "birthday", kind: "date" },
    ],
    Result: [
      { name: "biz_success", kind: "boolean" },
      { name: "tag_ids", kind: "string", list: true, wrap: "string" },
    ],
    Order: [
      { name: "tid", kind: "number" },
      { name: "created", kind: "date" },
    ],
  },
};

class Req extends TopRequest<object, unknown> {
  constructor(params: object) {
    super(schema, params);
  }
}

const params = {
  req: { customer_id: "c-123", tag_ids: ["a", "b", "c"], birthday: new Date(0) },
  fields: ["tid", "created", "payment"],
};
const small = JSON.stringify({
  alibaba_alsc_crm_customer_update_response: {
    result: { biz_success: true, tag_ids: { string: ["a", "b"] } },
    request_id: "abc",
  },
});
const orders = Array.from(
  { length: 500 },
  (_, i) =>
    `{"tid":${7104300007405429232n + BigInt(i)},"created":"2024-01-01 00:00:00","title":"商品 ${i}"}`,
);
const large = `{"alibaba_alsc_crm_customer_update_response":{"orders":{"order":[${orders.join(",")}]},"request_id":"x"}}`;

function time(label: string, runs: number, f: () => unknown): number {
  for (let i = 0; i < Math.min(runs, 2000); i++) f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) f();
  const us = ((performance.now() - t0) * 1000) / runs;
  process.stdout.write(`${label.padEnd(44)} ${us.toFixed(2).padStart(9)} µs\n`);
  return us;
}

async function timeAsync(label: string, runs: number, f: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2000; i++) await f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await f();
  const us = ((performance.now() - t0) * 1000) / runs;
  process.stdout.write(`${label.padEnd(44)} ${us.toFixed(2).padStart(9)} µs\n`);
  return us;
}

const fakeFetch = async (): Promise<Response> => new Response(small);
const bare = async (): Promise<string> => {
  const res = await fakeFetch();
  return res.text();
};
const client = new TopClient({
  appKey: "12345678",
  appSecret: "secret",
  fetch: fakeFetch as typeof fetch,
});
const text = serializeParams(schema, params).params;

time("serializeParams", 200_000, () => serializeParams(schema, params));
time("signParams (hmac-sha256)", 200_000, () =>
  signParams({ ...text, method: schema.method }, "s", "hmac-sha256"),
);
time("readResponse, small body", 200_000, () =>
  readResponse({ status: 200, body: small }, schema, jsonFormat),
);
const kb = (large.length / 1024).toFixed(0);
const plain = time(`JSON.parse, ${kb} KB, 500 ids`, 500, () => JSON.parse(large));
const lossless = time(`parseJsonLossless, ${kb} KB, 500 ids`, 500, () => parseJsonLossless(large));
process.stdout.write(`  lossless / JSON.parse: ${(lossless / plain).toFixed(1)}x\n`);
time(`readResponse, ${kb} KB, 500 ids`, 500, () =>
  readResponse({ status: 200, body: large }, schema, jsonFormat),
);
const base = await timeAsync("bare fetch (in-memory Response + text())", 50_000, bare);
const full = await timeAsync("client.execute over the same fetch", 50_000, () =>
  client.execute(new Req(params)),
);
process.stdout.write(`client's own cost per call: ${(full - base).toFixed(1)} µs (goal < 50 µs)\n`);
