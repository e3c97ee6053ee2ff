/**
 * The runtime's errors: a closed set of classes, each with a closed `sdkCode` that tests and
 * callers switch on. `code` is left to `TopError`, where it is the gateway's number, as the
 * protocol documents it. Fields are `declare`d and assigned in one go: it keeps the bundle small.
 */
export type TopSdkErrorCode =
  | "GATEWAY"
  | "TIMEOUT"
  | "ABORTED"
  | "NETWORK"
  | "HTTP_STATUS"
  | "RESPONSE_HTML"
  | "RESPONSE_INVALID"
  | "RESPONSE_UNEXPECTED"
  | "BATCH_MISMATCH"
  | "VALIDATION_REQUIRED"
  | "VALIDATION_TYPE"
  | "VALIDATION_MAX_LENGTH"
  | "VALIDATION_MAX_LIST_SIZE"
  | "VALIDATION_MIN_VALUE"
  | "VALIDATION_MAX_VALUE";

/** Base of every error the client throws. */
export class TopSdkError extends Error {
  declare readonly sdkCode: TopSdkErrorCode;

  constructor(sdkCode: TopSdkErrorCode, message: string, cause?: unknown) {
    super(message, { cause });
    this.sdkCode = sdkCode;
    // Written out, not `constructor.name`: minifiers rename classes.
    this.name = NAMES[sdkCode] ?? "TopSdkError";
  }
}

const NAMES: Partial<Record<TopSdkErrorCode, string>> = {
  GATEWAY: "TopError",
  TIMEOUT: "TopTimeoutError",
  ABORTED: "TopAbortError",
  NETWORK: "TopNetworkError",
  HTTP_STATUS: "TopHttpError",
};

/** The gateway's `error_response`. */
export class TopError extends TopSdkError {
  /** The gateway's error code, e.g. 7, 15, 25. */
  declare readonly code: number;
  declare readonly msg: string;
  declare readonly subCode: string | undefined;
  declare readonly subMsg: string | undefined;
  declare readonly requestId: string | undefined;
  /** Seconds left of an app-call ban (code 7), read from `sub_msg`. */
  declare readonly banSeconds: number | undefined;

  constructor(code: number, msg: string, subCode?: string, subMsg?: string, requestId?: string) {
    super("GATEWAY", `${code} ${msg} ${subCode ?? ""} ${subMsg ?? ""}`.trim());
    const ban = /ban will last for (\d+) more sec/i.exec(`${subMsg} ${msg}`);
    const banSeconds = ban?.[1] === undefined ? undefined : Number(ban[1]);
    Object.assign(this, { code, msg, subCode, subMsg, requestId, banSeconds });
  }
}

/** A call took longer than `timeoutMs`. */
export class TopTimeoutError extends TopSdkError {
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super("TIMEOUT", `no response in ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` fired, during the call or a retry wait. */
export class TopAbortError extends TopSdkError {
  constructor(reason?: unknown) {
    super("ABORTED", "aborted", reason);
  }
}

/** The request never got an HTTP response (DNS, connection, TLS). */
export class TopNetworkError extends TopSdkError {
  constructor(cause: unknown) {
    super("NETWORK", String(cause), cause);
  }
}

/** A response the client cannot read as a TOP response; `body` is the raw text. */
export class TopResponseError extends TopSdkError {
  declare readonly status: number;
  declare readonly body: string;

  constructor(code: TopSdkErrorCode, status: number, body: string) {
    super(code, `${code} (HTTP ${status})`);
    Object.assign(this, { status, body });
    if (code !== "HTTP_STATUS") this.name = "TopResponseError";
  }
}

/** A non-2xx HTTP status without a gateway error in the body; `RESPONSE_HTML` for a page. */
export class TopHttpError extends TopResponseError {
  constructor(status: number, body: string, code: TopSdkErrorCode = "HTTP_STATUS") {
    super(code, status, body);
    this.name = "TopHttpError";
  }
}

/** One problem found in the params before sending. */
export interface TopValidationIssue {
  code: TopSdkErrorCode;
  /** Dotted param path, e.g. `param_customer_update_open_req.tag_ids[2]`. */
  path: string;
}

/** Params break the API's schema; `path` and `sdkCode` are the first issue's, all in `issues`. */
export class TopValidationError extends TopSdkError {
  declare readonly path: string;
  declare readonly issues: TopValidationIssue[];

  constructor(issues: TopValidationIssue[]) {
    const first = issues[0] as TopValidationIssue;
    super(first.code, issues.map((i) => `${i.code} at ${i.path}`).join(", "));
    Object.assign(this, { path: first.path, issues });
    this.name = "TopValidationError";
  }
}
