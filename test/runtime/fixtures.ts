import { TopRequest, type ApiSchema } from "../../generator/runtime/index.js";

/** A schema shaped like the generator's output for `alibaba.alsc.crm.customer.update`. */
export const customerUpdate: ApiSchema = {
  method: "alibaba.alsc.crm.customer.update",
  responseKey: "alibaba_alsc_crm_customer_update_response",
  request: [
    {
      name: "param_customer_update_open_req",
      kind: "object",
      required: true,
      type: "CustomerUpdateOpenReq",
    },
    { name: "fields", kind: "string", list: true, maxListSize: 3 },
    { name: "num_iid", kind: "number", minValue: 1 },
    { name: "is_test", kind: "boolean" },
    { name: "start", kind: "date" },
    { name: "price", kind: "price" },
    { name: "ext", kind: "json" },
    { name: "image", kind: "file" },
  ],
  response: [
    { name: "result", kind: "object", type: "CommonResult" },
    {
      name: "orders",
      kind: "object",
      list: true,
      type: "Order",
      wrap: "order_detail_cursor_top_d_t_o",
    },
  ],
  types: {
    CustomerUpdateOpenReq: [
      { name: "customer_id", kind: "string", required: true, maxLength: 4 },
      { name: "tag_ids", kind: "string", list: true, wrap: "string" },
      { name: "birthday", kind: "date" },
      { name: "gender", kind: "number", maxValue: 2 },
      { name: "child", kind: "object", type: "CustomerUpdateOpenReq" },
    ],
    CommonResult: [
      { name: "biz_success", kind: "boolean" },
      { name: "tag_ids", kind: "string", list: true, wrap: "string" },
      { name: "gender", kind: "number" },
      { name: "created", kind: "date" },
      { name: "price", kind: "price" },
    ],
    Order: [
      { name: "tid", kind: "number" },
      { name: "items", kind: "object", list: true, type: "Order", wrap: "order" },
    ],
  },
};

export interface Params {
  param_customer_update_open_req?: Record<string, unknown>;
  [name: string]: unknown;
}

/** A generated-style request class over `customerUpdate`. */
export class CustomerUpdateRequest extends TopRequest<Params, Record<string, unknown>> {
  constructor(params: Params) {
    super(customerUpdate, params);
  }
}

/** One recorded call of `fakeFetch`. */
export interface Sent {
  url: URL;
  init: RequestInit;
  headers: Record<string, string>;
}

/**
 * A `fetch` answering from a list (the last answer repeats); a function answer may throw to
 * simulate network errors, or wait on the signal.
 */
export function fakeFetch(
  ...answers: (string | Response | ((init: RequestInit) => Promise<Response>))[]
): typeof fetch & { sent: Sent[] } {
  const sent: Sent[] = [];
  const f = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    sent.push({ url: new URL(String(input)), init, headers: { ...(init.headers as object) } });
    const a = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (typeof a === "function") return a(init);
    return typeof a === "string" ? new Response(a) : (a as Response).clone();
  };
  return Object.assign(f, { sent }) as typeof fetch & { sent: Sent[] };
}

/** The success body of `customerUpdate`, non-simplified. */
export const okBody = JSON.stringify({
  alibaba_alsc_crm_customer_update_response: {
    result: { biz_success: true },
    request_id: "rid1",
  },
});
