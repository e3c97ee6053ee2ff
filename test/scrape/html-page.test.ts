import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DiagnosticBag, TopgenError } from "../../generator/spec/diagnostics.js";
import { buildSpec } from "../../generator/scrape/build-spec.js";
import { readHtmlPage } from "../../generator/scrape/html-page.js";
import { readTextPage } from "../../generator/scrape/text-page.js";
import { FIXTURES, HAS_SEED, SEED } from "./shared-dir.js";

function fromHtml(html: string, input = "page.html") {
  const bag = new DiagnosticBag();
  return { spec: buildSpec(readHtmlPage(html, input, bag), input, bag), bag };
}

function fromText(text: string, input = "page.txt") {
  const bag = new DiagnosticBag();
  return { spec: buildSpec(readTextPage(text, input, bag), input, bag), bag };
}

function thrown(run: () => unknown): TopgenError {
  try {
    run();
  } catch (error) {
    if (error instanceof TopgenError) return error;
    throw error;
  }
  throw new Error("expected a TopgenError");
}

const seedHtml = readFileSync(`${FIXTURES}alibaba.alsc.crm.customer.update.html`, "utf8");
const nestedHtml = readFileSync(`${FIXTURES}taobao.topgen.fixture.nested.html`, "utf8");

describe.skipIf(!HAS_SEED)("html page: the seed (skipped: ../shared/seed is absent)", () => {
  it("gives the same spec as the text page", () => {
    const html = fromHtml(seedHtml);
    const text = fromText(readFileSync(SEED, "utf8"));
    expect(html.bag.items).toEqual([]);
    expect(html.spec).toEqual(text.spec);
    expect(html.spec.request[0]?.fields).toHaveLength(19);
  });
});

describe("html page", () => {
  it("reads indented rows at their depth, like the text page with samples", () => {
    const html = fromHtml(nestedHtml);
    const text = fromText(readFileSync(`${FIXTURES}taobao.topgen.fixture.nested.txt`, "utf8"));
    expect(html.bag.items).toEqual([]);
    expect(html.spec).toEqual(text.spec);
  });

  it("takes depth from indentation even without samples", () => {
    const noSamples = nestedHtml.replace(/<pre>[\s\S]*?<\/pre>/g, "<pre></pre>");
    const { spec, bag } = fromHtml(noSamples);
    expect(bag.items).toEqual([]);
    const query = spec.request.find((p) => p.name === "query");
    expect(query?.fields?.map((f) => f.name)).toEqual(["filter", "keyword", "cat_ids"]);
    expect(spec.samples).toBeUndefined();
  });

  it("reads cells by column, so an empty example stays empty", () => {
    const { spec } = fromHtml(seedHtml);
    const extInfo = spec.request[0]?.fields?.find((f) => f.name === "ext_info");
    expect(extInfo).toEqual({
      name: "ext_info",
      type: "String",
      required: false,
      description: "扩展信息",
    });
  });

  it("fails on a page without a title heading", () => {
    const error = thrown(() => fromHtml("<html><body><p>hi</p></body></html>", "x.html"));
    expect(error.diagnostic).toMatchObject({ code: "PAGE_NOT_DOC", input: "x.html", line: 1 });
  });

  it("fails on a truncated page at its last line", () => {
    const cut = nestedHtml.slice(0, nestedHtml.indexOf("<h3>响应参数</h3>"));
    const error = thrown(() => fromHtml(cut, "cut.html"));
    expect(error.diagnostic.code).toBe("PAGE_TRUNCATED");
    expect(error.diagnostic.line).toBe(cut.trimEnd().split("\n").length);
  });

  it("fails on a row with too few cells, at the row's line", () => {
    const broken = nestedHtml.replace("<td>每页条数</td>", "");
    const error = thrown(() => fromHtml(broken, "row.html"));
    const line = broken.split("\n").findIndex((l) => l.includes("page_size")) + 1;
    expect(error.diagnostic).toMatchObject({ code: "ROW_UNREADABLE", input: "row.html", line });
  });
});
