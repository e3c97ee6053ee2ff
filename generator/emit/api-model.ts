import { responseKeyOf } from "../runtime/compact-schema.js";
import type { ValueKind } from "../runtime/schema.js";
import type { DiagnosticBag } from "../spec/diagnostics.js";
import type { ApiSpec, Limits, Param } from "../spec/spec.js";
import { listWrapKey, NameScope, pascalCase, typeIdentifier } from "./names.js";

/**
 * What the emitter needs to know of one API, resolved once from its spec: the kind of every
 * field, the object types it uses (named uniquely within the API), and the names of the exports.
 */
export interface ApiModel {
  api: string;
  /** The spec file as named in the emitted header: `specs/<api>.yaml`. */
  source: string;
  spec: ApiSpec;
  names: ApiNames;
  /** `alibaba_alsc_crm_customer_update_response`: a success answer's root key. */
  responseKey: string;
  request: FieldModel[];
  response: FieldModel[];
  /** Object types in first-use order: request types first, then response types. */
  types: TypeModel[];
}

export interface ApiNames {
  /** `AlibabaAlscCrmCustomerUpdate`: unique across the package. */
  base: string;
  request: string;
  params: string;
  response: string;
  /** `alibabaAlscCrmCustomerUpdate`: the typed method on `TopApi`. */
  method: string;
}

export type Direction = "request" | "response";

export interface FieldModel {
  /** The documented wire name. */
  name: string;
  kind: ValueKind;
  /** How many list levels wrap the value (`String[]` is 1). */
  listDepth: number;
  /** Object kinds: the emitted type name. */
  typeName?: string;
  /** The element's doc type, kept for list wrapper keys (`order_detail_d_t_o`). */
  elementDocType: string;
  required: boolean;
  description?: string;
  example?: string;
  limits?: Limits;
}

export interface TypeModel {
  name: string;
  /** The documentation's name for the type, which may differ from `name` after a rename. */
  docName: string;
  direction: Direction;
  fields: FieldModel[];
}

const PRIMITIVE_KINDS: Record<string, ValueKind> = {
  string: "string",
  char: "string",
  character: "string",
  number: "number",
  long: "number",
  integer: "number",
  int: "number",
  short: "number",
  double: "number",
  float: "number",
  byte: "number",
  boolean: "boolean",
  date: "date",
  price: "price",
  bigdecimal: "price",
  json: "json",
  object: "json",
  map: "json",
  null: "json",
  "": "json",
  file: "file",
  fileitem: "file",
};

/** The names of an API's exports, given its unique base name. */
export function apiNames(base: string): ApiNames {
  return {
    base,
    request: `${base}Request`,
    params: `${base}Params`,
    response: `${base}Response`,
    method: base.charAt(0).toLowerCase() + base.slice(1),
  };
}

/** The root key of a success response, as the runtime computes it. */
export { responseKeyOf } from "../runtime/compact-schema.js";

/** The package-unique base names of all APIs, numbering the rare clashes in API order. */
export function assignBaseNames(apis: readonly string[]): Map<string, string> {
  const scope = new NameScope();
  const out = new Map<string, string>();
  for (const api of [...apis].sort()) out.set(api, scope.claim(pascalCase(api)));
  return out;
}

/** Resolves a spec into a model; oddities that have a defined result are reported as warnings. */
export function buildApiModel(
  spec: ApiSpec,
  specFile: string,
  base: string,
  diags: DiagnosticBag,
  source = specFile,
): ApiModel {
  const names = apiNames(base);
  const resolver = new TypeResolver(specFile, diags, [
    names.request,
    names.params,
    names.response,
    ...RUNTIME_NAMES,
  ]);
  const request = resolver.fields(spec.request, "request", "request", true);
  const response = resolver.fields(spec.response, "response", "response", false);
  return {
    api: spec.api,
    source,
    spec,
    names,
    responseKey: responseKeyOf(spec.api),
    request,
    response,
    types: resolver.types,
  };
}

/** Names the emitted modules import from the runtime; doc types may not shadow them. */
export const RUNTIME_NAMES = [
  "TopRequest",
  "ApiSchema",
  "TopNumber",
  "TopNumberInput",
  "TopDateInput",
  "TopPriceInput",
  "TopFile",
  "TopJson",
];

interface Candidate {
  signature: string;
  model: TypeModel;
}

/** Names object types within one API and decides when two uses are the same type. */
class TypeResolver {
  readonly types: TypeModel[] = [];
  private readonly scope: NameScope;
  private readonly byDocName = new Map<string, Candidate[]>();
  private readonly ancestors: { model: TypeModel; children: Param[] }[] = [];
  private readonly signatures = new WeakMap<Param, string>();

