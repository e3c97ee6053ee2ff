import { describe, expect, it } from "vitest";
import { parseJsonLossless } from "../../generator/runtime/json.js";

describe("parseJsonLossless", () => {
  it("keeps every digit of a 19-digit id", () => {
    const v = parseJsonLossless('{"tid":7104300007405429232,"n":[-9223372036854775808]}') as {
      tid: bigint;
      n: bigint[];
    };
    expect(v.tid).toBe(7104300007405429232n);
    expect(v.n[0]).toBe(-9223372036854775808n);
  });

  it("keeps safe integers, fractions and exponents as numbers", () => {
    expect(
      parseJsonLossless('{"a":9007199254740991,"b":1.12345678901234567890,"c":1e25,"d":12}'),
    ).toEqual({ a: 9007199254740991, b: 1.1234567890123457, c: 1e25, d: 12 });
  });

  it("leaves digits inside strings alone", () => {
    expect(parseJsonLossless('{"s":"x:12345678901234567890","t":7104300007405429232}')).toEqual({
      s: "x:12345678901234567890",
      t: 7104300007405429232n,
    });
  });

  it("recovers raw control characters inside strings", () => {
    expect(parseJsonLossless('{"a":"line\nbreak\ttab\u0001"}')).toEqual({
      a: "line\nbreak\ttab\u0001",
    });
  });

  it("handles escaped quotes and control characters next to long ids", () => {
    expect(
      parseJsonLossless('{"a":"x\\":12345678901234567890","b":7104300007405429232,"c":"\u0002"}'),
    ).toEqual({
      a: 'x":12345678901234567890',
      b: 7104300007405429232n,
      c: "\u0002",
    });
  });

  it("throws SyntaxError on JSON it cannot repair", () => {
    expect(() => parseJsonLossless('{"a":')).toThrow(SyntaxError);
    expect(() => parseJsonLossless('{"a":"unterminated}')).toThrow(SyntaxError);
  });
});
