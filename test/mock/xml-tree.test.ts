import { describe, expect, it } from "vitest";
import { parseJson } from "../../generator/runtime/testing/json-tree.js";
import { parseXml, printXml } from "../../generator/runtime/testing/xml-tree.js";

describe("parseXml", () => {
  it("reads nested elements, entities, CDATA and skips declaration and comments", () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8" ?>\n<!-- c --><r a="1"><x>1 &lt; 2 &#x4e2d;</x>' +
        "<y><![CDATA[<b>]]></y><z/></r>",
    );
    expect(root.name).toBe("r");
    expect(root.children.map((c) => [c.name, c.text])).toEqual([
      ["x", "1 < 2 中"],
      ["y", "<b>"],
      ["z", ""],
    ]);
  });

  it.each(["<a><b></a>", "<a>", "<a/><b/>", "text only"])("rejects %j", (text) => {
    expect(() => parseXml(text)).toThrow(SyntaxError);
  });
});

describe("printXml", () => {
  it("repeats an array's element per item and escapes text", () => {
    const body = parseJson('{"n":7104300007405429232,"tags":{"string":["a<b","c"]},"e":null}');
    expect(printXml("r_response", body)).toBe(
      '<?xml version="1.0" encoding="utf-8" ?><r_response><n>7104300007405429232</n>' +
        "<tags><string>a&lt;b</string><string>c</string></tags><e></e></r_response>",
    );
  });
});
