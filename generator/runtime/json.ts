/**
 * Lossless JSON reading for gateway bodies. `JSON.parse` rounds 64-bit ids and Node 20 has no
 * reviver source access, so a body that may hold a long integer outside a string is first
 * rewritten by a one-pass scan: each integer beyond 2^53 becomes a marked string that the reviver
 * turns into a bigint. The same scan escapes raw control characters inside strings (the gateway
 * has been seen to send them), which is what they would have meant escaped.
 */

// A 16-digit integer in value position; a string that only looks like one costs the slow path.
const MAYBE_BIG = /[:,[]\s*-?\d{16}/;
// A number token; group 1 is set when it has a fraction or an exponent.
const NUMBER = /-?\d+([.eE][-+\d.eE]*)?/y;
// Rewritten integers are marked with a leading U+0001. Only a string escaped as `\u0001` plus digits could be mistaken
// for one; the gateway sends no such text.

/** Parses `text` keeping every digit; throws `SyntaxError` on JSON the scan cannot repair. */
export function parseJsonLossless(text: string): unknown {
  if (!MAYBE_BIG.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // Raw control characters or truly bad JSON: the scan repairs the first, not the second.
    }
  }
  let big = false;
  let out = "";
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      else if (c < 32) {
        out += `${text.slice(from, i)}\\u${c.toString(16).padStart(4, "0")}`;
        from = i + 1;
      }
    } else if (c === 34) {
      inString = true;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const literal = m?.[0] ?? "-";
      // Only an integer literal can be exact as a bigint; a fraction stays a number.
      if (m?.[1] === undefined && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(from, i)}"\\u0001${literal}"`;
        from = i + literal.length;
        big = true;
      }
      i += literal.length - 1;
    }
  }
  out += text.slice(from);
  return JSON.parse(out, big ? reviveBig : undefined);
}

function reviveBig(_key: string, value: unknown): unknown {
  return typeof value === "string" && value[0] === "\u0001" ? BigInt(value.slice(1)) : value;
}
