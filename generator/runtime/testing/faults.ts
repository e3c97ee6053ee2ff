/**
 * Faults the simulator can inject, each one a way the real gateway has been seen to misbehave.
 * `latency` adds to whatever else happens; of the other kinds the first that matches wins.
 */
export type MockFault =
  /** Waits `ms` milliseconds before answering. */
  | { kind: "latency"; ms: number }
  /** A service-side fault: code 15 `Remote service error` with an `isp.*` sub code. */
  | {
      kind: "isp";
      /** @default "isp.top-remote-connection-timeout" */
      subCode?: string;
      /** @default "remote service timed out" */
      subMsg?: string;
    }
  /** Flow control: code 7 `App Call Limited`, `This ban will last for N more seconds`. */
  | {
      kind: "ban";
      seconds: number;
      /** @default "accesscontrol.limited-by-app-access-count" */
      subCode?: string;
    }
  /** An HTML `403 Forbidden` page instead of an API answer, with HTTP status 200 or 403. */
  | { kind: "html"; status: 200 | 403 }
  /** The normal answer with raw control characters inside its first string value. */
  | { kind: "control-chars" }
  /** The socket is destroyed without any response. */
  | { kind: "drop" }
  /** An HTTP 5xx status with a short HTML body. */
  | { kind: "http-error"; status: number };

export type FaultKind = MockFault["kind"];

/** Which calls a fault applies to. */
export interface FaultScope {
  /** Only calls of this API. @default every API */
  method?: string;
  /** Only the next `times` matching calls. @default every matching call, until cleared */
  times?: number;
}

interface Armed {
  fault: MockFault;
  method: string | undefined;
  left: number;
}

/** The faults in force, consumed call by call. */
export class FaultBook {
  private armed: Armed[] = [];

  add(fault: MockFault, scope: FaultScope = {}): void {
    const left = scope.times ?? Number.POSITIVE_INFINITY;
    if (left > 0) this.armed.push({ fault, method: scope.method, left });
  }

  clear(): void {
    this.armed = [];
  }

  /**
   * The faults that apply to one call of `method` (undefined: a call naming no API, which only
   * faults without a method match), counting each against its `times`.
   * `only` restricts the kinds considered; faults of other kinds are neither used nor counted.
   * `exact` leaves out faults for every method: a batch's calls take only their own.
   */
  take(method: string | undefined, only?: readonly FaultKind[], exact = false): MockFault[] {
    const taken: MockFault[] = [];
    let decisive = false;
    for (const entry of this.armed) {
      const matches = exact
        ? entry.method === method
        : entry.method === undefined || entry.method === method;
      if (!matches || (only !== undefined && !only.includes(entry.fault.kind))) continue;
      const isLatency = entry.fault.kind === "latency";
      if (!isLatency && decisive) continue;
      decisive ||= !isLatency;
      entry.left -= 1;
      taken.push(entry.fault);
    }
    this.armed = this.armed.filter((entry) => entry.left > 0);
    return taken;
  }
}

const KINDS: readonly FaultKind[] = [
  "latency",
  "isp",
  "ban",
  "html",
  "control-chars",
  "drop",
  "http-error",
];

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isOptText = (v: unknown): boolean => v === undefined || typeof v === "string";

/** Checks a fault received as JSON by the control endpoint; returns what is wrong, or undefined. */
export function faultProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return "a fault must be an object";
  const f = value as Record<string, unknown>;
  if (!KINDS.includes(f["kind"] as FaultKind)) return `"kind" must be one of ${KINDS.join(", ")}`;
  switch (f["kind"] as FaultKind) {
    case "latency":
      return isInt(f["ms"]) ? undefined : `"ms" must be a non-negative integer`;
    case "isp":
      return isOptText(f["subCode"]) && isOptText(f["subMsg"]) ? undefined : "bad subCode/subMsg";
    case "ban":
      return isInt(f["seconds"]) && isOptText(f["subCode"])
        ? undefined
        : `"seconds" must be an integer`;
    case "html":
      return f["status"] === 200 || f["status"] === 403 ? undefined : `"status" must be 200 or 403`;
    case "http-error": {
      const ok = isInt(f["status"]) && f["status"] >= 500 && f["status"] <= 599;
      return ok ? undefined : `"status" must be 500 to 599`;
    }
    case "control-chars":
    case "drop":
      return undefined;
  }
}
