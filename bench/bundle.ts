/**
 * What an app pays to call one API: esbuild bundles a two-import app (the client and one API
 * module) for node, minified, resolving `top-sdk/*` through the package's own `exports` map to
 * its TypeScript sources, so that no build of the package is needed.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

export interface BundleSize {
  api: string;
  bytes: number;
  gzipBytes: number;
}

type Exports = Record<string, string | { default?: string }>;

/** `top-sdk/apis/x` → `<pkg>/src/apis/x.ts` by the exports map, `./dist/` read as `./src/`. */
function generatedSources(pkgDir: string, exports: Exports): Plugin {
  return {
    name: "top-sdk-sources",
    setup(b) {
      b.onResolve({ filter: /^top-sdk(\/|$)/ }, (args) => {
        const subpath = `.${args.path.slice("top-sdk".length)}`;
        for (const [key, value] of Object.entries(exports)) {
          const target = typeof value === "string" ? value : value.default;
          if (target === undefined) continue;
          const star = key.indexOf("*");
          let resolved: string | undefined;
          if (star < 0 && key === subpath) resolved = target;
          if (
            star >= 0 &&
            subpath.startsWith(key.slice(0, star)) &&
            subpath.endsWith(key.slice(star + 1))
          ) {
            const middle = subpath.slice(star, subpath.length - (key.length - star - 1));
            resolved = target.replace("*", middle);
          }
          if (resolved !== undefined) {
            const source = resolved.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
            return { path: join(pkgDir, source) };
          }
        }
        return { errors: [{ text: `${args.path} is not exported by top-sdk` }] };
      });
    },
  };
}

/** Bundles an app that creates a client and calls `api` once; the sizes of the minified file. */
export async function bundleOneApi(
  pkgDir: string,
  api: string,
  workDir: string,
): Promise<BundleSize> {
  const pkg = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8")) as {
    exports: Exports;
  };
  const module = await readFile(join(pkgDir, "src", "apis", `${api}.ts`), "utf8");
  const requestClass = /export class (\w+Request) /.exec(module)?.[1];
  if (requestClass === undefined) throw new Error(`no request class in ${api}`);
  const entry = join(workDir, "app.ts");
  await writeFile(
    entry,
    [
      `import { TopClient } from "top-sdk/client";`,
      `import { ${requestClass} } from "top-sdk/apis/${api}";`,
      `const client = new TopClient({ appKey: "key", appSecret: "secret" });`,
      `export const call = (params: ConstructorParameters<typeof ${requestClass}>[0]) =>`,
      `  client.execute(new ${requestClass}(params));`,
      "",
    ].join("\n"),
  );
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
    plugins: [generatedSources(pkgDir, pkg.exports)],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { api, bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength };
}
