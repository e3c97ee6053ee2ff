/**
 * Diagnostics of every stage: a closed set of codes, each located by input (file or URL), param
 * path (`request/param_customer_update_open_req/tag_ids`) and, for text input, the line.
 * Stages collect them and fail once, so that a batch reports every problem it found.
 */
export const DIAGNOSTIC_CODES = {
  // reading inputs
  INPUT_UNREADABLE: "the input file, directory or URL could not be read",
  INPUT_UNSUPPORTED: "the input is not a .txt, .html or .json documentation page",
  FETCH_FAILED: "an http(s) input did not answer with a page",
  // recognising a page
  PAGE_NOT_DOC: "the input is not a TOP documentation page",
  PAGE_TRUNCATED: "the page ends before a section it must have",
  PAGE_UNKNOWN_LAYOUT: "a section of the page has a layout topgen does not know",
  ROW_UNREADABLE: "a parameter row could not be read",
  JSON_INVALID: "a JSON document is not valid JSON or lacks a required key",
  PAGE_EMPTY: "a document names no API (a stub with only an id); nothing is written for it",
  // oddities in real documentation, repaired with a defined result
  TREE_AMBIGUOUS: "the nesting of parameters cannot be known from the page",
  TYPE_MISSING: "a parameter has no type",
  TYPE_RESPELLED: "a type was written in an unusual spelling and normalised",
  NAME_DUPLICATE: "two parameters at the same level share a name",
  NAME_INVALID: "a parameter or type name is not a plain identifier",
  TYPE_RECURSIVE: "an object type contains itself",
  TYPE_RENAMED: "one API uses one type name for different shapes",
  TYPE_UNKNOWN_SHAPE: "an object type has no documented fields and is typed as a free-form object",
  TEXT_CONTROL_CHARS: "a text contains control characters, which were removed",
  METHOD_NAME_ODD: "the method name is not of the usual lower-case dotted form",
  REQUIRED_IGNORED: "a response parameter carries a required flag, which was dropped",
  FIELDS_MISSING: "an object type has no documented fields",
  FIELDS_UNEXPECTED: "a parameter of a primitive type has child fields, which were kept",
  // specs
  SPEC_PARSE: "a spec file is not valid YAML",
  SPEC_INVALID: "a spec file does not follow the spec contract",
  SPEC_DUPLICATE_API: "two spec files describe the same API",
  // generate
  OUTPUT_STALE: "generated/ differs from what the specs produce",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** The file path or URL the problem is in. */
  input: string;
  /** Slash-separated param path, e.g. `request/param_customer_update_open_req/tag_ids`. */
  path?: string;
  /** 1-based line in a text input. */
  line?: number;
  message: string;
}

/** `file:line: error CODE at path: message`, the form every stage prints. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.input : `${d.input}:${d.line}`;
  const at = d.path === undefined ? "" : ` at ${d.path}`;
  return `${where}: ${d.severity} ${d.code}${at}: ${d.message}`;
}

/** Collects diagnostics of one run; `errors` decides whether the run failed. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  error(code: DiagnosticCode, input: string, message: string, where: Where = {}): void {
    this.add({ severity: "error", code, input, message, ...where });
  }

  warn(code: DiagnosticCode, input: string, message: string, where: Where = {}): void {
    this.add({ severity: "warning", code, input, message, ...where });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "error");
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "warning");
  }
}

export interface Where {
  path?: string;
  line?: number;
}

/** Thrown when one input cannot be turned into a result; carries the located diagnostic. */
export class TopgenError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = "TopgenError";
  }

  get code(): DiagnosticCode {
    return this.diagnostic.code;
  }
}

/** Throws a located error; for stages that cannot go on with one input. */
export function fail(
  code: DiagnosticCode,
  input: string,
  message: string,
  where: Where = {},
): never {
  throw new TopgenError({ severity: "error", code, input, message, ...where });
}
