import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { signParams, type SignMethod } from "../../generator/runtime/sign.js";

const protocolPath = fileURLToPath(new URL("../../../shared/PROTOCOL.md", import.meta.url));
const hasShared = existsSync(protocolPath);

interface Vector {
  id: string;
  secret: string;
  params: Record<string, string>;
  method: SignMethod;
  sign: string;
}

/** Reads the golden vector table of PROTOCOL.md in place (never copied into the repo). */
function readVectors(): { vectors: Vector[]; latin1: string } {
  const text = readFileSync(protocolPath, "utf8");
  const vectors: Vector[] = [];
  for (const line of text.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const id = cells[1] ?? "";
    if (!/^[A-Z]'*$/.test(id) || cells.length < 7) continue;
    const ticks = (cell: string): string[] =>
      [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? "");
    const base = cells[3]?.startsWith("A with") ? { ...vectors[0]?.params } : {};
    for (const pair of ticks(cells[3] ?? "")) {
      const eq = pair.indexOf("=");
      base[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    const [secret = "", method = "", sign = ""] = [cells[2], cells[4], cells[5]].map((c) =>
      (c ?? "").replaceAll("`", ""),
    );
    vectors.push({ id, secret, params: base, method: method as SignMethod, sign });
  }
  const latin1 = /Latin-1 instead of UTF-8 gives `([0-9A-F]{32})`/.exec(text)?.[1] ?? "";
  return { vectors, latin1 };
}

describe.skipIf(!hasShared)(
  "signParams against PROTOCOL.md vectors (skipped: ../shared absent)",
  () => {
    const { vectors, latin1 } = hasShared ? readVectors() : { vectors: [], latin1: "" };

    it("finds the four golden vectors", () => {
      expect(vectors.map((v) => v.id)).toEqual(["A", "A'", "A''", "B"]);
    });

    it.each(vectors.map((v) => [v.id, v] as const))("vector %s", (_id, v) => {
      expect(signParams(v.params, v.secret, v.method)).toBe(v.sign);
    });

    it("differs from the Latin-1 pitfall value on vector B", () => {
      const b = vectors.find((v) => v.id === "B") as Vector;
      const joined = Object.keys(b.params)
        .sort()
        .map((k) => k + b.params[k])
        .join("");
      const asLatin1 = createHash("md5")
        .update(Buffer.from(b.secret + joined + b.secret, "latin1"))
        .digest("hex")
        .toUpperCase();
      expect(asLatin1).toBe(latin1);
      expect(signParams(b.params, b.secret, "md5")).not.toBe(latin1);
    });
  },
);

describe("signParams with a body (batch API)", () => {
  it("appends the body after the sorted params, inside the md5 secrets", () => {
    const expected = createHash("md5").update("sa1b2BODYs", "utf8").digest("hex").toUpperCase();
    expect(signParams({ b: "2", a: "1" }, "s", "md5", "BODY")).toBe(expected);
  });
});
