import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockApiOf } from "../../generator/cli/mock-command.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { parseSpec } from "../../generator/spec/read-spec.js";
import {
  AlibabaAlscCrmCustomerUpdateRequest,
  TopClient,
  TopError,
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
});
