/**
 * A small YAML writer for specs: maps, lists, strings, numbers and booleans, in the order
 * given. Specs are written by the thousand, and a general YAML library spends most of a catalog
 * run choosing styles; these rules are few and fixed. Strings are plain when no YAML reader
 * (1.1 or 1.2) could take them for anything else, literal blocks when they span lines, and
 * double-quoted otherwise. `write-spec.test.ts` checks the output against the `yaml` parser.
 */

/** What a spec is made of once written. */
export type Value = string | number | boolean | readonly Value[] | YamlMap;
export interface YamlMap {
  readonly [key: string]: Value;
}

const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const KEYWORD = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;
const NUMBERISH = /^[-+.]?[0-9]/;
const NUMBER_CHARS = /^[-+0-9a-fA-FxXoO_:.eE]+$/;
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|nan)$/i;

function isPlain(text: string): boolean {
  if (text === "" || text.trim() !== text || INDICATOR.test(text) || UNPRINTABLE.test(text)) {
    return false;
  }
  if (/[\n\t]|: | #|:$/.test(text)) return false;
  if (KEYWORD.test(text) || SPECIAL_FLOAT.test(text) || /^[-+.]+$/.test(text)) return false;
  // Numbers, and what YAML 1.1 reads as numbers or dates (`1_000`, `1:20`, `2019-01-01`).
  return !(NUMBERISH.test(text) && (NUMBER_CHARS.test(text) || /^\d{4}-\d\d?-\d\d?/.test(text)));
}

/** A literal block (`|-`), for texts of several lines that hold only printable characters. */
function literalBlock(text: string, indent: number): string[] | undefined {
  if (!text.includes("\n") || text.trim() === "" || UNPRINTABLE.test(text)) return undefined;
  const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const lines = (trailing === 0 ? text : text.slice(0, -1)).split("\n");
  const firstContent = lines.find((l) => l.trim() !== "") ?? "";
  const indicator = /^\s/.test(firstContent) ? "2" : "";
  const pad = " ".repeat(indent);
  return [`|${indicator}${chomp}`, ...lines.map((l) => (l === "" ? "" : pad + l))];
}

function scalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  if (isPlain(value)) return value;
  // Single quotes where they read better, as prettier would write them, so it leaves specs be.
  const singles = value.split("'").length;
  const doubles = value.split('"').length;
  if (doubles > singles && !/[\n\t\\]/.test(value) && !UNPRINTABLE.test(value)) {
    return `'${value.replace(/'/g, "''")}'`;
  }
  return JSON.stringify(value);
}

function isCollection(value: Value): value is readonly Value[] | YamlMap {
  return typeof value === "object";
}

/** `key: value` lines of a map at `indent` spaces. */
export function yamlMap(map: YamlMap, indent: number): string[] {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${pad}${key}: []`);
      else lines.push(`${pad}${key}:`, ...yamlList(value, indent + 2));
    } else if (isCollection(value)) {
      if (Object.keys(value).length === 0) lines.push(`${pad}${key}: {}`);
      else lines.push(`${pad}${key}:`, ...yamlMap(value as YamlMap, indent + 2));
    } else {
      const block = typeof value === "string" ? literalBlock(value, indent + 2) : undefined;
      if (block === undefined) lines.push(`${pad}${key}: ${scalar(value)}`);
      else lines.push(`${pad}${key}: ${block[0] ?? ""}`, ...block.slice(1));
    }
  }
  return lines;
}

/** `- item` lines of a list at `indent` spaces; maps start on the dash's line. */
function yamlList(list: readonly Value[], indent: number): string[] {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  for (const item of list) {
    if (Array.isArray(item)) {
      lines.push(`${pad}-`, ...yamlList(item, indent + 2));
    } else if (isCollection(item)) {
      const inner = yamlMap(item as YamlMap, indent + 2);
      const [first = "", ...rest] = inner;
      lines.push(`${pad}- ${first.slice(indent + 2)}`, ...rest);
    } else {
      const block = typeof item === "string" ? literalBlock(item, indent + 2) : undefined;
      if (block === undefined) lines.push(`${pad}- ${scalar(item)}`);
      else lines.push(`${pad}- ${block[0] ?? ""}`, ...block.slice(1));
    }
  }
  return lines;
}
