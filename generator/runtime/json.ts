/**
 * Lossless JSON reading for gateway bodies. `JSON.parse` rounds 64-bit ids and Node 20 has no
 * reviver source access, so a body that may hold a long integer outside a string is first
 * rewritten: each integer beyond 2^53 becomes a marked string, made a bigint after parsing.
 * Raw control characters inside strings (the gateway has been seen to send them) are escaped,
 * which is what they would have meant.
 */

// A 16-digit integer in value position; a string that only looks like one costs the slow path.
const MAYBE_BIG = /[:,[]\s*-?\d{16}/;
// A whole string (skipped), or an integer of 16 digits or more that is not part of a fraction
// or an exponent. Rewritten integers are marked with a leading U+0001: only a string of U+0001
// and digits could be mistaken for one, and the gateway sends no such text.
const TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\w.+-])-?\d{16,}(?![\w.])/g;

/**
 * Parses `text` keeping every digit; throws `SyntaxError` on JSON it cannot repair. Raw control
 * characters are escaped wherever they are: outside strings only whitespace may appear, and
 * gateway bodies are compact, so escaping them is safe there; a pretty-printed body with raw
 * controls in its strings stays an error.
 */
export function parseJsonLossless(text: string): unknown {
  try {
    return parse(text);
  } catch {
    // JSON.stringify writes each control character as its escape: `\n`, `\u0001`.
    return parse(text.replace(/[\0-\x1f]/g, (c) => JSON.stringify(c).slice(1, -1)));
  }
}

/** `JSON.parse`, with each integer beyond 2^53 outside strings marked, then made a bigint. */
function parse(text: string): unknown {
  if (!MAYBE_BIG.test(text)) return JSON.parse(text);
  let big = false;
  const marked = text.replace(TOKEN, (t) =>
    t[0] === '"' || Number.isSafeInteger(+t) ? t : ((big = true), `"\\u0001${t}"`),
  );
  const value: unknown = JSON.parse(marked);
  return big ? reviveBig(value) : value;
}

// A walk after parsing: several times faster than a `JSON.parse` reviver.
function reviveBig(value: unknown): unknown {
  if (typeof value === "string") return value[0] === "\u0001" ? BigInt(value.slice(1)) : value;
  if (typeof value === "object" && value !== null) {
    const obj = value as Record<string, unknown>;
    for (const key in obj) obj[key] = reviveBig(obj[key]);
  }
  return value;
}
