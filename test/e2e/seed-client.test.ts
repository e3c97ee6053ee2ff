import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockApiOf } from "../../generator/cli/mock-command.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { parseSpec } from "../../generator/spec/read-spec.js";
import {
  AlibabaAlscCrmCustomerUpdateRequest,
  TopApi,
  TopClient,
  TopError,
  TopValidationError,
  type AlibabaAlscCrmCustomerUpdateResponse,
  type SignMethod,
} from "../../generated/src/index.js";
import { startMockGateway, type MockGateway } from "../../generated/src/runtime/testing/index.js";

const SPEC = join(
  import.meta.dirname,
  "..",
  "..",
  "specs",
  "alibaba.alsc.crm.customer.update.yaml",
);
const appKey = "23456789";
const appSecret = "e2e-secret";

describe("the generated client against the gateway simulator, seed API", () => {
  let gateway: MockGateway;
  beforeAll(async () => {
    const diags = new DiagnosticBag();
    const spec = parseSpec(await readFile(SPEC, "utf8"), SPEC, diags);
    if (spec === undefined)
      throw new Error(`the seed spec is invalid: ${JSON.stringify(diags.items)}`);
    gateway = await startMockGateway({ apis: [mockApiOf(spec, diags)], appKey, appSecret });
  });
  afterAll(() => gateway.close());

  const client = (signMethod: SignMethod, secret = appSecret) =>
    new TopClient({
      appKey,
      appSecret: secret,
      gateway: gateway.url,
      signMethod,
      clock: () => new Date(),
    });

  for (const signMethod of ["md5", "hmac", "hmac-sha256"] as const) {
    it(`signs the minimal call with ${signMethod} and reads the page's sample response`, async () => {
      const res = await client(signMethod).execute(
        new AlibabaAlscCrmCustomerUpdateRequest({
          param_customer_update_open_req: { customer_id: "1", customer_type: 0 },
        }),
        { session: "user-session" },
      );
      expect(res.result?.biz_success).toBe(true);
      expect(res.result?.result).toBe("true");
      const call = gateway.calls.at(-1);
      expect(call?.params["sign_method"]).toBe(signMethod);
      expect(JSON.parse(call?.params["param_customer_update_open_req"] ?? "")).toEqual({
        customer_id: "1",
        customer_type: 0,
      });
    });
  }

  it("turns the simulator's refusal of a wrong secret into a TopError with code 25", async () => {
    const call = client("hmac-sha256", "wrong-secret").execute(
      new AlibabaAlscCrmCustomerUpdateRequest({
        param_customer_update_open_req: { customer_id: "1" },
      }),
      { session: "user-session" },
    );
    await expect(call).rejects.toBeInstanceOf(TopError);
    await expect(call).rejects.toMatchObject({ code: 25 });
  });

  it("has a typed TopApi method per API, validating before sending", async () => {
    const api = new TopApi({ appKey, appSecret, gateway: gateway.url });
    const res: AlibabaAlscCrmCustomerUpdateResponse = await api.alibabaAlscCrmCustomerUpdate(
      { param_customer_update_open_req: { customer_id: "201928293724", gender: 1n } },
      { session: "user-session" },
    );
    expect(res.result?.biz_success).toBe(true);
    const before = gateway.calls.length;
    const invalid = api.alibabaAlscCrmCustomerUpdate(
      // @ts-expect-error customer_id is required: the params are typed from the spec
      { param_customer_update_open_req: { name: "张三" } },
      { session: "user-session" },
    );
    await expect(invalid).rejects.toBeInstanceOf(TopValidationError);
    await expect(invalid).rejects.toMatchObject({
      sdkCode: "VALIDATION_REQUIRED",
      path: "param_customer_update_open_req.customer_id",
    });
    expect(gateway.calls.length).toBe(before);
  });

  it("gives the request id and the HTTP response with executeRaw", async () => {
    const out = await client("hmac").executeRaw(
      new AlibabaAlscCrmCustomerUpdateRequest({
        param_customer_update_open_req: { customer_id: "1" },
      }),
      { session: "user-session" },
    );
    expect(out.raw.status).toBe(200);
    expect(out.raw.headers.get("content-type")).toMatch(/^application\/json/);
    expect(out.requestId).toMatch(/^[0-9a-z]{13}$/);
    expect(out.raw.body).toContain(out.requestId);
    expect(out.data.result?.result).toBe("true");
  });
});
