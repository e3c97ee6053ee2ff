import type { ServerResponse } from "node:http";
import type { GatewayContext } from "./api-call.js";
import { faultProblem, type MockFault } from "./faults.js";
import type { Incoming } from "./incoming.js";
import { send } from "./transport.js";

/** Where the control endpoint lives, beside `/router/rest`. */
export const CONTROL_PREFIX = "/__mock/";

const JSON_TYPE = "application/json;charset=UTF-8";

function reply(res: ServerResponse, status: number, value?: unknown): void {
  if (value === undefined) res.writeHead(status).end();
  else send(res, status, JSON_TYPE, JSON.stringify(value));
}

function readJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The HTTP control endpoint, for apps that run the simulator as a separate process
 * (`topgen mock`). Bodies are JSON; answers are JSON.
 *
 * - `POST /__mock/faults` `{"fault": {"kind": "isp"}, "method": "x.y.z", "times": 1}`: injects a
 *   fault (`fault` as `MockFault`; `method` and `times` optional, as in `inject`). 201.
 * - `DELETE /__mock/faults`: clears every fault. 204.
 * - `POST /__mock/responses` `{"method": "x.y.z", "body": "..."}`: as `respondWith`. 201.
 * - `GET /__mock/calls`: the recorded calls (`path`, `method`, `params`, file names). 200.
 * - `DELETE /__mock/calls`: forgets the recorded calls. 204.
 *
 * A bad request answers 400 `{"error": "..."}`; an unknown path 404.
 */
export function serveControl(ctx: GatewayContext, incoming: Incoming, res: ServerResponse): void {
  const what = incoming.path.slice(CONTROL_PREFIX.length);
  const verb = incoming.verb;
  const body = readJson(incoming.text);

  if (what === "faults" && verb === "POST") {
    const problem =
      body === undefined ? "the body must be a JSON object" : faultProblem(body["fault"]);
    const method = body?.["method"];
    const times = body?.["times"];
    if (problem !== undefined) return reply(res, 400, { error: problem });
    if (method !== undefined && typeof method !== "string") {
      return reply(res, 400, { error: `"method" must be a string` });
    }
    if (times !== undefined && !(typeof times === "number" && Number.isInteger(times))) {
      return reply(res, 400, { error: `"times" must be an integer` });
    }
    const scope = {
      ...(method === undefined ? {} : { method }),
      ...(times === undefined ? {} : { times }),
    };
    ctx.faults.add(body?.["fault"] as MockFault, scope);
    return reply(res, 201, { ok: true });
  }
  if (what === "faults" && verb === "DELETE") {
    ctx.faults.clear();
    return reply(res, 204);
  }
  if (what === "responses" && verb === "POST") {
    const method = body?.["method"];
    const answer = body?.["body"];
    if (typeof method !== "string" || answer === undefined || answer === null) {
      return reply(res, 400, { error: `"method" (string) and "body" are required` });
    }
    ctx.responders.set(method, answer);
    return reply(res, 201, { ok: true });
  }
  if (what === "calls" && verb === "GET") {
    const calls = ctx.calls.map((c) => ({
      path: c.path,
      method: c.method ?? null,
      params: c.params,
      files: Object.keys(c.files),
    }));
    return reply(res, 200, calls);
  }
  if (what === "calls" && verb === "DELETE") {
    ctx.calls.length = 0;
    return reply(res, 204);
  }
  reply(res, 404, { error: `no control endpoint ${verb} ${incoming.path}` });
}
