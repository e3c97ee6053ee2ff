import { formatTypeScript } from "../format/format.js";
import { DiagnosticBag, type Diagnostic } from "../spec/diagnostics.js";
import { parseSpec } from "../spec/read-spec.js";
import { buildApiModel } from "./api-model.js";
import { apiFileStructure } from "./api-file.js";
import { printFile } from "./print-file.js";
import { apiModulePath, type ApiSummary } from "./index-file.js";
import { chunkSources, chunksOf, SPLIT_MARK, type ApiChunks } from "./package-index.js";

/** One spec to emit: its file as named in headers, its YAML text and its unique base name. */
export interface EmitApiInput {
  file: string;
  text: string;
  base: string;
  /** The method name the file name promises (`<api>.yaml`). */
  api: string;
  /** How the emitted file's header names the spec: `specs/<api>.yaml`, wherever it was read. */
  source: string;
}

export interface EmitApiOutput {
  api: string;
  /** Set when the spec was valid: the emitted file (path relative to the package). */
  output?: { path: string; content: string; summary: ApiSummary; chunks: ApiChunks };
  diagnostics: Diagnostic[];
}

/** Spec text → formatted module of one API, with every diagnostic located in the spec. */
export async function emitApi(input: EmitApiInput): Promise<EmitApiOutput> {
  const [output] = await emitApis([input]);
  if (output === undefined) throw new Error(`emitApis gave nothing for ${input.file}`);
  return output;
}

/**
 * How many APIs share one prettier call. Prettier spends a fixed part of every call on options
 * and plugins; six APIs per call save a sixth of the catalog's formatting time, while larger
 * texts get slower again (measured with bench/catalog.ts).
 */
const APIS_PER_FORMAT = 6;

interface Printed {
  output: EmitApiOutput;
  /** The module, then its chunks (see `chunkSources`), printed but not yet formatted. */
  sources: string[];
}

/** Emits a batch of APIs in input order; specs that are invalid give only diagnostics. */
export async function emitApis(inputs: readonly EmitApiInput[]): Promise<EmitApiOutput[]> {
  const results = inputs.map(printApi);
  const printed = results.filter((r): r is Printed => "sources" in r);
  for (let i = 0; i < printed.length; i += APIS_PER_FORMAT) {
    const group = printed.slice(i, i + APIS_PER_FORMAT);
    const texts = group.flatMap((p) => p.sources);
    const name = group.map((p) => p.output.output?.path).join(", ");
    // Top-level statements are formatted independently of their neighbours, so the pieces come
    // back exactly as they would one by one (see SPLIT_MARK).
    const formatted = (await formatTypeScript(texts.join(`${SPLIT_MARK}\n`), name)).split(
      `${SPLIT_MARK}\n`,
    );
    for (const p of group) {
      const [content = "", ...chunkTexts] = formatted.splice(0, p.sources.length);
      if (p.output.output === undefined) continue;
      p.output.output.content = content;
      p.output.output.chunks = chunksOf(chunkTexts);
    }
  }
  return results.map((r) => ("sources" in r ? r.output : r));
}

/** Reads, checks and prints one API; formatting is left to `emitApis`. */
function printApi(input: EmitApiInput): Printed | EmitApiOutput {
  const diags = new DiagnosticBag();
  const spec = parseSpec(input.text, input.file, diags);
  if (spec !== undefined && spec.api !== input.api) {
    const message = `api is ${spec.api}, but the file is named for ${input.api}`;
    diags.error("SPEC_INVALID", input.file, message, { path: "api" });
  }
  if (spec === undefined || diags.errors.length > 0) {
    return { api: input.api, diagnostics: diags.items };
  }
  const model = buildApiModel(spec, input.file, input.base, diags, input.source);
  const summary: ApiSummary = {
    api: spec.api,
    base: input.base,
    title: spec.title,
    hasRequired: spec.request.some((p) => p.required === true),
  };
  const path = `src/${apiModulePath(spec.api)}.ts`;
  const emptyChunks: ApiChunks = { index: "", clientImport: "", clientMethod: "" };
  return {
    output: {
      api: input.api,
      output: { path, content: "", summary, chunks: emptyChunks },
      diagnostics: diags.items,
    },
    sources: [printFile(apiFileStructure(model)), ...chunkSources(summary)],
  };
}
