/**
 * Reads a doc page saved as text (see `../shared/seed/*.txt`): headings on their own lines,
 * top-level param rows as one line of space-separated cells, nested rows as one bullet per
 * non-empty cell. Empty cells are absent, so each token is read by what it can be.
 */
import { fail, type DiagnosticBag } from "../spec/diagnostics.js";
import type { ErrorCodeDoc, Samples } from "../spec/spec.js";
import { addLimit, isLimitToken, isNameToken, isTypeToken, requiredMark } from "./cells.js";
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
import { isObjectType } from "./types.js";
import type { FlatRow, RawPage } from "./raw-page.js";

interface Line {
  text: string;
  /** 1-based. */
  no: number;
}

const BULLET = /^\s*[•·●▪]\s?(.*)$/;

/** Reads one text page; throws a located `TopgenError` when it is not a readable doc page. */
export function readTextPage(text: string, input: string, bag: DiagnosticBag): RawPage {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((t, i) => ({ text: t, no: i + 1 }));
  const titleAt = lines.findIndex((l) => parseTitle(l.text) !== undefined);
  const titleLine = lines[titleAt];
  const title = titleLine === undefined ? undefined : parseTitle(titleLine.text);
  if (titleLine === undefined || title === undefined) {
    fail("PAGE_NOT_DOC", input, "no title line of the form `api.name (标题)`", { line: 1 });
  }

  const sections = findSections(lines, titleAt, input);
  const body = (from: Section, to?: Section): Line[] => sectionLines(lines, sections, from, to);
  const intro = lines.slice(titleAt + 1, sections.get("公共参数") ?? sections.get("请求参数"));
  const page: RawPage = {
    api: title.api,
    title: title.title,
    description: "",
    request: [],
    response: [],
    samples: {},
    errorCodes: [],
    line: titleLine.no,
  };
  const crumb = lines.slice(0, titleAt).find((l) => parseBreadcrumb(l.text) !== undefined);
  const category = crumb === undefined ? undefined : parseBreadcrumb(crumb.text);
  if (category !== undefined) page.category = category;

  const prose: string[] = [];
  for (const line of intro) {
    const label = authorizationLabel(line.text);
    if (label !== undefined) page.authorization = label;
    else if (line.text.trim() !== "") prose.push(line.text.trim());
  }
  page.description = prose.join("\n");

  readSamples(body("请求示例"), "请求示例", page.samples);
  readSamples(body("响应示例"), "响应示例", page.samples);
  readSamples(body("异常示例"), "异常示例", page.samples);
  page.errorCodes = readErrorCodes(body("错误码解释"));

  const trees = buildTrees(
    readRows(body("请求参数"), true, input, bag),
    readRows(body("响应参数"), false, input, bag),
    page.samples,
    { input, bag },
  );
  page.request = trees.request;
  page.response = trees.response;
  return page;
}

/** Index of each heading line after the title; fails when a required one is missing. */
function findSections(lines: Line[], titleAt: number, input: string): Map<Section, number> {
  const found = new Map<Section, number>();
  let next = 0;
  for (let i = titleAt + 1; i < lines.length; i++) {
    const text = lines[i]?.text.trim() ?? "";
    const at = SECTIONS.indexOf(text as Section, next);
    if (at >= 0) {
      found.set(SECTIONS[at] as Section, i);
      next = at + 1;
    }
  }
  for (const required of REQUIRED_SECTIONS) {
    if (!found.has(required)) {
      const last = [...lines].reverse().find((l) => l.text.trim() !== "") ?? lines.at(-1);
      fail("PAGE_TRUNCATED", input, `the page ends before the ${required} section`, {
        line: last?.no ?? 1,
      });
    }
  }
  return found;
}

function sectionLines(
  lines: Line[],
  sections: Map<Section, number>,
  from: Section,
  to?: Section,
): Line[] {
  const start = sections.get(from);
  if (start === undefined) return [];
  const ends = [...sections.values()].filter((i) => i > start);
  const end = to === undefined ? Math.min(lines.length, ...ends) : (sections.get(to) ?? start);
  return lines.slice(start + 1, end);
}

/** Code blocks under a sample heading: tab labels are bullets, the active tab's code follows. */
function readSamples(lines: Line[], section: Section, samples: Samples): void {
  const code = lines.filter((l) => !BULLET.test(l.text)).map((l) => l.text);
  while (code.length > 0 && code[0]?.trim() === "") code.shift();
  while (code.length > 0 && code.at(-1)?.trim() === "") code.pop();
  const text = code.join("\n");
  const kind = sampleKind(section, text);
  if (kind !== undefined) samples[kind] = text;
}

/** Error code rows: `code message solution`, split at the first two spaces. */
function readErrorCodes(lines: Line[]): ErrorCodeDoc[] {
  const rows = lines.map((l) => l.text.trim()).filter((t) => t !== "");
  if (rows[0]?.startsWith("错误码") === true) rows.shift();
  return rows.map((row) => {
    const [code = "", message, ...solution] = row.split(/\s+/);
    const doc: ErrorCodeDoc = { code };
    if (message !== undefined) doc.message = message;
    if (solution.length > 0) doc.solution = solution.join(" ");
    return doc;
  });
}