  constructor(
    private readonly file: string,
    private readonly diags: DiagnosticBag,
    reserved: string[],
  ) {
    this.scope = new NameScope(reserved);
  }

  fields(params: Param[], path: string, direction: Direction, topLevel: boolean): FieldModel[] {
    return params.map((p) => this.field(p, `${path}/${p.name}`, direction, topLevel));
  }

  private field(param: Param, path: string, direction: Direction, topLevel: boolean): FieldModel {
    const { base, depth } = splitListType(param.type);
    const field: FieldModel = {
      name: param.name,
      kind: "json",
      listDepth: depth,
      elementDocType: base,
      required: direction === "request" && param.required === true,
    };
    if (param.description !== undefined) field.description = param.description;
    if (param.example !== undefined) field.example = param.example;
    if (param.limits !== undefined) field.limits = param.limits;

    const children = param.fields ?? [];
    const primitive = PRIMITIVE_KINDS[base.toLowerCase()];
    if (children.length > 0) {
      field.kind = "object";
      // A primitive-looking name with fields (seen: `Long[]` with children) names nothing useful.
      const docName = primitive === undefined ? base : pascalCase(param.name);
      field.typeName = this.objectType(docName, children, path, direction).name;
    } else if (base === "byte" && depth > 0) {
      // `byte[]` is a file upload only as a top-level request param; elsewhere it is base64 text.
      field.kind = direction === "request" && topLevel ? "file" : "string";
      field.listDepth = depth - 1;
    } else if (primitive === "file") {
      field.kind = direction === "request" && topLevel ? "file" : "string";
    } else if (primitive !== undefined) {
      field.kind = primitive;
    } else {
      const known = this.byDocName.get(base)?.[0];
      if (known !== undefined && known.model.direction === direction) {
        field.kind = "object";
        field.typeName = known.model.name;
      } else {
        this.diags.warn("TYPE_UNKNOWN_SHAPE", this.file, `${base} has no documented fields`, {
          path,
        });
      }
    }
    return field;
  }

  private objectType(docName: string, children: Param[], path: string, direction: Direction) {
    const signature = `${direction}:${this.signature(children)}`;
    const candidates = this.byDocName.get(docName) ?? [];
    const same = candidates.find((c) => c.signature === signature);
    if (same !== undefined) return same.model;

    const ancestor = this.ancestors.find(
      (a) => a.model.docName === docName && a.model.direction === direction,
    );
    if (ancestor !== undefined && isSubset(children, ancestor.children)) {
      this.diags.warn("TYPE_RECURSIVE", this.file, `${docName} contains itself`, { path });
      return ancestor.model;
    }

    const model: TypeModel = {
      name: this.scope.claim(typeIdentifier(docName)),
      docName,
      direction,
      fields: [],
    };
    if (candidates.length > 0) {
      const first = candidates[0]?.model.name ?? docName;
      const message =
        `${docName} has another shape than at its first use; ` +
        `emitted as ${model.name} (${first} is the first)`;
      this.diags.warn("TYPE_RENAMED", this.file, message, { path });
    }
    candidates.push({ signature, model });
    this.byDocName.set(docName, candidates);
    this.types.push(model);
    this.ancestors.push({ model, children });
    model.fields = this.fields(children, path, direction, false);
    this.ancestors.pop();
    return model;
  }

  /** A structural fingerprint of a field list: names, types and, recursively, children. */
  private signature(params: Param[]): string {
    return params.map((p) => this.paramSignature(p)).join(",");
  }

  private paramSignature(param: Param): string {
    const cached = this.signatures.get(param);
    if (cached !== undefined) return cached;
    const children = param.fields === undefined ? "" : `{${this.signature(param.fields)}}`;
    const own = `${param.name}:${param.type}${param.required === true ? "!" : ""}${children}`;
    this.signatures.set(param, own);
    return own;
  }
}

/** `Item[]` → `{ base: "Item", depth: 1 }`. */
export function splitListType(type: string): { base: string; depth: number } {
  let base = type;
  let depth = 0;
  while (base.endsWith("[]")) {
    base = base.slice(0, -2);
    depth++;
  }
  return { base, depth };
}

/** Whether every child of a nested use is also a child of the enclosing use of that type. */
function isSubset(children: Param[], enclosing: Param[]): boolean {
  const known = new Set(enclosing.map((c) => c.name));
  return children.every((c) => known.has(c.name));
}

/** The list wrapper key of a field, for response lists in non-simplified JSON and XML. */
export function wrapKeyOf(field: FieldModel): string {
  return field.kind === "object"
    ? listWrapKey(field.elementDocType)
    : field.elementDocType.toLowerCase();
}
