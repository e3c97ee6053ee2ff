import { describe, expect, it } from "vitest";
import { TopError, TopResponseError } from "../../generator/runtime/errors.js";
import { readResponse } from "../../generator/runtime/response.js";
import { parseXml, xmlFormat } from "../../generator/runtime/xml.js";
import { customerUpdate } from "./fixtures.js";

const read = (body: string): unknown =>
  readResponse({ status: 200, body }, customerUpdate, xmlFormat).data;

describe("xmlFormat", () => {
  it("reads a success response with lists and kinds from the schema", () => {
    const body = `<?xml version="1.0" encoding="utf-8" ?>
<alibaba_alsc_crm_customer_update_response>
  <result><biz_success>true</biz_success><gender>7104300007405429232</gender>
    <tag_ids list="true"><string>a &amp; b</string></tag_ids></result>
  <orders><order_detail_cursor_top_d_t_o><tid>1</tid></order_detail_cursor_top_d_t_o>
    <order_detail_cursor_top_d_t_o><tid>2</tid><items/></order_detail_cursor_top_d_t_o></orders>
  <request_id>r1</request_id>
</alibaba_alsc_crm_customer_update_response>`;
    expect(read(body)).toEqual({
      result: { biz_success: true, gender: 7104300007405429232n, tag_ids: ["a & b"] },
      orders: [{ tid: 1 }, { tid: 2, items: [] }],
      request_id: "r1",
    });
  });

  it("reads error_response as TopError with a numeric code", () => {
    const body =
      "<error_response><code>7</code><msg>App Call Limited</msg>" +
      "<sub_code>accesscontrol.limited-by-app-access-count</sub_code>" +
      "<sub_msg>This ban will last for 41 more seconds</sub_msg></error_response>";
    try {
      read(body);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TopError);
      expect([(e as TopError).code, (e as TopError).banSeconds]).toEqual([7, 41]);
    }
  });

  it("decodes CDATA and numeric entities", () => {
    expect(parseXml("<a><b><![CDATA[<x>]]></b><c>&#20013;&#x41;</c></a>")).toEqual({
      a: { b: "<x>", c: "中A" },
    });
  });

  it("gives malformed XML as RESPONSE_INVALID", () => {
    try {
      read("<a><b></a>");
      expect.unreachable();
    } catch (e) {
      expect((e as TopResponseError).sdkCode).toBe("RESPONSE_INVALID");
    }
  });
});
