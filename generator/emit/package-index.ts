import { StructureKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
import { formatTypeScript } from "../format/format.js";
import { printFile } from "./print-file.js";
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

/**
 * Separates pieces that are formatted in one prettier call and split afterwards: a line comment
 * between top-level statements, which prettier keeps on its own line and which changes nothing
 * around it. One call per API instead of four saves a third of the catalog's formatting time.
 */
export const SPLIT_MARK = "// @@topgen-split";

/** The printed (unformatted) text of the lines one API adds to the package-wide files. */
export function chunkSources(summary: ApiSummary): string[] {
  const file = (statements: StatementStructures[]): string =>
    printFile({ kind: StructureKind.SourceFile, statements });
  return [
    file(indexExports(summary)),
    file([topApiImport(summary)]),
    // A bare class around the method: members are formatted independently of their siblings.
    file([{ kind: StructureKind.Class, name: "TopApi", methods: [topApiMethod(summary)] }]),
  ];
}

/** The chunks, from the formatted texts of `chunkSources` in order. */
export function chunksOf(formatted: string[]): ApiChunks {
  const [index = "", clientImport = "", classText = ""] = formatted;
  // The method's lines are those between `class TopApi {` and the closing brace.
  const clientMethod = classText.trimEnd().split("\n").slice(1, -1).join("\n");
  return { index, clientImport, clientMethod };
}

/** The formatted lines one API adds to the package-wide files, formatted on their own. */
export async function formatApiChunks(summary: ApiSummary): Promise<ApiChunks> {
  return chunksOf(
    await Promise.all(chunkSources(summary).map((t) => formatTypeScript(t, "chunk"))),
  );
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
