// Loads the topgen CLI. Starting through tsx costs about 0.4 s a command (registering the
// loader, transforming each module on import), so the CLI runs from a bundle of generator/
// that esbuild makes on first use and makes again whenever a source file changes. Imports of
// packages stay imports; each module keeps its own `import.meta.url`, so paths resolve as from
// the sources. Without esbuild, the sources run through tsx as before.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const GENERATOR = dirname(dirname(fileURLToPath(import.meta.url)));
const CACHE = join(GENERATOR, "..", "node_modules", ".cache", "topgen");

/** A key that changes when any generator source changes: paths, sizes and modification times. */
function sourcesKey() {
  const hash = createHash("sha1");
  for (const entry of readdirSync(GENERATOR, { recursive: true, encoding: "utf8" }).sort()) {
    if (!/\.(ts|mjs)$/.test(entry)) continue;
    const stat = statSync(join(GENERATOR, entry));
    hash.update(`${entry}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  return hash.digest("hex").slice(0, 16);
}

async function build(outdir) {
  const esbuild = await import("esbuild");
  const staging = `${outdir}.${process.pid}.tmp`;
  // Each module's import.meta.url is its source file's, as when run through tsx.
  const keepUrls = {
    name: "keep-import-meta-url",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => ({
        contents: readFileSync(args.path, "utf8").replaceAll(
          "import.meta.url",
          JSON.stringify(pathToFileURL(args.path).href),
        ),
        loader: "ts",
      }));
    },
  };
  await esbuild.build({
    entryPoints: { main: join(GENERATOR, "cli", "main.ts") },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    // .mjs: under node_modules no package.json says these files are ES modules.
    outExtension: { ".js": ".mjs" },
    platform: "node",
    target: "node20",
    packages: "external",
    plugins: [keepUrls],
    logLevel: "silent",
  });
  try {
    renameSync(staging, outdir);
  } catch {
    // Another topgen built the same bundle meanwhile (renaming onto it fails): use theirs.
    rmSync(staging, { recursive: true, force: true });
  }
  // Bundles of older sources are of no more use.
  for (const entry of readdirSync(CACHE)) {
    if (/^cli-[0-9a-f]+$/.test(entry) && join(CACHE, entry) !== outdir) {
      rmSync(join(CACHE, entry), { recursive: true, force: true });
    }
  }
}

/** The CLI's `main`, from the bundle when it can be had, else from the sources through tsx. */
export async function loadCli() {
  // Keeps V8's compiled code of CommonJS packages between runs: the TypeScript compiler that
  // ts-morph loads takes a third less time to load.
  createRequire(import.meta.url)("v8-compile-cache");
  try {
    const outdir = join(CACHE, `cli-${sourcesKey()}`);
    if (!existsSync(join(outdir, "main.mjs"))) await build(outdir);
    return await import(pathToFileURL(join(outdir, "main.mjs")).href);
  } catch {
    const { register } = await import("tsx/esm/api");
    register();
    return import("./main.ts");
  }
}
