import { describe, expect, it } from "vitest";
import { TopValidationError } from "../../generator/runtime/errors.js";
import { validateParams } from "../../generator/runtime/validate.js";
import { customerUpdate } from "./fixtures.js";

function issues(params: object): [string, string][] {
  try {
    validateParams(customerUpdate, params);
  } catch (e) {
    expect(e).toBeInstanceOf(TopValidationError);
    return (e as TopValidationError).issues.map((i) => [i.code, i.path]);
  }
  return [];
}

describe("validateParams", () => {
  it("accepts valid params", () => {
    expect(issues({ param_customer_update_open_req: { customer_id: "c1" }, num_iid: 5 })).toEqual(
      [],
    );
  });

  it("reports a missing required param", () => {
    expect(issues({})).toEqual([["VALIDATION_REQUIRED", "param_customer_update_open_req"]]);
  });

  it("reports a missing nested required field with its path", () => {
    expect(issues({ param_customer_update_open_req: { customer_id: "" } })).toEqual([
      ["VALIDATION_REQUIRED", "param_customer_update_open_req.customer_id"],
    ]);
  });

  it("checks max length in characters, not bytes", () => {
    expect(issues({ param_customer_update_open_req: { customer_id: "孙凤民民" } })).toEqual([]);
    expect(issues({ param_customer_update_open_req: { customer_id: "abcde" } })).toEqual([
      ["VALIDATION_MAX_LENGTH", "param_customer_update_open_req.customer_id"],
    ]);
  });

  it("checks list size, of arrays and of pre-joined strings", () => {
    const req = { customer_id: "c" };
    expect(issues({ param_customer_update_open_req: req, fields: ["a", "b", "c", "d"] })).toEqual([
      ["VALIDATION_MAX_LIST_SIZE", "fields"],
    ]);
    expect(issues({ param_customer_update_open_req: req, fields: "a,b,c,d" })).toEqual([
      ["VALIDATION_MAX_LIST_SIZE", "fields"],
    ]);
  });

  it("checks min and max values and number text, down recursive types", () => {
    const found = issues({
      param_customer_update_open_req: { customer_id: "c", child: { customer_id: "d", gender: 3 } },
      num_iid: 0,
      price: "12,5",
    });
    expect(found).toEqual([
      ["VALIDATION_MAX_VALUE", "param_customer_update_open_req.child.gender"],
      ["VALIDATION_MIN_VALUE", "num_iid"],
      ["VALIDATION_TYPE", "price"],
    ]);
  });

  it("gives the first issue's code and path on the error, and every issue", () => {
    try {
      validateParams(customerUpdate, { num_iid: -1 });
      expect.unreachable();
    } catch (e) {
      const err = e as TopValidationError;
      expect([err.sdkCode, err.path, err.issues.length, err.name]).toEqual([
        "VALIDATION_REQUIRED",
        "param_customer_update_open_req",
        2,
        "TopValidationError",
      ]);
    }
  });
});