/** Whether a line starts a top-level row: a name, then a type or a required mark. */
function isRowLine(text: string, withRequired: boolean): boolean {
  const [name = "", second = ""] = text.trim().split(/\s+/);
  if (!isNameToken(name)) return false;
  return isTypeToken(second) || (withRequired && requiredMark(second) !== undefined);
}

/** Reads the flat rows of one parameter table (header line, then rows). */
function readRows(lines: Line[], withRequired: boolean, input: string, bag: DiagnosticBag) {
  const content = lines.filter((l) => l.text.trim() !== "");
  const header = content.shift();
  if (header === undefined) return [];
  if (!header.text.trim().startsWith("名称")) {
    fail("PAGE_UNKNOWN_LAYOUT", input, "a parameter table does not start with its header", {
      line: header.no,
    });
  }

  const rows: FlatRow[] = [];
  let bullets: Line[] = [];
  const flush = (): void => {
    rows.push(...bulletRows(bullets, withRequired, input, bag));
    bullets = [];
  };
  for (const line of content) {
    const bullet = BULLET.exec(line.text);
    if (bullet !== null) bullets.push({ text: (bullet[1] ?? "").trim(), no: line.no });
    else if (isRowLine(line.text, withRequired)) {
      flush();
      rows.push(lineRow(line, withRequired));
    } else {
      // A cell that wraps onto a new line continues the last cell.
      const last = bullets.at(-1);
      const lastRow = rows.at(-1);
      if (last !== undefined) last.text += `\n${line.text.trim()}`;
      else if (lastRow?.undecided !== undefined) lastRow.undecided.text += ` ${line.text.trim()}`;
      else
        fail("ROW_UNREADABLE", input, "a line in a parameter table is no row", { line: line.no });
    }
  }
  flush();
  return rows;
}

/** A top-level row written on one line: `name Type 必须 最大长度:32 example description`. */
function lineRow(line: Line, withRequired: boolean): FlatRow {
  const tokens = line.text.trim().split(/\s+/);
  const row: FlatRow = { name: tokens.shift() ?? "", type: undefined, limits: {}, leaf: true };
  row.depth = 0;
  row.line = line.no;
  if (isTypeToken(tokens[0] ?? "")) {
    row.type = tokens.shift();
    while (/^(?:\[\s*\])+$/.test(tokens[0] ?? "")) row.type += ` ${tokens.shift() ?? ""}`;
  }
  if (withRequired) {
    const required = requiredMark(tokens[0] ?? "");
    if (required !== undefined) {
      row.required = required;
      tokens.shift();
    }
  }
  while (isLimitToken(tokens[0] ?? "")) addLimit(row.limits, tokens.shift() ?? "");
  if (tokens.length > 0) row.undecided = { text: tokens.join(" "), cell: false };
  // Only object types have child rows; a top-level row is a leaf unless bullets follow.
  row.leaf = !isObjectType(row.type);
  return row;
}

/** Whether bullet `i` starts a row: a `└` leaf, or a name followed by a type. */
function startsRow(cells: Line[], i: number, withRequired: boolean): boolean {
  const text = cells[i]?.text ?? "";
  if (text.startsWith("└")) return true;
  const next = cells[i + 1]?.text ?? "";
  return (
    isNameToken(text) && (isTypeToken(next) || (withRequired && requiredMark(next) !== undefined))
  );
}

/** Groups the bullets under one top-level row into nested rows, one bullet per cell. */
function bulletRows(cells: Line[], withRequired: boolean, input: string, bag: DiagnosticBag) {
  const rows: FlatRow[] = [];
  let i = 0;
  while (i < cells.length) {
    const first = cells[i] as Line;
    const leaf = first.text.startsWith("└");
    const name = leaf ? first.text.slice(1).trim() : first.text;
    if (!startsRow(cells, i, withRequired) || !isNameToken(name)) {
      fail("ROW_UNREADABLE", input, `expected a parameter name, found "${first.text}"`, {
        line: first.no,
      });
    }
    const row: FlatRow = { name, type: undefined, limits: {}, leaf, line: first.no };
    i++;
    if (isTypeToken(cells[i]?.text ?? "")) {
      row.type = cells[i]?.text;
      i++;
    }
    const required = withRequired ? requiredMark(cells[i]?.text ?? "") : undefined;
    if (required !== undefined) {
      row.required = required;
      i++;
    }
    while (i < cells.length && (cells[i]?.text ?? "").split(/\s+/).every(isLimitToken)) {
      for (const token of (cells[i]?.text ?? "").split(/\s+/)) addLimit(row.limits, token);
      i++;
    }
    const values: Line[] = [];
    while (i < cells.length && !startsRow(cells, i, withRequired)) values.push(cells[i++] as Line);
    const [example, ...description] = values;
    if (values.length === 1 && example !== undefined) {
      row.undecided = { text: example.text, cell: true };
    } else if (example !== undefined) {
      row.example = example.text;
      row.description = description.map((d) => d.text).join("\n");
      if (values.length > 2) {
        bag.warn("ROW_UNREADABLE", input, `row ${name} has more cells than columns; joined`, {
          line: first.no,
        });
      }
    }
    rows.push(row);
  }
  return rows;
}
