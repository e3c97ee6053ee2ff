/**
 * The shape of a page's samples as a tree of names: which fields the Java request sample sets
 * on each object, and how the XML or JSON response sample nests its elements. Text pages do
 * not write out nesting depth, so `param-tree.ts` reads it from here.
 */

/** One object or value of a sample; children are keyed by `sampleKey` of their name. */
export interface SampleNode {
  children: Map<string, SampleNode>;
  /** The literal a leaf has in the sample (`""` when the sample sets it empty). */
  value?: string;
}

/**
 * Compares a snake_case doc name with a Java setter or an element name: `tag_ids`, `TagIds` and
 * `tagids` all give `tagids`. Java setters lose underscores, so this is the common ground.
 */
export function sampleKey(name: string): string {
  return name.replace(/_/g, "").toLowerCase();
}

function node(): SampleNode {
  return { children: new Map() };
}

function merge(into: SampleNode, from: SampleNode): void {
  if (into === from) return;
  for (const [key, child] of from.children) {
    const existing = into.children.get(key);
    if (existing === undefined) into.children.set(key, child);
    else merge(existing, child);
  }
  if (into.value === undefined && from.value !== undefined) into.value = from.value;
}

const DECLARE = /^\s*[\w.<>,\s]+?\s+(\w+)\s*=\s*new\s+[\w.<>,\s]+\(/;
const CALL = /^\s*(\w+)\.(set\w+|add)\((.*)\);\s*$/;

/** The literal of a Java argument: `1L` → `1`, `"a"` → `a`, `toDate("2020-01-01")` → the date. */
function javaLiteral(argument: string): string | undefined {
  const arg = argument.trim();
  if (arg.startsWith('"') && arg.endsWith('"') && arg.length >= 2) return arg.slice(1, -1);
  if (/^-?\d+(?:\.\d+)?[LlDdFf]?$/.test(arg)) return arg.replace(/[LlDdFf]$/, "");
  if (arg === "true" || arg === "false") return arg;
  const quoted = /"([^"]*)"/.exec(arg);
  if (quoted !== null && !arg.startsWith("new ")) return quoted[1];
  return undefined;
}

/** Reads a Java request sample (`obj1.setAddress(...)`, `req.setX(obj1)`) into a tree. */
export function javaSampleTree(java: string): SampleNode {
  const root = node();
  const vars = new Map<string, SampleNode>([["req", root]]);
  const varOf = (name: string): SampleNode => {
    let found = vars.get(name);
    if (found === undefined) {
      found = node();
      vars.set(name, found);
    }
    return found;
  };

  for (const line of java.split("\n")) {
    const call = CALL.exec(line);
    if (call !== null) {
      const [, owner = "", method = "", argument = ""] = call;
      if (owner === "client" || owner === "System") continue;
      const target = varOf(owner);
      const value = argument.trim();
      const child = /^\w+$/.test(value) && vars.has(value) ? varOf(value) : undefined;
      if (method === "add") {
        // A list of objects: the list stands for its elements' fields.
        if (child !== undefined) merge(target, child);
        continue;
      }
      const key = sampleKey(method.slice(3));
      if (child !== undefined) target.children.set(key, child);
      else {
        const leaf = node();
        const literal = javaLiteral(value);
        if (literal !== undefined) leaf.value = literal;
        target.children.set(key, leaf);
      }
      continue;
    }
    const declared = DECLARE.exec(line);
    if (declared?.[1] !== undefined && declared[1] !== "req") varOf(declared[1]);
  }
  return root;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Reads an XML response sample; returns the node of its root element, or undefined. */
export function xmlSampleTree(xml: string): SampleNode | undefined {
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[!?][^>]*>/g;
  const stack: SampleNode[] = [];
  let root: SampleNode | undefined;
  let text = "";
  let last = 0;
  for (let match = tag.exec(xml); match !== null; match = tag.exec(xml)) {
    text += decodeXmlText(xml.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, name, selfClosing, cdata] = match;
    if (cdata !== undefined) text += cdata;
    if (name === undefined) continue;
    if (closing === "/") {
      const done = stack.pop();
      if (done !== undefined && done.children.size === 0) done.value = text.trim();
      text = "";
      continue;
    }
    text = "";
    const parent = stack.at(-1);
    const key = sampleKey(name);
    // A repeated element is one more list item: its fields join the first item's.
    const child = parent?.children.get(key) ?? node();
    if (parent === undefined) root ??= child;
    else parent.children.set(key, child);
    if (selfClosing === "/") child.value ??= "";
    else stack.push(child);
  }
  return root;
}

function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? "");
}

function jsonNode(value: unknown): SampleNode {
  const result = node();
  if (Array.isArray(value)) {
    for (const item of value) merge(result, jsonNode(item));
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      result.children.set(sampleKey(key), jsonNode(child));
    }
  } else {
    result.value = value === null ? "" : String(value);
  }
  return result;
}

/** Reads a JSON response sample; returns its `*_response` object, or undefined. */
export function jsonSampleTree(json: string): SampleNode | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  const values = Object.values(parsed);
  return values.length === 1 ? jsonNode(values[0]) : jsonNode(parsed);
}
