import {
  TopAbortError,
  TopError,
  TopHttpError,
  TopNetworkError,
  type TopSdkError,
} from "./errors.js";

/**
 * Retries are opt-in, as in the official SDKs (`AutoRetryTaobaoClient`), so that apps that do
 * not retry do not bundle this: `new TopClient({ ..., retry: retryPolicy() })`.
 */
export interface RetryPolicy {
  /** The wait before retry number `attempt` (0-based), or undefined to give up. */
  delay(error: TopSdkError, attempt: number, elapsedMs: number): number | undefined;
  /** Waits `ms`; rejects with `TopAbortError` when `signal` fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The official clients' policy by default: service faults retried 3 times from 100 ms. */
export function retryPolicy(options: RetryOptions = {}, random = Math.random): RetryPolicy {
  const o = { ...RETRY_DEFAULTS, ...options };
  return { delay: (e, attempt, elapsed) => retryDelay(e, attempt, elapsed, o, random), sleep };
}

/** When and how often a failed call is tried again. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. @default 3 */
  maxRetries?: number;
  /** First backoff delay, doubled per retry. @default 100 */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay. @default 2000 */
  maxDelayMs?: number;
  /**
   * Fraction of each delay taken off at random, 0 to 1, so that clients spread out.
   * @default 0.5
   */
  jitter?: number;
  /** No retry starts once this much time has passed since the first attempt. @default 30000 */
  maxElapsedMs?: number;
  /**
   * Code 7 (app call limited): wait out the ban and retry when it is at most this long.
   * @default 0 (never wait)
   */
  maxBanWaitMs?: number;
}

export const RETRY_DEFAULTS: Required<RetryOptions> = {
  maxRetries: 3,
  baseDelayMs: 100,
  maxDelayMs: 2000,
  jitter: 0.5,
  maxElapsedMs: 30_000,
  maxBanWaitMs: 0,
};

// Invalid signature, session, timestamp; missing or invalid arguments: the same call fails again.
const NEVER = new Set([25, 27, 31, 40, 41]);

/**
 * The wait before retry number `attempt` (0-based) after `error`, or undefined when the error
 * must not be retried: service faults (`isp.*`, codes 10 and 15), network errors and 5xx are
 * retried with jittered exponential backoff; a code-7 ban is waited out only when short; caller
 * errors (`isv.*`, 25, 27, 31, 40, 41) never.
 */
export function retryDelay(
  error: TopSdkError,
  attempt: number,
  elapsedMs: number,
  o: Required<RetryOptions>,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= o.maxRetries) return undefined;
  let delay: number | undefined;
  if (error instanceof TopError) {
    const sub = error.subCode ?? "";
    if (sub.startsWith("isv.") || NEVER.has(error.code)) return undefined;
    if (error.code === 7) {
      const ban = error.banSeconds === undefined ? Infinity : error.banSeconds * 1000;
      delay = ban <= o.maxBanWaitMs ? ban : undefined;
    } else if (error.code === 10 || error.code === 15 || sub.startsWith("isp.")) {
      delay = backoff(attempt, o, random);
    }
  } else if (
    error instanceof TopNetworkError ||
    (error instanceof TopHttpError && error.status >= 500)
  ) {
    delay = backoff(attempt, o, random);
  }
  return delay !== undefined && elapsedMs + delay <= o.maxElapsedMs ? delay : undefined;
}

function backoff(attempt: number, o: Required<RetryOptions>, random: () => number): number {
  const full = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
  return Math.round(full * (1 - o.jitter * random()));
}

/** Waits `ms`, or rejects with `TopAbortError` as soon as `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TopAbortError(signal.reason));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new TopAbortError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
