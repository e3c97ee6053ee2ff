import {
  StructureKind,
  type ClassDeclarationStructure,
  type ExportDeclarationStructure,
  type ImportDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type SourceFileStructure,
} from "ts-morph";
import { apiNames } from "./api-model.js";
import { generatedHeader } from "./header.js";
import { docSafe } from "./jsdoc.js";

/** What the package-wide files need of each API: small, so that it can be cached per API. */
export interface ApiSummary {
  api: string;
  base: string;
  /** The page title, for the method's JSDoc. */
  title: string;
  /** Whether the request has a required param (else the method's params are optional). */
  hasRequired: boolean;
}

/** The module path of an API, relative to `src/`, without extension. */
export function apiModulePath(api: string): string {
  return `apis/${api}`;
}

/** The header of the package-wide files, which come from every spec. */
export function packageHeader(count: number): string {
  return generatedHeader(`specs/ (${count} APIs)`);
}

/** `src/index.ts` before its per-API exports: the runtime and the typed client. */
export const INDEX_PRELUDE: ExportDeclarationStructure[] = [
  exportFrom("./runtime/index.js"),
  { ...exportFrom("./top-api.js"), namedExports: ["TopApi"] },
];

/** An API's exports in `src/index.ts`: its request class, params and response, and its types. */
export function indexExports(summary: ApiSummary): ExportDeclarationStructure[] {
  const names = apiNames(summary.base);
  const module = `./${apiModulePath(summary.api)}.js`;
  return [
    {
      ...exportFrom(module),
      namedExports: [
        { name: names.request },
        { name: names.params, isTypeOnly: true },
        { name: names.response, isTypeOnly: true },
      ],
    },
    // Nested types keep their documented names inside a per-API namespace, so that two APIs'
    // `CommonResult` never meet: `AlibabaAlscCrmCustomerUpdate.CommonResult`.
    { ...exportFrom(module), isTypeOnly: true, namespaceExport: names.base },
  ];
}

/** `src/index.ts` whole; the pipeline assembles the same text from per-API pieces. */
export function indexFileStructure(apis: readonly ApiSummary[]): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    leadingTrivia: packageHeader(apis.length),
    statements: [...INDEX_PRELUDE, ...apis.flatMap(indexExports)],
  };
}

/** `src/top-api.ts` imports before the per-API ones. */
export const TOP_API_PRELUDE: ImportDeclarationStructure[] = [
  {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: "./runtime/index.js",
    namedImports: [
      { name: "ExecuteOptions", isTypeOnly: true },
      { name: "TopClient" },
      { name: "TopClientOptions", isTypeOnly: true },
    ],
  },
  {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: "./runtime/validate.js",
    namedImports: ["validateParams"],
  },
];

/** What `src/top-api.ts` imports of one API. */
export function topApiImport(summary: ApiSummary): ImportDeclarationStructure {
  const names = apiNames(summary.base);
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: `./${apiModulePath(summary.api)}.js`,
    namedImports: [
      { name: names.request },
      { name: names.params, isTypeOnly: true },
      { name: names.response, isTypeOnly: true },
    ],
  };
}

/** The typed method of one API on `TopApi`. */
export function topApiMethod(summary: ApiSummary): OptionalKind<MethodDeclarationStructure> {
  const names = apiNames(summary.base);
  return {
    name: names.method,
    docs: [`${docSafe(summary.title)}: calls \`${summary.api}\`.`],
    parameters: [
      summary.hasRequired
        ? { name: "params", type: names.params }
        : { name: "params", type: names.params, initializer: "{}" },
      { name: "options", type: "ExecuteOptions", hasQuestionToken: true },
    ],
    returnType: `Promise<${names.response}>`,
    statements: [`return this.execute(new ${names.request}(params), options);`],
  };
}

/** `TopApi` with the given methods: all of them, one, or none (for its opening lines). */
export function topApiClass(
  methods: OptionalKind<MethodDeclarationStructure>[],
): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: "TopApi",
    isExported: true,
    extends: "TopClient",
    docs: [
      "A `TopClient` with a typed method for every API; `execute` works for all of them.\n" +
        "It checks params against the spec before sending unless `validate` is given.",
    ],
    ctors: [
      {
        parameters: [{ name: "options", type: "TopClientOptions" }],
        statements: ["super({ validate: validateParams, ...options });"],
      },
    ],
    methods,
  };
}

/** `src/top-api.ts` whole; the pipeline assembles the same text from per-API pieces. */
export function topApiFileStructure(apis: readonly ApiSummary[]): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    leadingTrivia: packageHeader(apis.length),
    statements: [
      ...TOP_API_PRELUDE,
      ...apis.map(topApiImport),
      topApiClass(apis.map(topApiMethod)),
    ],
  };
}

function exportFrom(moduleSpecifier: string): ExportDeclarationStructure {
  return { kind: StructureKind.ExportDeclaration, moduleSpecifier };
}
