import { describe, expect, it } from "vitest";
import {
  defineSchema,
  responseKeyOf,
  snakeWrapKey,
} from "../../generator/runtime/compact-schema.js";

describe("defineSchema", () => {
  it("decodes kinds, lists, required flags, types and limits", () => {
    const schema = defineSchema({
      method: "taobao.demo.items.get",
      request: ["fields s[]! len=64 size=20", "num_iid n min=1 max=9", "query o Query", "image f"],
      response: ["items o[] Item", "codes s[]", "renamed o[] Item2 wrap=item", "when d"],
      types: { Query: ["q s!"], Item: ["id n"], Item2: ["id n"] },
      session: "required",
    });
    expect(schema).toEqual({
      method: "taobao.demo.items.get",
      responseKey: "demo_items_get_response",
      request: [
        {
          name: "fields",
          kind: "string",
          list: true,
          required: true,
          wrap: "string",
          maxLength: 64,
          maxListSize: 20,
        },
        { name: "num_iid", kind: "number", minValue: 1, maxValue: 9 },
        { name: "query", kind: "object", type: "Query" },
        { name: "image", kind: "file" },
      ],
      response: [
        { name: "items", kind: "object", list: true, type: "Item", wrap: "item" },
        { name: "codes", kind: "string", list: true, wrap: "string" },
        { name: "renamed", kind: "object", list: true, type: "Item2", wrap: "item" },
        { name: "when", kind: "date" },
      ],
      types: {
        Query: [{ name: "q", kind: "string", required: true }],
        Item: [{ name: "id", kind: "number" }],
        Item2: [{ name: "id", kind: "number" }],
      },
      session: "required",
    });
  });

  it("reads percent-encoded names with spaces", () => {
    const schema = defineSchema({ method: "a.b", request: ["odd%20name s"], response: [] });
    expect(schema.request[0]?.name).toBe("odd name");
  });
});

describe("wire names derived as the gateway writes them", () => {
  it("wraps object lists in the element type's snake_case", () => {
    expect(snakeWrapKey("OrderDetailCursorTopDTO")).toBe("order_detail_cursor_top_d_t_o");
  });

  it("roots a response at the method with taobao_ dropped and odd characters as _", () => {
    expect(responseKeyOf("taobao.trade.fullinfo.get")).toBe("trade_fullinfo_get_response");
    expect(responseKeyOf("m-kvstore.aliyuncs.com.CreateInstance.2015-03-01")).toBe(
      "m_kvstore_aliyuncs_com_CreateInstance_2015_03_01_response",
    );
  });
});
