/**
 * Reads a doc page saved from a browser as HTML. Cells are explicit here, so rows are read by
 * column (from the table header), not by what each token looks like. Nested rows are either a
 * `<ul>` with one `<li>` per column or a `<tr>` marked `└`; a row indented with
 * `padding-left` (20px a level) gives its depth, otherwise `param-tree.ts` recovers it.
 */
import { load, type CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { fail, type DiagnosticBag } from "../spec/diagnostics.js";
import type { ErrorCodeDoc, Samples } from "../spec/spec.js";
import { addLimit, isLimitToken, requiredMark } from "./cells.js";
import {
  REQUIRED_SECTIONS,
  SECTIONS,
  authorizationLabel,
  parseBreadcrumb,
  parseTitle,
  sampleKind,
  type Section,
} from "./page-parts.js";
import { buildTrees } from "./param-tree.js";
import type { FlatRow, RawPage } from "./raw-page.js";
import { isObjectType } from "./types.js";

const COLUMNS: Record<string, keyof FlatRow | "limits"> = {
  名称: "name",
  类型: "type",
  是否必须: "required",
  示例值: "example",
  更多限制: "limits",
  描述: "description",
};

/** Pixels of `padding-left` per nesting level in indented renderings. */
const INDENT_PX = 20;
const BREAK = "\uE000";

function lineOf(node: AnyNode | undefined): number | undefined {
  return node?.sourceCodeLocation?.startLine;
}

function where(node: AnyNode | undefined): { line?: number } {
  const line = lineOf(node);
  return line === undefined ? {} : { line };
}

/** Visible text: whitespace collapsed as a browser does, `<br>` kept as a line break. */
function cellText($: CheerioAPI, node: AnyNode): string {
  return $(node)
    .text()
    .replace(/\s+/g, " ")
    .split(BREAK)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join("\n");
}

/** Reads one HTML page; throws a located `TopgenError` when it is not a readable doc page. */
export function readHtmlPage(html: string, input: string, bag: DiagnosticBag): RawPage {
  const $ = load(html, { sourceCodeLocationInfo: true });
  $("br").replaceWith(BREAK);
  $("script, style, noscript").remove();
  const all = $("body *").toArray();

  const titleAt = all.findIndex((el) => /^h[1-6]$/.test(el.tagName) && isTitle($, el));
  const titleEl = all[titleAt];
  const title = titleEl === undefined ? undefined : parseTitle(cellText($, titleEl));
  if (titleEl === undefined || title === undefined) {
    fail("PAGE_NOT_DOC", input, "no heading of the form `api.name (标题)`", { line: 1 });
  }

  const page: RawPage = {
    api: title.api,
    title: title.title,
    description: "",
    request: [],
    response: [],
    samples: {},
    errorCodes: [],
  };
  const titleLine = lineOf(titleEl);
  if (titleLine !== undefined) page.line = titleLine;
  const crumbs = all
    .slice(0, titleAt)
    .map((el) => cellText($, el))
    .filter((t) => parseBreadcrumb(t) !== undefined)
    .sort((a, b) => a.length - b.length);
  const category = crumbs[0] === undefined ? undefined : parseBreadcrumb(crumbs[0]);
  if (category !== undefined) page.category = category;

  let section: Section | undefined;
  const seen = new Set<Section>();
  const prose: string[] = [];
  const tables = new Map<Section, Element>();
  for (const el of all.slice(titleAt + 1)) {
    const block = isTextBlock($, el) && !isTextBlock($, el.parent) ? cellText($, el) : undefined;
    const heading = SECTIONS.find((s) => s === block);
    if (heading !== undefined) {
      section = heading;
      seen.add(heading);
      continue;
    }
    if (section === undefined && block !== undefined && block !== "") {
      const labels = [el, ...$(el).find("*").toArray()].map((e) => cellText($, e));
      const label = labels.map(authorizationLabel).find((l) => l !== undefined);
      if (label !== undefined) page.authorization = label;
      else prose.push(block);
    }
    if (section !== undefined && el.tagName === "table" && !tables.has(section)) {
      tables.set(section, el);
    }
    if (section !== undefined && el.tagName === "pre") addSample($, el, section, page.samples);
  }
  page.description = prose.join("\n");

  for (const required of REQUIRED_SECTIONS) {
    if (!seen.has(required)) {
      const line = html.trimEnd().split("\n").length;
      fail("PAGE_TRUNCATED", input, `the page ends before the ${required} section`, { line });
    }
  }

  const errors = tables.get("错误码解释");
  if (errors !== undefined) page.errorCodes = readErrorCodes($, errors);
  const trees = buildTrees(
    readTable($, tables.get("请求参数"), input),
    readTable($, tables.get("响应参数"), input),
    page.samples,
    { input, bag },
  );
  page.request = trees.request;
  page.response = trees.response;
  return page;
}

const INLINE = new Set([
  "a",
  "b",
  "strong",
  "em",
  "i",
  "code",
  "span",
  "font",
  "small",
  "sub",
  "sup",
]);

/** An element whose content is only text and inline markup: one paragraph of the page. */
function isTextBlock($: CheerioAPI, node: AnyNode | null): node is Element {
  if (node === null || node.type !== "tag") return false;
  const el = node as Element;
  if (el.tagName === "body" || el.tagName === "html") return false;
  return $(el)
    .find("*")
    .toArray()
    .every((child) => INLINE.has(child.tagName));
}

function isTitle($: CheerioAPI, el: Element): boolean {
  return parseTitle(cellText($, el)) !== undefined;
}

function addSample($: CheerioAPI, el: Element, section: Section, samples: Samples): void {
  const lines = $(el).text().replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && lines[0]?.trim() === "") lines.shift();
  while (lines.length > 0 && lines.at(-1)?.trim() === "") lines.pop();
  const code = lines.join("\n");
  const kind = sampleKind(section, code);
  if (kind !== undefined) samples[kind] ??= code;
}

