import { describe, expect, it } from "vitest";
import { parseJson, printJson } from "../../generator/runtime/testing/json-tree.js";

describe("parseJson / printJson", () => {
  it("keeps numbers as their source text", () => {
    const text = '{"id":7104300007405429232,"price":-10.50,"exp":1e21,"n":[0,null,true,false]}';
    expect(printJson(parseJson(text))).toBe(text);
  });

  it("decodes string escapes and writes them back as JSON", () => {
    const node = parseJson(' { "a" : "\\u4e2d\\"\\\\\\n" } ');
    expect(node).toEqual({ t: "obj", entries: [["a", { t: "str", value: '中"\\\n' }]] });
    expect(printJson(node)).toBe('{"a":"中\\"\\\\\\n"}');
  });

  it("writes a raw suffix unescaped inside the string", () => {
    expect(printJson({ t: "str", value: "a", rawSuffix: "\u0001" })).toBe('"a\u0001"');
  });

  it.each(["{", '{"a":1,}', "[1 2]", '{"a":1} x', "01", "nul", '"open'])(
    "rejects %j with a SyntaxError",
    (text) => {
      expect(() => parseJson(text)).toThrow(SyntaxError);
    },
  );
});
