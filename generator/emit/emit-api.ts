import { printStructure, type SourceFileStructure } from "ts-morph";
import { formatTypeScript } from "../format/format.js";
import { DiagnosticBag, type Diagnostic } from "../spec/diagnostics.js";
import { parseSpec } from "../spec/read-spec.js";
import { buildApiModel } from "./api-model.js";
import { apiFileStructure } from "./api-file.js";
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

/**
 * Prints a file from its structure with ts-morph's structure printer. No syntax tree is built:
 * prettier parses the text next anyway, and building a tree here tripled the cost per API.
 */
export function printFile(structure: SourceFileStructure): string {
  return printStructure(structure, { indentNumberOfSpaces: 2 });
}

/** Spec text → formatted module of one API, with every diagnostic located in the spec. */
export async function emitApi(input: EmitApiInput): Promise<EmitApiOutput> {
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
  const path = `src/${apiModulePath(spec.api)}.ts`;
  const summary: ApiSummary = {
    api: spec.api,
    base: input.base,
    title: spec.title,
    hasRequired: spec.request.some((p) => p.required === true),
  };
  // The module and its lines of the package-wide files, formatted in one call (see SPLIT_MARK).
  const sources = [printFile(apiFileStructure(model)), ...chunkSources(summary)];
  const formatted = await formatTypeScript(sources.join(`${SPLIT_MARK}\n`), path);
  const [content = "", ...chunkTexts] = formatted.split(`${SPLIT_MARK}\n`);
  const chunks = chunksOf(chunkTexts);
  return { api: input.api, output: { path, content, summary, chunks }, diagnostics: diags.items };
}