function readErrorCodes($: CheerioAPI, table: Element): ErrorCodeDoc[] {
  return $(table)
    .find("tbody tr")
    .toArray()
    .flatMap((tr) => {
      const [code = "", message = "", solution = ""] = $(tr)
        .children("td")
        .toArray()
        .map((td) => cellText($, td));
      if (code === "") return [];
      const doc: ErrorCodeDoc = { code };
      if (message !== "") doc.message = message;
      if (solution !== "") doc.solution = solution;
      return [doc];
    });
}

/** The depth an indented row gives in its style, or undefined. */
function indentDepth($: CheerioAPI, tr: Element, first: AnyNode | undefined): number | undefined {
  for (const node of [first, tr]) {
    const style = node === undefined ? undefined : $(node).attr("style");
    const px = /padding-left\s*:\s*(\d+)px/.exec(style ?? "")?.[1];
    if (px !== undefined) return Math.round(Number(px) / INDENT_PX);
  }
  return undefined;
}

function readTable($: CheerioAPI, table: Element | undefined, input: string): FlatRow[] {
  if (table === undefined) return [];
  const header = $(table).find("tr").first();
  const columns = header
    .children("th, td")
    .toArray()
    .map((cell) => COLUMNS[cellText($, cell)]);
  if (columns[0] !== "name" || columns[1] !== "type") {
    fail(
      "PAGE_UNKNOWN_LAYOUT",
      input,
      "a parameter table has no 名称 and 类型 columns",
      where(header[0]),
    );
  }

  const rows: FlatRow[] = [];
  for (const tr of $(table).find("tr").toArray().slice(1)) {
    const list = $(tr).find("ul").first();
    const nested = list.length > 0;
    const cells = nested ? list.children("li").toArray() : $(tr).children("td").toArray();
    if (cells.length === 0) continue;
    if (cells.length !== columns.length) {
      fail(
        "ROW_UNREADABLE",
        input,
        `a row has ${cells.length} cells for ${columns.length} columns`,
        where(tr),
      );
    }
    rows.push(readRow($, tr, cells, columns, nested));
  }
  return rows;
}

function readRow(
  $: CheerioAPI,
  tr: Element,
  cells: AnyNode[],
  columns: (string | undefined)[],
  nested: boolean,
): FlatRow {
  const text = (column: string): string => {
    const at = columns.indexOf(column);
    const cell = cells[at];
    return at < 0 || cell === undefined ? "" : cellText($, cell);
  };
  const written = text("name");
  const leaf = written.startsWith("└");
  const row: FlatRow = { name: written.replace(/^└\s*/, ""), type: undefined, limits: {}, leaf };
  const line = lineOf(tr);
  if (line !== undefined) row.line = line;
  const type = text("type");
  if (type !== "") row.type = type;
  const required = requiredMark(text("required"));
  if (required !== undefined) row.required = required;
  for (const token of text("limits").split(/\s+/)) {
    if (isLimitToken(token)) addLimit(row.limits, token);
  }
  const example = text("example");
  const description = text("description");
  if (example !== "") row.example = example;
  if (description !== "") row.description = description;

  const depth = indentDepth($, tr, cells[0]);
  if (depth !== undefined) row.depth = depth;
  else if (!nested && !leaf) row.depth = 0;
  // Top-level rows carry no mark either way; only object types can have children.
  if (row.depth === 0) row.leaf = !isObjectType(row.type);
  return row;
}
