/**
 * Rebuilds the parameter tree of a text or HTML page from its flat rows. Pages mark leaves
 * (`└`) but do not write out depth, so a row after a nested object's children may belong to
 * that object or to one of its ancestors; the page's own samples decide, and when they cannot,
 * the row goes to the innermost open object and a `TREE_AMBIGUOUS` warning names it.
 */
import type { DiagnosticBag } from "../spec/diagnostics.js";
import { hasCjk } from "./cells.js";
import type { FlatRow, RawParam } from "./raw-page.js";
import type { Samples } from "../spec/spec.js";
import {
  javaSampleTree,
  jsonSampleTree,
  sampleKey,
  xmlSampleTree,
  type SampleNode,
} from "./sample-tree.js";

interface Open {
  param: RawParam;
  path: string;
  sample: SampleNode | undefined;
}

/** Where diagnostics go and what they name. */
export interface TreeContext {
  input: string;
  bag: DiagnosticBag;
}

/** The sample node of a param's children; lists of objects skip the XML/JSON list wrapper. */
function childSample(parent: SampleNode | undefined, row: FlatRow): SampleNode | undefined {
  const found = parent?.children.get(sampleKey(row.name));
  if (found === undefined || row.type === undefined || !/\]\s*$/.test(row.type)) return found;
  const [only] = found.children.values();
  return found.children.size === 1 && only !== undefined && only.children.size > 0 ? only : found;
}

/**
 * Settles a cell that is either the example or the description. The sample's value for the
 * param decides; without one, a lone cell is the description and a top-level line's first
 * token is the example when it is not prose (no CJK) and more text follows.
 */
function settle(
  row: FlatRow,
  sample: SampleNode | undefined,
): Pick<RawParam, "example" | "description"> {
  const { text, cell } = row.undecided ?? { text: "", cell: true };
  const value = sample !== undefined && sample.children.size === 0 ? sample.value : undefined;
  if (value === "") return { description: text };
  if (value !== undefined) {
    if (text === value) return { example: value };
    if (!cell && text.startsWith(`${value} `)) {
      return { example: value, description: text.slice(value.length + 1).trim() };
    }
  }
  if (cell) return { description: text };
  const [first = "", ...rest] = text.split(" ");
  if (rest.length > 0 && !hasCjk(first)) return { example: first, description: rest.join(" ") };
  return { description: text };
}

function toParam(row: FlatRow, sample: SampleNode | undefined): RawParam {
  const param: RawParam = { name: row.name, type: row.type, limits: row.limits, fields: [] };
  if (row.required !== undefined) param.required = row.required;
  const settled = row.undecided === undefined ? {} : settle(row, sample);
  const example = row.example ?? settled.example;
  const description = [row.description, settled.description].filter((d) => d).join(" ");
  if (example !== undefined && example !== "") param.example = example;
  if (description !== "") param.description = description;
  if (row.line !== undefined) param.line = row.line;
  return param;
}

/** Picks the open object a depth-less nested row belongs to. */
function pickParent(stack: Open[], row: FlatRow, ctx: TreeContext): number {
  const innermost = stack.length - 1;
  const last = stack[innermost];
  // The first row after a row that has children is always its child.
  if (last === undefined || stack.length === 1 || last.param.fields.length === 0) return innermost;

  const key = sampleKey(row.name);
  const free = (open: Open): boolean => !open.param.fields.some((f) => sampleKey(f.name) === key);
  for (let i = innermost; i >= 0; i--) {
    const open = stack[i];
    if (open?.sample?.children.has(key) === true && free(open)) return i;
  }
  const unknown = stack.flatMap((open, i) => (open.sample === undefined && free(open) ? [i] : []));
  if (unknown.length === 1 && unknown[0] !== undefined) return unknown[0];

  ctx.bag.warn(
    "TREE_AMBIGUOUS",
    ctx.input,
    `the samples do not show which object ${row.name} belongs to; placed in ${last.path}`,
    { path: `${last.path}/${row.name}`, ...(row.line === undefined ? {} : { line: row.line }) },
  );
  return innermost;
}

/** Turns the flat rows of one table into the param tree. */
export function buildParamTree(
  rows: readonly FlatRow[],
  sample: SampleNode | undefined,
  side: "request" | "response",
  ctx: TreeContext,
): RawParam[] {
  const top: RawParam[] = [];
  let stack: Open[] = [];

  for (const row of rows) {
    let parent: Open | undefined;
    if (row.depth === 0) stack = [];
    else if (row.depth !== undefined) stack = stack.slice(0, row.depth);
    else if (stack.length === 0) {
      ctx.bag.warn("TREE_AMBIGUOUS", ctx.input, `nested row ${row.name} follows no object`, {
        path: `${side}/${row.name}`,
        ...(row.line === undefined ? {} : { line: row.line }),
      });
    } else stack = stack.slice(0, pickParent(stack, row, ctx) + 1);
    parent = stack.at(-1);

    const parentSample = parent === undefined ? sample : parent.sample;
    const here = childSample(parentSample, row);
    const param = toParam(row, here);
    if (parent === undefined) top.push(param);
    else parent.param.fields.push(param);
    if (!row.leaf) {
      const path = `${parent?.path ?? side}/${row.name}`;
      stack.push({ param, path, sample: here });
    }
  }
  return top;
}

/** Builds both trees of a page, each guided by its samples (Java request, XML or JSON response). */
export function buildTrees(
  request: readonly FlatRow[],
  response: readonly FlatRow[],
  samples: Samples,
  ctx: TreeContext,
): { request: RawParam[]; response: RawParam[] } {
  const java = samples.request_java;
  const xml = samples.response_xml;
  const json = samples.response_json;
  const responseSample =
    xml !== undefined ? xmlSampleTree(xml) : json !== undefined ? jsonSampleTree(json) : undefined;
  return {
    request: buildParamTree(
      request,
      java === undefined ? undefined : javaSampleTree(java),
      "request",
      ctx,
    ),
    response: buildParamTree(response, responseSample, "response", ctx),
  };
}
