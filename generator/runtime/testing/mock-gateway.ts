import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiSchema } from "../schema.js";
import {
  answerCall,
  isKnown,
  replyForm,
  type GatewayContext,
  type MockCall,
  type MockResponder,
} from "./api-call.js";
import { serveBatch } from "./batch.js";
import { CONTROL_PREFIX, serveControl } from "./control.js";
import { FaultBook, type FaultScope, type MockFault } from "./faults.js";
import { checkCaller, checkMethod, formSignature } from "./gateway-checks.js";
import { contentType, errorText } from "./gateway-reply.js";
import { readIncoming, type Incoming } from "./incoming.js";
import { responseForms } from "./response-body.js";
import { applyFaults, send } from "./transport.js";

/** One API the simulator answers. */
export interface MockApi {
  schema: ApiSchema;
  /** Samples from the documentation, as text: wrapped JSON, simplified JSON, XML. */
  samples?: { json?: string; simplifiedJson?: string; xml?: string };
  /** Example values by response field path (`result.biz_success`), used when there is no sample. */
  examples?: Record<string, string>;
}

/** The app key the simulator accepts unless told otherwise. */
export const MOCK_APP_KEY = "12345678";
/** The app secret the simulator accepts unless told otherwise. */
export const MOCK_APP_SECRET = "mock-app-secret";

export interface MockGatewayOptions {
  apis: readonly MockApi[];
  /** @default MOCK_APP_KEY */
  appKey?: string;
  /** @default MOCK_APP_SECRET */
  appSecret?: string;
  /** @default "127.0.0.1" */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** The simulator's idea of now, for the timestamp check. @default () => new Date() */
  clock?: () => Date;
  /** The timestamp skew accepted, in milliseconds (code 31 beyond). @default 600_000 */
  maxSkewMs?: number;
  /**
   * Answer code 27 to calls without `session` of APIs whose schema says `"required"`.
   * @default true
   */
  requireSession?: boolean;
}

/** A running simulator. */
export interface MockGateway {
  /** The gateway URL to give the client, e.g. `http://127.0.0.1:40123/router/rest`. */
  readonly url: string;
  /** The batch URL, `.../router/batch`. */
  readonly batchUrl: string;
  /** Every call received, in order, whatever it was answered; batch calls one by one. */
  readonly calls: readonly MockCall[];
  /** Samples that could not be used (each API then falls back to another source). */
  readonly warnings: readonly string[];
  /**
   * Replaces the answer to calls of `method` (known or not) once they pass the gateway's checks:
   * text is sent as it is, anything else as JSON, a function is called with the call's params.
   */
  respondWith(method: string, responder: MockResponder): void;
  /** Arms a fault for every call, or those of `scope.method`, always or for `scope.times` calls. */
  inject(fault: MockFault, scope?: FaultScope): void;
  clearFaults(): void;
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

async function serveRest(ctx: GatewayContext, incoming: Incoming, res: ServerResponse) {
  const { params, files, headers, path } = incoming;
  const call: MockCall = { path, method: params["method"], params, files, headers };
  ctx.calls.push(call);
  const form = replyForm(params);
  const reply = (text: string): void => send(res, 200, contentType(form), text);

  const outcome = await applyFaults(ctx.faults.take(call.method), res);
  if (outcome.handled) return;
  if (outcome.error !== undefined) return reply(errorText(outcome.error, form, outcome.corrupt));

  const problem =
    checkMethod(params, (m) => isKnown(ctx, m)) ??
    checkCaller(params, ctx.caller, formSignature(params, ctx.caller.appSecret));
  if (problem !== undefined) return reply(errorText(problem, form, outcome.corrupt));
  reply(await answerCall(ctx, call, form, outcome.corrupt));
}

async function route(ctx: GatewayContext, req: IncomingMessage, res: ServerResponse) {
  const incoming = await readIncoming(req);
  if (incoming.path === "/router/rest") return serveRest(ctx, incoming, res);
  if (incoming.path === "/router/batch") return serveBatch(ctx, incoming, res);
  if (incoming.path.startsWith(CONTROL_PREFIX)) return serveControl(ctx, incoming, res);
  send(res, 404, "text/plain;charset=UTF-8", `no such path: ${incoming.path}`);
}

/**
 * Starts a simulator of the TOP gateway on loopback, answering the given APIs from their
 * documentation samples (or bodies built from their schemas) with the real gateway's checks and
 * error codes. For an app's own tests: every generated request carries its API's `schema`.
 *
 * ```ts
 * const gateway = await startMockGateway({ apis: [{ schema: request.schema }] });
 * const client = new TopClient({
 *   gateway: gateway.url,
 *   appKey: MOCK_APP_KEY,
 *   appSecret: MOCK_APP_SECRET,
 * });
 * gateway.inject({ kind: "isp" }, { times: 1 }); // the next call fails once with code 15
 * await client.execute(request); // ...then look at gateway.calls
 * await gateway.close();
 * ```
 *
 * A simulator run as a separate process (`topgen mock`) takes faults over HTTP instead, at
 * `/__mock/faults` beside `/router/rest` (see `serveControl` in `control.ts`).
 */
export async function startMockGateway(options: MockGatewayOptions): Promise<MockGateway> {
  const warnings: string[] = [];
  const ctx: GatewayContext = {
    caller: {
      appKey: options.appKey ?? MOCK_APP_KEY,
      appSecret: options.appSecret ?? MOCK_APP_SECRET,
      clock: options.clock ?? (() => new Date()),
      maxSkewMs: options.maxSkewMs ?? 600_000,
    },
    requireSession: options.requireSession ?? true,
    apis: new Map(),
    responders: new Map(),
    faults: new FaultBook(),
    calls: [],
  };
  for (const api of options.apis) {
    const forms = responseForms(api.schema, api.samples, api.examples, (m) => warnings.push(m));
    ctx.apis.set(api.schema.method, { schema: api.schema, forms });
  }

  const server = createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      // A bug of the simulator surfaces to the test as a 500 naming it, never as a hang.
      if (!res.headersSent) send(res, 500, "text/plain;charset=UTF-8", String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const base = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;

  return {
    url: `${base}/router/rest`,
    batchUrl: `${base}/router/batch`,
    calls: ctx.calls,
    warnings,
    respondWith: (method, responder) => void ctx.responders.set(method, responder),
    inject: (fault, scope) => ctx.faults.add(fault, scope),
    clearFaults: () => ctx.faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
