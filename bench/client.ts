/**
 * `npm run bench:client`: the generated client against the gateway simulator on loopback, beside
 * a bare `fetch` sending the same bytes (a body signed once, up front), then the client's own
 * cost per call without any network. The goal printed beside each figure: the client adds less
 * than 50 µs per call over bare fetch. Figures only; it never fails on a goal.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { mockApiOf } from "../generator/cli/mock-command.js";
import { jsonFormat, readResponse } from "../generator/runtime/response.js";
import { signParams } from "../generator/runtime/sign.js";
import { startMockGateway } from "../generator/runtime/testing/index.js";
import { formatGmt8 } from "../generator/runtime/time.js";
import { encodeForm, serializeParams } from "../generator/runtime/wire.js";
import { DiagnosticBag } from "../generator/spec/diagnostics.js";
import { parseSpec } from "../generator/spec/read-spec.js";
import { AlibabaAlscCrmCustomerUpdateRequest, TopClient } from "../generated/src/index.js";

const GOAL_US = 50;
const APP_KEY = "12345678";
const APP_SECRET = "bench-secret";
const SESSION = "bench-session";
/** Each loopback run stops at whichever comes first. */
const MAX_CALLS = 3000;
const MAX_MS = 3000;

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const request = () =>
  new AlibabaAlscCrmCustomerUpdateRequest({
    param_customer_update_open_req: {
      customer_id: "201928293724",
      name: "张三",
      tag_ids: ["2019346387"],
      customer_type: 0,
    },
  });

/** Runs `call` with `concurrency` workers until MAX_CALLS or MAX_MS; calls per second. */
async function rate(concurrency: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await call();
  let done = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (done < MAX_CALLS && performance.now() - started < MAX_MS) {
      await call();
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (done * 1000) / (performance.now() - started);
}

/** Mean microseconds per call of `f`, after a warm-up. */
async function micros(runs: number, f: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(runs, 2000); i++) await f();
  const started = performance.now();
  for (let i = 0; i < runs; i++) await f();
  return ((performance.now() - started) * 1000) / runs;
}

const verdict = (us: number): string => (us < GOAL_US ? "within" : "OVER");

async function main(): Promise<void> {
  const specPath = join(
    import.meta.dirname,
    "..",
    "specs",
    "alibaba.alsc.crm.customer.update.yaml",
  );
  const diags = new DiagnosticBag();
  const spec = parseSpec(await readFile(specPath, "utf8"), specPath, diags);
  if (spec === undefined) throw new Error(`${specPath}: invalid spec`);
  const api = mockApiOf(spec, diags);
  const gateway = await startMockGateway({ apis: [api], appKey: APP_KEY, appSecret: APP_SECRET });
  const client = new TopClient({ appKey: APP_KEY, appSecret: APP_SECRET, gateway: gateway.url });

  // The same bytes the client sends, signed once: what an app hand-rolling the call would send.
  const { params } = serializeParams(api.schema, request().params);
  const query: Record<string, string> = {
    method: api.schema.method,
    app_key: APP_KEY,
    timestamp: formatGmt8(new Date()),
    v: "2.0",
    sign_method: "hmac-sha256",
    format: "json",
    session: SESSION,
  };
  const sign = signParams({ ...params, ...query }, APP_SECRET, "hmac-sha256");
  const url = `${gateway.url}?${encodeForm({ ...query, sign })}`;
  const body = encodeForm(params);
  const headers = {
    "accept-encoding": "gzip",
    "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
  };
  const bare = async (): Promise<string> => {
    const res = await fetch(url, { method: "POST", headers, body, redirect: "manual" });
    return res.text();
  };
  const viaClient = () => client.execute(request(), { session: SESSION });
  const check = await client.executeRaw(request(), { session: SESSION });
  if (check.data.result?.biz_success !== true) throw new Error("the simulator answered no success");
  const sample = check.raw.body;

  out(`loopback, simulator at ${gateway.url} (each run: ${MAX_CALLS} calls or ${MAX_MS} ms)`);
  for (const concurrency of [1, 16]) {
    const bareRate = await rate(concurrency, bare);
    const clientRate = await rate(concurrency, viaClient);
    // 1/rate is the time per call at that concurrency; the simulator shares this process's CPU.
    const addedUs = (1 / clientRate - 1 / bareRate) * 1e6;
    const label = concurrency === 1 ? "sequential" : `concurrency ${concurrency}`;
    out(
      `  ${label.padEnd(16)} bare fetch ${bareRate.toFixed(0).padStart(6)}/s   client ` +
        `${clientRate.toFixed(0).padStart(6)}/s   added ${addedUs.toFixed(1).padStart(6)} µs/call ` +
        `(goal < ${GOAL_US} µs: ${verdict(addedUs)})`,
    );
  }
  await gateway.close();

  // Without a network: an in-memory fetch answering the simulator's success body.
  const memoryFetch = async (): Promise<Response> => new Response(sample);
  const inMemory = new TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    fetch: memoryFetch as typeof fetch,
  });
  out("client's own cost, in-memory fetch (no network)");
  const parts: [string, number][] = [
    [
      "serialize params",
      await micros(100_000, () => serializeParams(api.schema, request().params)),
    ],
    [
      "sign (hmac-sha256)",
      await micros(100_000, () => signParams({ ...params, ...query }, APP_SECRET, "hmac-sha256")),
    ],
    [
      "parse response",
      await micros(100_000, () =>
        readResponse({ status: 200, body: sample }, api.schema, jsonFormat),
      ),
    ],
  ];
  for (const [label, us] of parts) out(`  ${label.padEnd(28)} ${us.toFixed(2).padStart(8)} µs`);
  const bareUs = await micros(30_000, async () => (await memoryFetch()).text());
  const clientUs = await micros(30_000, () => inMemory.execute(request(), { session: SESSION }));
  const own = clientUs - bareUs;
  out(`  ${"bare fetch + text()".padEnd(28)} ${bareUs.toFixed(2).padStart(8)} µs`);
  out(`  ${"client.execute".padEnd(28)} ${clientUs.toFixed(2).padStart(8)} µs`);
  out(
    `  ${"added by the client".padEnd(28)} ${own.toFixed(2).padStart(8)} µs ` +
      `(goal < ${GOAL_US} µs: ${verdict(own)})`,
  );
}

await main();
