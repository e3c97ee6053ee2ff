import { describe, expect, it } from "vitest";
import {
  encodeForm,
  formatNumber,
  formatValue,
  serializeParams,
  toFormData,
  toJson,
} from "../../generator/runtime/wire.js";
import { customerUpdate } from "./fixtures.js";

describe("serializeParams", () => {
  it("leaves absent values out and keeps 0 and false", () => {
    const { params } = serializeParams(customerUpdate, {
      num_iid: 0,
      is_test: false,
      price: "",
      start: null,
      fields: undefined,
    });
    expect(params).toEqual({ num_iid: "0", is_test: "false" });
  });

  it("writes each value kind in its wire form", () => {
    const { params } = serializeParams(customerUpdate, {
      num_iid: 7104300007405429232n,
      is_test: true,
      start: new Date(Date.UTC(2024, 0, 1, 16, 0, 0)),
      price: 12.5,
      fields: ["nick", "sex", "user_id"],
      ext: { a: 1 },
    });
    expect(params).toEqual({
      num_iid: "7104300007405429232",
      is_test: "true",
      start: "2024-01-02 00:00:00",
      price: "12.5",
      fields: "nick,sex,user_id",
      ext: '{"a":1}',
    });
  });

  it("sends a date string and a digit string as given", () => {
    const { params } = serializeParams(customerUpdate, {
      start: "2024-01-01 00:00:00",
      num_iid: "007",
    });
    expect(params).toEqual({ start: "2024-01-01 00:00:00", num_iid: "007" });
  });

  it("sends a Json param string as is", () => {
    expect(serializeParams(customerUpdate, { ext: '{"raw":true}' }).params["ext"]).toBe(
      '{"raw":true}',
    );
  });

  it("writes an object param as one JSON string, nested dates and bigints in wire form", () => {
    const { params } = serializeParams(customerUpdate, {
      param_customer_update_open_req: {
        customer_id: "c1",
        tag_ids: ["a", "b"],
        birthday: new Date(Date.UTC(1990, 5, 1, 0, 0, 0)),
        gender: 7104300007405429232n,
        skipped: undefined,
        nulled: null,
        zero: 0,
      },
    });
    expect(params["param_customer_update_open_req"]).toBe(
      '{"customer_id":"c1","tag_ids":["a","b"],"birthday":"1990-06-01 08:00:00",' +
        '"gender":7104300007405429232,"zero":0}',
    );
  });

  it("puts files apart, never among the text params", () => {
    const file = { data: new Uint8Array([1, 2]), filename: "a.png" };
    const { params, files } = serializeParams(customerUpdate, { image: file, num_iid: 1 });
    expect(params).toEqual({ num_iid: "1" });
    expect(files).toEqual([["image", file]]);
  });

  it("sends a param the schema does not know, formatted by its type", () => {
    expect(serializeParams(customerUpdate, { extra: 5 }).params).toEqual({ extra: "5" });
  });
});

describe("number forms", () => {
  it.each([
    [1e21, "1000000000000000000000"],
    [1.5e22, "15000000000000000000000"],
    [2e-7, "0.0000002"],
    [-1.25e-8, "-0.0000000125"],
    [123.45, "123.45"],
    [-0, "0"],
  ])("%s → %s", (n, text) => {
    expect(formatNumber(n)).toBe(text);
    expect(toJson([n])).toBe(`[${text}]`);
  });

  it("formats bigints and booleans plainly", () => {
    expect(formatValue(7104300007405429232n)).toBe("7104300007405429232");
    expect(formatValue(false)).toBe("false");
  });
});

describe("encodings", () => {
  it("percent-encodes UTF-8 form params as Java's URLEncoder does (space as +)", () => {
    expect(encodeForm({ nicks: "孙凤民", q: "a b&c+d", keep: "*-._", escape: "~!'()" })).toBe(
      "nicks=%E5%AD%99%E5%87%A4%E6%B0%91&q=a+b%26c%2Bd&keep=*-._&escape=%7E%21%27%28%29",
    );
  });

  it("builds multipart parts: text params and files", async () => {
    const form = toFormData({ a: "1" }, [
      ["image", { data: new Uint8Array([65]), filename: "x.png", contentType: "image/png" }],
    ]);
    expect(form.get("a")).toBe("1");
    const file = form.get("image") as File;
    expect([file.name, file.type, await file.text()]).toEqual(["x.png", "image/png", "A"]);
  });
});
