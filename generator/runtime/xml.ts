import type { ResponseFormat } from "./response.js";

/**
 * XML responses (`format=xml`), opt-in: `new TopClient({ ..., format: xmlFormat })`. The body
 * becomes the same tree JSON gives (`{"<x>_response": {...}}`): an element with child elements
 * becomes an object, repeated children an array, a leaf its text. Lists and kinds are then
 * repaired from the schema like lenient JSON (a one-item list, `"true"`, digit strings).
 * Attributes are ignored: the gateway's carry nothing the schema needs.
 */
export const xmlFormat: ResponseFormat = { name: "xml", decode: parseXml };

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)[^>]*?(\/?)>|([^<]+)/g;

/** Parses an XML document into `{ rootName: value }`; throws `SyntaxError` when malformed. */
export function parseXml(text: string): Record<string, unknown> {
  interface Frame {
    name: string;
    children: Record<string, unknown> | undefined;
    text: string;
  }
  const root: Frame = { name: "", children: undefined, text: "" };
  const stack: Frame[] = [root];
  const add = (parent: Frame, name: string, value: unknown): void => {
    const children = (parent.children ??= {});
    const prev = children[name];
    children[name] =
      prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  for (const m of text.matchAll(TOKEN)) {
    const top = stack[stack.length - 1] as Frame;
    const [, cdata, close, open, selfClosing, chars] = m;
    if (cdata !== undefined) top.text += cdata;
    else if (chars !== undefined) top.text += decodeEntities(chars);
    else if (open !== undefined) {
      if (selfClosing) add(top, open, "");
      else stack.push({ name: open, children: undefined, text: "" });
    } else if (close !== undefined) {
      if (close !== top.name || stack.length < 2) throw new SyntaxError(`unexpected </${close}>`);
      stack.pop();
      add(stack[stack.length - 1] as Frame, close, top.children ?? top.text.trim());
    }
  }
  if (stack.length !== 1 || root.children === undefined)
    throw new SyntaxError("not an XML document");
  return root.children;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(
          e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
        )
      : (ENTITIES[e] ?? all),
  );
}
