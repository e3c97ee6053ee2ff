/**
 * Lossless JSON reading for gateway bodies. `JSON.parse` rounds 64-bit ids and Node 20 has no
 * reviver source access, so a body that may hold a long integer outside a string is first
 * rewritten by a one-pass scan: each integer beyond 2^53 becomes a marked string, made a bigint
 * after parsing. Raw control characters inside strings (the gateway has been seen to send them)
 * are escaped, which is what they would have meant.
 */

// A 16-digit integer in value position; a string that only looks like one costs the slow path.
const MAYBE_BIG = /[:,[]\s*-?\d{16}/;
// A number token, with any fraction or exponent.
const NUMBER = /-?\d+([.eE][-+\d.eE]*)?/y;
// Rewritten integers are marked with a leading U+0001: only a string of U+0001 and digits could
// be mistaken for one, and the gateway sends no such text.

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
    return parse(
      text.replace(/[\0-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    );
  }
}

/** `JSON.parse`, with each integer beyond 2^53 outside strings marked, then made a bigint. */
function parse(text: string): unknown {
  if (!MAYBE_BIG.test(text)) return JSON.parse(text);
  let big = false;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Jump to the closing quote: one preceded by an even run of backslashes.
      let slashes: number;
      do {
        i = text.indexOf('"', i + 1);
        slashes = 0;
        while (text.charCodeAt(i - 1 - slashes) === 92) slashes++;
      } while (i > 0 && slashes % 2 === 1);
      if (i < 0) break;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)?.[0] ?? "-";
      // Only an integer literal can be exact as a bigint; a fraction stays a number.
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(from, i)}"\\u0001${literal}"`;
        from = i + literal.length;
        big = true;
      }
      i += literal.length - 1;
    }
  }
  const value: unknown = JSON.parse(out + text.slice(from));
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
