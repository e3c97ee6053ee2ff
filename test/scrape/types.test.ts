import { describe, expect, it } from "vitest";
import { isObjectType, normaliseType } from "../../generator/scrape/types.js";

describe("normaliseType", () => {
  it.each([
    ["String []", "String[]", undefined],
    ["byte[]", "byte[]", undefined],
    ["byte[][]", "byte[][]", undefined],
    ["CustomerUpdateOpenReq", "CustomerUpdateOpenReq", undefined],
    ["null[]", "Json[]", "TYPE_RESPELLED"],
    ["byte", "Number", "TYPE_RESPELLED"],
    ["Integer []", "Number[]", "TYPE_RESPELLED"],
    ["List<Long>", "Number[]", "TYPE_RESPELLED"],
    ["", "Json", "TYPE_MISSING"],
    [undefined, "Json", "TYPE_MISSING"],
  ])("%s → %s", (written, type, code) => {
    const result = normaliseType(written);
    expect(result.type).toBe(type);
    expect(result.code).toBe(code);
  });

  it("tells object types from values", () => {
    expect(isObjectType("ItemInfo []")).toBe(true);
    expect(isObjectType("String []")).toBe(false);
    expect(isObjectType("byte[]")).toBe(false);
    expect(isObjectType(undefined)).toBe(false);
  });
});
