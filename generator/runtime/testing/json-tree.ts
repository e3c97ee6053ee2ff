/**
 * A lossless JSON tree for the simulator's samples. Numbers keep their source text, so that a
 * 19-digit id such as `7104300007405429232` comes back with every digit: `JSON.parse` would round
 * it through a JS number.
 */
export type JsonNode = JsonObject | JsonArray | JsonString | JsonLiteral;

export interface JsonObject {
  t: "obj";
  entries: [string, JsonNode][];
}

export interface JsonArray {
  t: "arr";
  items: JsonNode[];
}

export interface JsonString {
  t: "str";
  value: string;
  /** Written after the value without escaping: how the simulator sends raw control characters. */
  rawSuffix?: string;
}

/** A number, `true`, `false` or `null`, as its exact source text. */
export interface JsonLiteral {
  t: "lit";
  text: string;
}

export const obj = (entries: [string, JsonNode][] = []): JsonObject => ({ t: "obj", entries });
export const arr = (items: JsonNode[]): JsonArray => ({ t: "arr", items });
export const str = (value: string): JsonString => ({ t: "str", value });
export const lit = (text: string): JsonLiteral => ({ t: "lit", text });

/** The value of `key` in an object node, or undefined. */
export function getEntry(node: JsonObject, key: string): JsonNode | undefined {
  return node.entries.find(([k]) => k === key)?.[1];
}

/** Writes a tree as compact JSON text. */
export function printJson(node: JsonNode): string {
  switch (node.t) {
    case "lit":
      return node.text;
    case "str":
      return `${JSON.stringify(node.value).slice(0, -1)}${node.rawSuffix ?? ""}"`;
    case "arr":
      return `[${node.items.map(printJson).join(",")}]`;
    case "obj":
      return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${printJson(v)}`).join(",")}}`;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/** Reads JSON text into a tree; throws a SyntaxError naming the offset when it is not JSON. */
export function parseJson(text: string): JsonNode {
  let at = 0;

  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${at}`);
  };
  const skip = (): void => {
    while (at < text.length && " \t\r\n".includes(text.charAt(at))) at++;
  };
  const expect = (ch: string): void => {
    skip();
    if (text.charAt(at) !== ch) fail(`expected '${ch}'`);
    at++;
  };

  const close = <T>(node: T): T => {
    at++;
    return node;
  };

  const readString = (): string => {
    expect('"');
    const start = at - 1;
    while (at < text.length && text.charAt(at) !== '"') at += text.charAt(at) === "\\" ? 2 : 1;
    if (at >= text.length) fail("unterminated string");
    at++;
    // The slice is a complete JSON string literal; JSON.parse decodes its escapes exactly.
    return JSON.parse(text.slice(start, at)) as string;
  };

  const readValue = (): JsonNode => {
    skip();
    const ch = text.charAt(at);
    if (ch === '"') return str(readString());
    if (ch === "{") {
      at++;
      const node = obj();
      skip();
      if (text.charAt(at) === "}") return close(node);
      for (;;) {
        const key = readString();
        expect(":");
        node.entries.push([key, readValue()]);
        skip();
        if (text.charAt(at) === "}") return close(node);
        expect(",");
      }
    }
    if (ch === "[") {
      at++;
      const node = arr([]);
      skip();
      if (text.charAt(at) === "]") return close(node);
      for (;;) {
        node.items.push(readValue());
        skip();
        if (text.charAt(at) === "]") return close(node);
        expect(",");
      }
    }
    for (const re of [NUMBER, LITERAL]) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m !== null) {
        at = re.lastIndex;
        return lit(m[0]);
      }
    }
    return fail("unexpected character");
  };

  const root = readValue();
  skip();
  if (at !== text.length) fail("unexpected text after the value");
  return root;
}
