import { describe, expect, it } from "vitest";
import {
  javaSampleTree,
  jsonSampleTree,
  sampleKey,
  xmlSampleTree,
  type SampleNode,
} from "../../generator/scrape/sample-tree.js";

function names(node: SampleNode | undefined): string[] {
  return [...(node?.children.keys() ?? [])];
}

describe("sample trees", () => {
  it("compares names without underscores or case", () => {
    expect(sampleKey("param_customer_update_open_req")).toBe(
      sampleKey("ParamCustomerUpdateOpenReq"),
    );
  });

  it("reads Java objects set into objects, lists and literals", () => {
    const java = [
      "X.A obj1 = new X.A();",
      "X.B obj2 = new X.B();",
      "obj2.setSkuId(12L);",
      "List<X.C> list3 = new ArrayList<X.C>();",
      "X.C obj3 = new X.C();",
      'obj3.setTitle("t");',
      "list3.add(obj3);",
      "obj1.setSku(obj2);",
      "obj1.setItems(list3);",
      'obj1.setStart(StringUtils.parseDateTime("2020-01-01 00:00:00"));',
      "req.setQuery(obj1);",
      "req.setPageNo(1L);",
    ].join("\n");
    const root = javaSampleTree(java);
    expect(names(root)).toEqual(["query", "pageno"]);
    const query = root.children.get("query");
    expect(names(query)).toEqual(["sku", "items", "start"]);
    expect(names(query?.children.get("items"))).toEqual(["title"]);
    expect(query?.children.get("sku")?.children.get("skuid")?.value).toBe("12");
    expect(query?.children.get("start")?.value).toBe("2020-01-01 00:00:00");
  });

  it("reads XML nesting, values and repeated elements", () => {
    const xml = "<r_response><a><b>1</b></a><l><i><x>&lt;</x></i><i><y/></i></l></r_response>";
    const root = xmlSampleTree(xml);
    expect(names(root)).toEqual(["a", "l"]);
    expect(root?.children.get("a")?.children.get("b")?.value).toBe("1");
    const item = root?.children.get("l")?.children.get("i");
    expect(names(item)).toEqual(["x", "y"]);
    expect(item?.children.get("x")?.value).toBe("<");
  });

  it("reads JSON through its response key and lists", () => {
    const root = jsonSampleTree('{"r_response":{"l":{"i":[{"x":1},{"y":null}]}}}');
    expect(names(root?.children.get("l")?.children.get("i"))).toEqual(["x", "y"]);
    expect(jsonSampleTree("not json")).toBeUndefined();
  });
});
