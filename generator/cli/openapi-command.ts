import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { buildOpenApi, openApiJson } from "../openapi/openapi.js";
import { DiagnosticBag, formatDiagnostic } from "../spec/diagnostics.js";
import { loadSpecs } from "../spec/read-spec.js";
import type { CliIo } from "./cli-io.js";

export const OPENAPI_USAGE = `Usage: topgen openapi [--specs specs] [--out topgen.openapi.json]

Exports every <api>.yaml in --specs as one OpenAPI 3.1 document (JSON). Each API is the
operation POST /<method>; its types are named as in the TypeScript package (<Base>Params,
<Base>Response, <Base>_<Type>). Nothing is written when any spec is invalid.

Options:
  --specs DIR    folder of YAML specs (default: specs)
  --out FILE     the document to write (default: topgen.openapi.json)
  -h, --help     show this help`;

/** `topgen openapi`: exit 0 when the document was written, 1 when a spec is invalid. */
export async function runOpenapi(argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const { values } = parseArgs({
    args: argv,
    options: {
      specs: { type: "string", default: "specs" },
      out: { type: "string", default: "topgen.openapi.json" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(OPENAPI_USAGE);
    return 0;
  }

  const diags = new DiagnosticBag();
  const specs = await loadSpecs(values.specs, diags);
  const doc = buildOpenApi(specs, diags);
  for (const d of diags.items) io.err(formatDiagnostic(d));
  const errors = diags.errors;
  if (errors.length > 0) {
    const files = new Set(errors.map((d) => d.input)).size;
    io.err(`${errors.length} problems in ${files} files; nothing was written to ${values.out}`);
    return 1;
  }

  // Written beside, then renamed: a reader never sees half a document.
  await mkdir(dirname(values.out), { recursive: true });
  const partial = `${values.out}.${process.pid}.tmp`;
  await writeFile(partial, openApiJson(doc));
  await rename(partial, values.out);
  const apis = Object.keys(doc.paths).length;
  const schemas = Object.keys(doc.components.schemas).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.out(
    `wrote ${values.out}: ${apis} APIs, ${schemas} schemas` +
      ` (${diags.warnings.length} warnings) in ${seconds} s`,
  );
  return 0;
}
