/**
 * Fetches a doc page over http(s) with a timeout; any failure is a located `FETCH_FAILED`.
 */
import { fail } from "../spec/diagnostics.js";

export interface FetchOptions {
  /**
   * Milliseconds before the request is abandoned.
   * @default 15000
   */
  timeoutMs?: number;
}

export interface FetchedPage {
  body: string;
  /** The media type without parameters, e.g. `text/html`; empty when the server sent none. */
  contentType: string;
}

/** GETs `url`; throws `FETCH_FAILED` on network errors, timeouts and non-2xx answers. */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    const reason = timedOut ? `no answer within ${timeoutMs} ms` : String(error);
    fail("FETCH_FAILED", url, reason);
  }
  if (!response.ok) fail("FETCH_FAILED", url, `HTTP ${response.status} ${response.statusText}`);
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
  try {
    return { body: await response.text(), contentType: contentType.trim().toLowerCase() };
  } catch (error) {
    fail("FETCH_FAILED", url, `the body could not be read: ${String(error)}`);
  }
}
