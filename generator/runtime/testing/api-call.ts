import type { IncomingHttpHeaders } from "node:http";
import type { ApiSchema } from "../schema.js";
import { checkArguments, type CallerConfig } from "./gateway-checks.js";
import {
  errorText,
  GATEWAY_ERRORS,
  successText,
  type GatewayError,
  type ReplyForm,
} from "./gateway-reply.js";
import type { FaultBook, MockFault } from "./faults.js";
import type { MockFile } from "./incoming.js";
import type { ResponseForms } from "./response-body.js";

/** One API call the simulator received, recorded whatever it was answered. */
export interface MockCall {
  /** `/router/rest`, or `/router/batch` for each call of a batch. */
  path: string;
  /** The `method` param, when sent. */
  method: string | undefined;
  /** Every text param: system and API params together (for a batch call, with the shared ones). */
  params: Record<string, string>;
  files: Record<string, MockFile>;
  headers: IncomingHttpHeaders;
}

/** A reply body: text is sent as it is, anything else as JSON. */
export type MockBody = string | object;

/** A fixed reply, or one computed from the call's params. */
export type MockResponder =
  MockBody | ((params: Record<string, string>, call: MockCall) => MockBody | Promise<MockBody>);

export interface PreparedApi {
  schema: ApiSchema;
  forms: ResponseForms;
}

/** The simulator's state, shared by the `/router/rest`, `/router/batch` and control handlers. */
export interface GatewayContext {
  caller: CallerConfig;
  requireSession: boolean;
  apis: Map<string, PreparedApi>;
  responders: Map<string, MockResponder>;
  faults: FaultBook;
  calls: MockCall[];
}

/** The `format` and `simplify` a call asked for; the gateway's default format is XML. */
export function replyForm(params: Readonly<Record<string, string>>): ReplyForm {
  const format = params["format"] === "json" ? "json" : "xml";
  return { format, simplify: format === "json" && params["simplify"] === "true" };
}

export function isKnown(ctx: GatewayContext, method: string): boolean {
  return ctx.apis.has(method) || ctx.responders.has(method);
}

/** The error an `isp` or `ban` fault answers with. */
export function faultError(fault: Extract<MockFault, { kind: "isp" | "ban" }>): GatewayError {
  if (fault.kind === "isp") {
    return {
      ...GATEWAY_ERRORS.remoteServiceError,
      sub_code: fault.subCode ?? "isp.top-remote-connection-timeout",
      sub_msg: fault.subMsg ?? "remote service timed out",
    };
  }
  return {
    ...GATEWAY_ERRORS.appCallLimited,
    sub_code: fault.subCode ?? "accesscontrol.limited-by-app-access-count",
    sub_msg: `This ban will last for ${fault.seconds} more seconds`,
  };
}

/**
 * Answers one call whose method and caller were already checked: its arguments, then the
 * override set with `respondWith`, else the API's success body in the requested form.
 */
export async function answerCall(
  ctx: GatewayContext,
  call: MockCall,
  form: ReplyForm,
  corrupt = false,
): Promise<string> {
  const method = call.method ?? "";
  const api = ctx.apis.get(method);
  const problem = checkArguments(api?.schema, call.params, call.files, ctx.requireSession);
  if (problem !== undefined) return errorText(problem, form, corrupt);

  const responder = ctx.responders.get(method);
  if (responder !== undefined) {
    const body = typeof responder === "function" ? await responder(call.params, call) : responder;
    return typeof body === "string" ? body : JSON.stringify(body);
  }
  if (api === undefined) return errorText(GATEWAY_ERRORS.invalidMethod, form, corrupt);
  const body =
    form.format === "xml"
      ? api.forms.xml
      : form.simplify
        ? api.forms.simplified
        : api.forms.wrapped;
  return successText(api.schema.responseKey, body, form, corrupt);
}
