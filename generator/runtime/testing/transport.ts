import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { faultError } from "./api-call.js";
import type { MockFault } from "./faults.js";
import type { GatewayError } from "./gateway-reply.js";

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const FORBIDDEN_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>403 Forbidden</title></head>' +
  "<body><h1>403 Forbidden</h1><p>You don't have permission to access the URL on this server." +
  "</p><hr><address>Tengine</address></body></html>";

const errorPage = (status: number): string =>
  `<html><head><title>${status} Error</title></head><body><h1>${status} Error</h1>` +
  "<hr><address>Tengine</address></body></html>";

/** What is left to do after the faults of a call acted. */
export interface FaultOutcome {
  /** The response was sent, or the connection dropped: nothing more to do. */
  handled: boolean;
  /** Answer normally, with raw control characters in the first string value. */
  corrupt: boolean;
  /** Answer with this gateway error. */
  error?: GatewayError;
}

/** Applies the faults taken for one HTTP request: waits, then fails the way the first one says. */
export async function applyFaults(faults: MockFault[], res: ServerResponse): Promise<FaultOutcome> {
  let ms = 0;
  for (const fault of faults) if (fault.kind === "latency") ms += fault.ms;
  if (ms > 0) await sleep(ms);

  const fault = faults.find((f) => f.kind !== "latency");
  switch (fault?.kind) {
    case undefined:
      return { handled: false, corrupt: false };
    case "control-chars":
      return { handled: false, corrupt: true };
    case "drop":
      res.socket?.destroy();
      return { handled: true, corrupt: false };
    case "html":
      send(res, fault.status, "text/html;charset=UTF-8", FORBIDDEN_PAGE);
      return { handled: true, corrupt: false };
    case "http-error":
      send(res, fault.status, "text/html;charset=UTF-8", errorPage(fault.status));
      return { handled: true, corrupt: false };
    case "isp":
    case "ban":
      return { handled: false, corrupt: false, error: faultError(fault) };
  }
}
