import { describe, expect, it } from "vitest";
import { redact, redactParams } from "../../generator/runtime/logger.js";

describe("redaction", () => {
  it("keeps only the ends of long values and hides short ones", () => {
    expect(redact("72CB4D809B375A54502C09360D879C64")).toBe("72C…C64");
    expect(redact("short")).toBe("***");
  });

  it("redacts session, sign and secret-like keys only", () => {
    expect(
      redactParams({
        session: "6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805479",
        sign: "72CB4D809B375A54502C09360D879C64",
        app_secret: "280a8edc3a899b8a1e4cb965732d2441",
        access_token: "tok-1234567890",
        method: "taobao.user.seller.get",
      }),
    ).toEqual({
      session: "610…479",
      sign: "72C…C64",
      app_secret: "280…441",
      access_token: "tok…890",
      method: "taobao.user.seller.get",
    });
  });
});
