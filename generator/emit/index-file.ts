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

/** `src/index.ts`: the runtime, the typed client, and every API's request class and types. */
export function indexFileStructure(apis: readonly ApiSummary[]): SourceFileStructure {
  const statements: ExportDeclarationStructure[] = [
    exportFrom("./runtime/index.js"),
    { ...exportFrom("./top-api.js"), namedExports: ["TopApi"] },
  ];
  for (const summary of apis) {
    const names = apiNames(summary.base);
    const module = `./${apiModulePath(summary.api)}.js`;
    statements.push({
      ...exportFrom(module),
      namedExports: [
        { name: names.request },
        { name: names.params, isTypeOnly: true },
        { name: names.response, isTypeOnly: true },
      ],
    });
    // Nested types keep their documented names inside a per-API namespace, so that two APIs'
    // `CommonResult` never meet: `AlibabaAlscCrmCustomerUpdate.CommonResult`.
    statements.push({ ...exportFrom(module), isTypeOnly: true, namespaceExport: names.base });
  }
  return {
    kind: StructureKind.SourceFile,
    leadingTrivia: generatedHeader(`specs/ (${apis.length} APIs)`),
    statements,
  };
}

/** `src/top-api.ts`: `TopApi`, a `TopClient` with one typed method per API. */
export function topApiFileStructure(apis: readonly ApiSummary[]): SourceFileStructure {
  const imports: ImportDeclarationStructure[] = [
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
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  for (const summary of apis) {
    const names = apiNames(summary.base);
    imports.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `./${apiModulePath(summary.api)}.js`,
      namedImports: [
        { name: names.request },
        { name: names.params, isTypeOnly: true },
        { name: names.response, isTypeOnly: true },
      ],
    });
    methods.push({
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
    });
  }
  const topApi: ClassDeclarationStructure = {
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
  return {
    kind: StructureKind.SourceFile,
    leadingTrivia: generatedHeader(`specs/ (${apis.length} APIs)`),
    statements: [...imports, topApi],
  };
}

function exportFrom(moduleSpecifier: string): ExportDeclarationStructure {
  return { kind: StructureKind.ExportDeclaration, moduleSpecifier };
}
