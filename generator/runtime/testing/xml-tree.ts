import type { JsonNode } from "./json-tree.js";

/** One element of an XML sample: attributes are dropped, the gateway's XML has none. */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** The decoded text directly inside the element. */
  text: string;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * Reads the gateway's XML (a declaration, nested elements, text, CDATA, comments) into its root
 * element. Throws a SyntaxError naming the offset on anything else.
 */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [{ name: "", children: [], text: "" }];
  let at = 0;

  while (at < text.length) {
    const top = stack[stack.length - 1] as XmlElement;
    const lt = text.indexOf("<", at);
    if (lt < 0) {
      top.text += decode(text.slice(at));
      break;
    }
    top.text += decode(text.slice(at, lt));

    const skipTo = (end: string): number => {
      const found = text.indexOf(end, lt);
      if (found < 0) throw new SyntaxError(`unterminated markup at offset ${lt}`);
      return found + end.length;
    };
    if (text.startsWith("<?", lt)) at = skipTo("?>");
    else if (text.startsWith("<!--", lt)) at = skipTo("-->");
    else if (text.startsWith("<![CDATA[", lt)) {
      at = skipTo("]]>");
      top.text += text.slice(lt + 9, at - 3);
    } else if (text.startsWith("<!", lt)) at = skipTo(">");
    else if (text.startsWith("</", lt)) {
      at = skipTo(">");
      const name = text.slice(lt + 2, at - 1).trim();
      if (stack.length < 2 || top.name !== name) {
        throw new SyntaxError(`unexpected </${name}> at offset ${lt}`);
      }
      stack.pop();
    } else {
      at = skipTo(">");
      const selfClosing = text.charAt(at - 2) === "/";
      const inner = text.slice(lt + 1, selfClosing ? at - 2 : at - 1);
      const name = /^[^\s/>]+/.exec(inner)?.[0];
      if (name === undefined) throw new SyntaxError(`element without a name at offset ${lt}`);
      const element: XmlElement = { name, children: [], text: "" };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }

  const root = stack[0]?.children[0];
  if (stack.length !== 1 || root === undefined || stack[0]?.children.length !== 1) {
    throw new SyntaxError("the XML does not have exactly one complete root element");
  }
  return root;
}

function escape(text: string): string {
  return text.replace(/[<>&]/g, (ch) => (ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&amp;"));
}

/** Writes `node` as the content of `<name>`; an array repeats the element once per item. */
function element(name: string, node: JsonNode): string {
  switch (node.t) {
    case "arr":
      return node.items.map((item) => element(name, item)).join("");
    case "obj":
      return `<${name}>${node.entries.map(([k, v]) => element(k, v)).join("")}</${name}>`;
    case "str":
      return `<${name}>${escape(node.value)}${node.rawSuffix ?? ""}</${name}>`;
    case "lit":
      return `<${name}>${node.text === "null" ? "" : node.text}</${name}>`;
  }
}

/**
 * The gateway's XML form of a response tree: object keys become elements and a list wrapper
 * `{"string": ["a", "b"]}` becomes `<string>a</string><string>b</string>`, as on the wire.
 */
export function printXml(rootName: string, body: JsonNode): string {
  return `<?xml version="1.0" encoding="utf-8" ?>${element(rootName, body)}`;
}
