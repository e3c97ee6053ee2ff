/**
 * What an app pays in bundle size for the client: an entry importing `TopClient` and one API's
 * request class, making one call, bundled and minified by esbuild for Node (ESM). The goal is
 * 8 KB minified, runtime included, for any single API; the seed API should stay within 7.5 KB.
 * Run: `node --import tsx bench/bundle-size.ts [generated-dir]` (default `generated`).
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The size of one bundle, in bytes. */
export interface BundleSize {
  minified: number;
  gzip: number;
}

/**
 * Bundles `entryCode` (TypeScript, imports resolved from `resolveDir`) as an app would ship it:
 * platform node, ESM, minified, every import inlined (Node built-ins stay external).
 */
export async function bundleSize(entryCode: string, resolveDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entryCode, resolveDir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzip: gzipSync(code).byteLength };
}

/** An app's entry calling the API of `apiFile` (a module of `<generated>/src/apis`). */
export async function oneApiEntry(generatedDir: string, apiFile: string): Promise<string> {
  const path = join(generatedDir, "src", "apis", apiFile);
  const source = await readFile(path, "utf8");
  const name = /export class (\w+Request)\b/.exec(source)?.[1];
  if (name === undefined) throw new Error(`${path}: no request class found`);
  const runtime = JSON.stringify(join(generatedDir, "src", "runtime", "index.ts"));
  return [
    `import { TopClient } from ${runtime};`,
    `import { ${name} } from ${JSON.stringify(path)};`,
    `const client = new TopClient({ appKey: "k", appSecret: "s" });`,
    `export const answer = client.execute(new ${name}({} as never));`,
  ].join("\n");
}

/** The largest module of `<generated>/src/apis`, by source size. */
export async function largestApiFile(generatedDir: string): Promise<string | undefined> {
  const dir = join(generatedDir, "src", "apis");
  let largest: [string, number] | undefined;
  for (const file of await readdir(dir)) {
    const { size } = await stat(join(dir, file));
    if (largest === undefined || size > largest[1]) largest = [file, size];
  }
  return largest?.[0];
}

const SEED = "alibaba.alsc.crm.customer.update.ts";
const KB = 1024;

function line(label: string, size: BundleSize, goalKb: number): string {
  const kb = (n: number): string => `${(n / KB).toFixed(2)} KB`;
  const verdict = size.minified <= goalKb * KB ? "within" : "OVER";
  return `${label.padEnd(48)} ${kb(size.minified).padStart(9)} min ${kb(size.gzip).padStart(9)} gzip  (${verdict} ${goalKb} KB)`;
}

async function main(): Promise<void> {
  const generatedDir = resolve(process.argv[2] ?? "generated");
  const seed = await bundleSize(await oneApiEntry(generatedDir, SEED), generatedDir);
  process.stdout.write(`${line(`seed API (${SEED.slice(0, -3)})`, seed, 7.5)}\n`);
  const largest = await largestApiFile(generatedDir);
  if (largest !== undefined) {
    const size = await bundleSize(await oneApiEntry(generatedDir, largest), generatedDir);
    process.stdout.write(`${line(`largest API (${largest.slice(0, -3)})`, size, 8)}\n`);
  }
}

if (import.meta.filename === process.argv[1]) await main();
