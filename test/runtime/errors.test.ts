import { describe, expect, it } from "vitest";
import {
  TopAbortError,
  TopError,
  TopHttpError,
  TopNetworkError,
  TopResponseError,
  TopSdkError,
  TopTimeoutError,
  TopValidationError,
} from "../../generator/runtime/errors.js";

describe("error classes", () => {
  it.each([
    [new TopError(25, "Invalid signature"), "GATEWAY", "TopError"],
    [new TopTimeoutError(100), "TIMEOUT", "TopTimeoutError"],
    [new TopAbortError(), "ABORTED", "TopAbortError"],
    [new TopNetworkError(new Error("ECONNRESET")), "NETWORK", "TopNetworkError"],
    [new TopResponseError("RESPONSE_HTML", 200, "<html>"), "RESPONSE_HTML", "TopResponseError"],
    [new TopHttpError(502, ""), "HTTP_STATUS", "TopHttpError"],
    [
      new TopValidationError([{ code: "VALIDATION_REQUIRED", path: "a.b" }]),
      "VALIDATION_REQUIRED",
      "TopValidationError",
    ],
  ])("%s has its code and name and extends TopSdkError", (error, code, name) => {
    expect(error).toBeInstanceOf(TopSdkError);
    expect(error).toBeInstanceOf(Error);
    expect([error.sdkCode, error.name]).toEqual([code, name]);
  });

  it("gives TopError the gateway's number as code and parses the ban length", () => {
    const e = new TopError(
      7,
      "App Call Limited",
      "accesscontrol.limited-by-app-access-count",
      "This ban will last for 41 more seconds",
      "rid",
    );
    expect([e.code, e.subCode, e.subMsg, e.requestId, e.banSeconds]).toEqual([
      7,
      "accesscontrol.limited-by-app-access-count",
      "This ban will last for 41 more seconds",
      "rid",
      41,
    ]);
    expect(new TopError(7, "App Call Limited").banSeconds).toBeUndefined();
  });

  it("keeps the cause of network errors and the body of HTTP errors", () => {
    const cause = new Error("ECONNRESET");
    expect(new TopNetworkError(cause).cause).toBe(cause);
    const e = new TopHttpError(503, "busy");
    expect([e.status, e.body, e instanceof TopResponseError]).toEqual([503, "busy", true]);
  });
});
