import type { ApiSchema } from "../../generator/runtime/schema.js";
import {
  startMockGateway,
  type MockApi,
  type MockGateway,
} from "../../generator/runtime/testing/mock-gateway.js";

/** A write API with a required object param and no samples: answers are built from the tree. */
export const UPDATE: ApiSchema = {
  method: "alibaba.alsc.crm.customer.update",
  responseKey: "alibaba_alsc_crm_customer_update_response",
  request: [
    {
      name: "param_customer_update_open_req",
      kind: "object",
      type: "CustomerUpdateOpenReq",
      required: true,
    },
  ],
  response: [{ name: "result", kind: "object", type: "CommonResult" }],
  types: {
    CustomerUpdateOpenReq: [{ name: "customer_id", kind: "string", required: true }],
    CommonResult: [
      { name: "biz_success", kind: "boolean" },
      { name: "result", kind: "string" },
      { name: "tag_ids", kind: "string", list: true, wrap: "string" },
    ],
  },
  session: "none",
};

/** A read API that needs a session, with a list of objects and a 19-digit id. */
export const TRADES: ApiSchema = {
  method: "taobao.trades.sold.get",
  responseKey: "trades_sold_get_response",
  request: [{ name: "fields", kind: "string", list: true, required: true }],
  response: [
    { name: "total_results", kind: "number" },
    { name: "trades", kind: "object", list: true, type: "Trade", wrap: "trade" },
  ],
  types: {
    Trade: [
      { name: "tid", kind: "number" },
      { name: "title", kind: "string" },
      { name: "tags", kind: "string", list: true, wrap: "string" },
    ],
  },
  session: "required",
};

/** The wrapped JSON sample of `TRADES`; `tid` does not fit a double. */
export const TRADES_JSON =
  '{"trades_sold_get_response":{"total_results":1,"trades":{"trade":' +
  '[{"tid":7104300007405429232,"title":"\\u6d4b\\u8bd5","tags":{"string":["a","b"]}}]}}}';

export const TRADES_API: MockApi = { schema: TRADES, samples: { json: TRADES_JSON } };
export const UPDATE_API: MockApi = {
  schema: UPDATE,
  examples: { "result.biz_success": "true", "result.tag_ids": '["2019346387"]' },
};

/** Params that pass `TRADES`' checks. */
export const TRADES_PARAMS = { fields: "tid,title", session: "user-session" };
export const UPDATE_PARAMS = {
  param_customer_update_open_req: '{"customer_id":"201928293724","name":"张三 李"}',
};

/** A simulator serving both fixture APIs with the default app key and secret. */
export function startFixtureGateway(): Promise<MockGateway> {
  return startMockGateway({ apis: [TRADES_API, UPDATE_API] });
}
