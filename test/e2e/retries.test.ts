import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TopClientOptions } from "../../generator/runtime/index.js";
import type { RetryOptions } from "../../generator/runtime/retry.js";
import type { MockGateway } from "../../generator/runtime/testing/index.js";
import { APP_KEY, APP_SECRET, startE2e, SESSION, type E2ePackage } from "./e2e-package.js";

let pkg: E2ePackage;
let gateway: MockGateway;
beforeAll(async () => ({ pkg, gateway } = await startE2e()));
afterAll(() => gateway.close());
afterEach(() => gateway.clearFaults());

/** A client retrying fast, whose waits are recorded instead of slept. */
function retrying(retry: RetryOptions = {}, options: Partial<TopClientOptions> = {}) {
  const waits: number[] = [];
  const client = new pkg.runtime.TopClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    gateway: gateway.url,
    retry: pkg.retry.retryPolicy({ baseDelayMs: 1, jitter: 0, ...retry }),
    sleep: async (ms) => void waits.push(ms),
    ...options,
  });
  return { client, waits };
}

/** Runs `call` and counts the HTTP calls the simulator saw meanwhile. */
async function counted(call: () => Promise<unknown>): Promise<[number, unknown]> {
  const before = gateway.calls.length;
  const outcome = await call().catch((e: unknown) => e);
  return [gateway.calls.length - before, outcome];
}

const kinds = (params: object = { fields: ["tid"] }) => new pkg.Kinds(params);
const withSession = { session: SESSION };

describe("retries with retryPolicy (opt-in)", () => {
  it("retries isp.* faults until one succeeds", async () => {
    gateway.inject({ kind: "isp" }, { times: 2 });
    const { client, waits } = retrying();
    const [calls, out] = await counted(() => client.execute(kinds(), withSession));
    expect(calls).toBe(3);
    expect(out).toMatchObject({ title: "标题" });
    expect(waits).toEqual([1, 2]);
  });

  it("gives up after maxRetries with the last error", async () => {
    gateway.inject({ kind: "isp" });
    const { client } = retrying({ maxRetries: 2 });
    const [calls, error] = await counted(() => client.execute(kinds(), withSession));
    expect(calls).toBe(3);
    expect(error).toMatchObject({ code: 15 });
  });

  it("retries HTTP 5xx and dropped connections", async () => {
    gateway.inject({ kind: "http-error", status: 502 }, { times: 1 });
    gateway.inject({ kind: "drop" }, { times: 1 });
    const { client } = retrying();
    const [calls, out] = await counted(() => client.execute(kinds(), withSession));
    expect(calls).toBe(3);
    expect(out).toMatchObject({ on_sale: true });
  });

  it("never retries isv.* errors", async () => {
    gateway.inject({ kind: "isp", subCode: "isv.item-not-exist" }, { times: 1 });
    const { client } = retrying();
    const [calls, error] = await counted(() => client.execute(kinds(), withSession));
    expect(calls).toBe(1);
    expect(error).toMatchObject({ subCode: "isv.item-not-exist" });
  });

  it("never retries code 25 (invalid signature)", async () => {
    const { client } = retrying({}, { appSecret: "wrong" });
    const [calls, error] = await counted(() => client.execute(kinds(), withSession));
    expect(calls).toBe(1);
    expect(error).toMatchObject({ code: 25 });
  });

  it("never retries code 40 (missing arguments)", async () => {
    const { client } = retrying();
    const [calls, error] = await counted(() => client.execute(kinds({}), withSession));
    expect(calls).toBe(1);
    expect(error).toMatchObject({ code: 40, subCode: "isv.missing-parameter:fields" });
  });

  it("does not retry without a policy, nor when a call says retry: false", async () => {
    gateway.inject({ kind: "isp" });
    const plain = new pkg.runtime.TopClient({
      appKey: APP_KEY,
      appSecret: APP_SECRET,
      gateway: gateway.url,
    });
    expect((await counted(() => plain.execute(kinds(), withSession)))[0]).toBe(1);
    const { client } = retrying();
    const [calls] = await counted(() => client.execute(kinds(), { ...withSession, retry: false }));
    expect(calls).toBe(1);
  });
});

describe("code 7 bans", () => {
  it("waits a ban out when it is shorter than maxBanWaitMs, then retries", async () => {
    gateway.inject({ kind: "ban", seconds: 1 }, { times: 1 });
    const { client, waits } = retrying({ maxBanWaitMs: 2000 });
    const [calls, out] = await counted(() => client.execute(kinds(), withSession));
    expect(calls).toBe(2);
    expect(waits).toEqual([1000]);
    expect(out).toMatchObject({ title: "标题" });
  });

  it("fails at once when the ban is longer than maxBanWaitMs", async () => {
    gateway.inject({ kind: "ban", seconds: 5 }, { times: 1 });
    const { client, waits } = retrying({ maxBanWaitMs: 2000 });
    const [calls, error] = await counted(() => client.execute(kinds(), withSession));
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
    expect(error).toMatchObject({ code: 7, banSeconds: 5 });
  });

  it("never waits a ban by default", async () => {
    gateway.inject({ kind: "ban", seconds: 1 }, { times: 1 });
    const { client, waits } = retrying();
    const [calls, error] = await counted(() => client.execute(kinds(), withSession));
    expect([calls, waits]).toEqual([1, []]);
    expect(error).toMatchObject({ code: 7 });
  });
});
