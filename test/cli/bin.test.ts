import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const CACHE = join(ROOT, "node_modules", ".cache", "topgen");

describe("the topgen command", () => {
  it("runs from a bundle of the sources, made on first use", () => {
    const out = execFileSync(process.execPath, [join(ROOT, "generator/cli/bin.mjs"), "--help"], {
      encoding: "utf8",
    });
    expect(out).toMatch(/^Usage: topgen <command>/);
    const bundles = readdirSync(CACHE).filter((entry) => /^cli-[0-9a-f]+$/.test(entry));
    expect(bundles).toHaveLength(1);
    expect(existsSync(join(CACHE, bundles[0] ?? "", "main.mjs"))).toBe(true);
  });
});
