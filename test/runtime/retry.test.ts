import { describe, expect, it } from "vitest";
import {
  TopAbortError,
  TopError,
  TopHttpError,
  TopNetworkError,
  TopResponseError,
  TopTimeoutError,
} from "../../generator/runtime/errors.js";
import { RETRY_DEFAULTS, retryDelay, retryPolicy, sleep } from "../../generator/runtime/retry.js";

const o = { ...RETRY_DEFAULTS, jitter: 0 };
const delay = (e: Parameters<typeof retryDelay>[0], attempt = 0, elapsed = 0): number | undefined =>
  retryDelay(e, attempt, elapsed, o);

describe("retryDelay", () => {
  it.each([
    ["code 10", new TopError(10, "Service unavailable")],
    ["code 15", new TopError(15, "Remote service error")],
    ["isp.*", new TopError(22, "x", "isp.remote-connection-error")],
    ["network", new TopNetworkError(new Error("reset"))],
    ["5xx", new TopHttpError(503, "")],
  ])("retries %s with backoff", (_name, error) => {
    expect([delay(error, 0), delay(error, 1), delay(error, 2)]).toEqual([100, 200, 400]);
  });

  it.each([
    ["isv.*", new TopError(15, "x", "isv.invalid-parameter")],
    ["25", new TopError(25, "Invalid signature")],
    ["27", new TopError(27, "Invalid session")],
    ["31", new TopError(31, "Invalid timestamp")],
    ["40", new TopError(40, "Missing required arguments")],
    ["41", new TopError(41, "Invalid arguments")],
    ["4xx", new TopHttpError(403, "")],
    ["an HTML page", new TopResponseError("RESPONSE_HTML", 200, "")],
    ["a timeout", new TopTimeoutError(10)],
  ])("never retries %s", (_name, error) => {
    expect(delay(error)).toBeUndefined();
  });

  it("stops after maxRetries and within the total time bound", () => {
    const e = new TopError(15, "x");
    expect(delay(e, 3)).toBeUndefined();
    expect(delay(e, 0, 29_950)).toBeUndefined();
    expect(retryDelay(e, 10, 0, { ...o, maxRetries: 20 })).toBe(2000);
  });

  it("waits out a code-7 ban only when shorter than maxBanWaitMs", () => {
    const ban = new TopError(
      7,
      "App Call Limited",
      "accesscontrol.limited-by-app-access-count",
      "This ban will last for 2 more seconds",
    );
    expect(delay(ban)).toBeUndefined();
    expect(retryDelay(ban, 0, 0, { ...o, maxBanWaitMs: 5000 })).toBe(2000);
    expect(retryDelay(ban, 0, 0, { ...o, maxBanWaitMs: 1000 })).toBeUndefined();
    expect(
      retryDelay(new TopError(7, "App Call Limited"), 0, 0, { ...o, maxBanWaitMs: 5000 }),
    ).toBeUndefined();
  });

  it("takes jitter off the delay", () => {
    const e = new TopError(15, "x");
    expect(retryDelay(e, 0, 0, { ...o, jitter: 0.5 }, () => 1)).toBe(50);
    expect(retryPolicy({ jitter: 0.5 }, () => 0).delay(e, 1, 0)).toBe(200);
  });
});

describe("sleep", () => {
  it("rejects with TopAbortError when aborted during the wait", async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(TopAbortError);
  });

  it("resolves after the delay", async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
