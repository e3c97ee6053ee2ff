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

/**
 * Base of every error the client throws. Each class names itself in a field, written out rather
 * than read from `constructor.name`: minifiers rename classes.
 */
export class TopSdkError extends Error {
  declare readonly sdkCode: TopSdkErrorCode;
  override name = "TopSdkError";

  constructor(sdkCode: TopSdkErrorCode, message: string, cause?: unknown) {
    super(message, { cause });
    this.sdkCode = sdkCode;
  }
}

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
  override name = "TopError";

  constructor(code: number, msg: string, subCode?: string, subMsg?: string, requestId?: string) {
    super("GATEWAY", [code, msg, subCode, subMsg].join(" ").trim());
    // `This ban will last for 41 more seconds`
    const ban = /(\d+) more sec/.exec(`${subMsg} ${msg}`);
    Object.assign(this, {
      code,
      msg,
      subCode,
      subMsg,
      requestId,
      banSeconds: ban ? Number(ban[1]) : undefined,
    });
  }
}

/** A call took longer than `timeoutMs`. */
export class TopTimeoutError extends TopSdkError {
  declare readonly timeoutMs: number;
  override name = "TopTimeoutError";

  constructor(timeoutMs: number) {
    super("TIMEOUT", `timeout ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `AbortSignal` fired, during the call or a retry wait. */
export class TopAbortError extends TopSdkError {
  override name = "TopAbortError";

  constructor(reason?: unknown) {
    super("ABORTED", "aborted", reason);
  }
}

/** The request never got an HTTP response (DNS, connection, TLS). */
export class TopNetworkError extends TopSdkError {
  override name = "TopNetworkError";

  constructor(cause: unknown) {
    super("NETWORK", String(cause), cause);
  }
}

/** A response the client cannot read as a TOP response; `body` is the raw text. */
export class TopResponseError extends TopSdkError {
  declare readonly status: number;
  declare readonly body: string;
  override name = "TopResponseError";

  constructor(code: TopSdkErrorCode, status: number, body: string) {
    super(code, `${code} (HTTP ${status})`);
    Object.assign(this, { status, body });
  }
}

/** A non-2xx HTTP status without a gateway error in the body; `RESPONSE_HTML` for a page. */
export class TopHttpError extends TopResponseError {
  override name = "TopHttpError";

  constructor(status: number, body: string, code: TopSdkErrorCode = "HTTP_STATUS") {
    super(code, status, body);
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
  override name = "TopValidationError";

  constructor(issues: TopValidationIssue[]) {
    const first = issues[0] as TopValidationIssue;
    super(first.code, issues.map((i) => `${i.code} at ${i.path}`).join(", "));
    Object.assign(this, { path: first.path, issues });
  }
}
