import { StructureKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
import { formatTypeScript } from "../format/format.js";
import { printFile } from "./emit-api.js";
import type { ApiSummary } from "./index-file.js";
import {
  INDEX_PRELUDE,
  indexExports,
  packageHeader,
  TOP_API_PRELUDE,
  topApiClass,
  topApiImport,
  topApiMethod,
} from "./index-file.js";

/**
 * `src/index.ts` and `src/top-api.ts` hold a few lines per API: for the whole catalog, formatting
 * them in one piece took 20 s. Each API's lines are formatted on their own instead, beside its
 * module (in the workers, cached with it), and the files are assembled from them. Prettier
 * formats top-level statements and class members independently of their neighbours, so the
 * result is the text formatting the whole file gives; `test/emit/package-index.test.ts` holds
 * it to that.
 */
export interface ApiChunks {
  /** The API's export lines of `src/index.ts`. */
  index: string;
  /** The API's import lines of `src/top-api.ts`. */
  clientImport: string;
  /** The API's method in `TopApi`, indented as a class member, without a trailing newline. */
  clientMethod: string;
}

async function format(statements: StatementStructures[], leadingTrivia = ""): Promise<string> {
  const file: SourceFileStructure = { kind: StructureKind.SourceFile, leadingTrivia, statements };
  return formatTypeScript(printFile(file), "src/index.ts");
}

let emptyClass: Promise<string[]> | undefined;

/** The lines of `TopApi` without methods: its JSDoc, opening, constructor and closing brace. */
function emptyClassLines(): Promise<string[]> {
  emptyClass ??= format([topApiClass([])]).then((text) => text.trimEnd().split("\n"));
  return emptyClass;
}

/** The formatted lines one API adds to the package-wide files. */
export async function formatApiChunks(summary: ApiSummary): Promise<ApiChunks> {
  const empty = await emptyClassLines();
  const withMethod = (await format([topApiClass([topApiMethod(summary)])])).trimEnd().split("\n");
  // Both share every line up to the constructor's closing brace; then come a blank line, the
  // method, and the class's closing brace.
  return {
    index: await format(indexExports(summary)),
    clientImport: await format([topApiImport(summary)]),
    clientMethod: withMethod.slice(empty.length, -1).join("\n"),
  };
}

/** `src/index.ts` from the APIs' chunks, in API order. */
export async function assembleIndex(apis: readonly ApiChunks[]): Promise<string> {
  const prelude = await format(INDEX_PRELUDE, packageHeader(apis.length));
  return prelude + apis.map((c) => c.index).join("");
}

/** `src/top-api.ts` from the APIs' chunks, in API order. */
export async function assembleTopApi(apis: readonly ApiChunks[]): Promise<string> {
  const imports = await format(TOP_API_PRELUDE, packageHeader(apis.length));
  const head = (await emptyClassLines()).slice(0, -1).join("\n");
  const methods = apis.map((c) => `\n${c.clientMethod}\n`).join("");
  return `${imports}${apis.map((c) => c.clientImport).join("")}\n${head}\n${methods}}\n`;
}
