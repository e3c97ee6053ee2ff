import {
  StructureKind,
  type ClassDeclarationStructure,
  type InterfaceDeclarationStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type SourceFileStructure,
  type VariableStatementStructure,
  VariableDeclarationKind,
} from "ts-morph";
import type { ValueKind } from "../runtime/schema.js";
import type { ApiModel, Direction, FieldModel } from "./api-model.js";
import { compactSchemaOf } from "./api-schema.js";
import { docSafe, fieldDoc } from "./jsdoc.js";
import { generatedHeader } from "./header.js";
import { isPlainPropertyName } from "./names.js";

/** TypeScript types of values, by direction: inputs accept more forms than responses give. */
const VALUE_TYPES: Record<Direction, Record<Exclude<ValueKind, "object">, string>> = {
  request: {
    string: "string",
    number: "TopNumberInput",
    boolean: "boolean",
    date: "TopDateInput",
    price: "TopPriceInput",
    file: "TopFile",
    json: "TopJson",
  },
  response: {
    string: "string",
    number: "TopNumber",
    boolean: "boolean",
    date: "string",
    price: "string",
    file: "string",
    json: "unknown",
  },
};

/** The module of one API: params, response and nested types, its schema and request class. */
export function apiFileStructure(model: ApiModel): SourceFileStructure {
  const { names } = model;
  const used = new Set<string>(["TopRequest", "ApiSchema", "defineSchema"]);
  const typeOf = (field: FieldModel, direction: Direction): string => {
    let type = field.typeName ?? VALUE_TYPES[direction][field.kind as Exclude<ValueKind, "object">];
    // Only value types come from the runtime; a doc type may be named `TopResult` too.
    if (field.typeName === undefined && type.startsWith("Top")) used.add(type);
    for (let i = 0; i < field.listDepth; i++) type = `${type}[]`;
    return type;
  };
  const properties = (fields: FieldModel[], direction: Direction) =>
    fields.map((f) => propertyOf(f, typeOf(f, direction)));

  const responseProps = properties(model.response, "response");
  if (!model.response.some((f) => f.name === "request_id")) {
    responseProps.push({
      name: "request_id",
      type: "string",
      hasQuestionToken: true,
      docs: ["The gateway's id of this call; quote it when asking for support."],
    });
  }
  const interfaces: InterfaceDeclarationStructure[] = [
    iface(names.params, properties(model.request, "request"), `Params of \`${model.api}\`.`),
    iface(names.response, responseProps, `Response of \`${model.api}\`.`),
    ...model.types.map((t) =>
      iface(
        t.name,
        properties(t.fields, t.direction),
        t.name === t.docName ? `\`${t.docName}\`` : `\`${t.docName}\`, as used here.`,
      ),
    ),
  ];

  const schema: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: "schema",
        type: "ApiSchema",
        // Plain data: JSON is valid TypeScript, and prettier gives it its final form.
        initializer: `defineSchema(${JSON.stringify(compactSchemaOf(model))})`,
      },
    ],
  };

  const hasRequired = model.request.some((f) => f.required);
  const requestClass: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: names.request,
    isExported: true,
    extends: `TopRequest<${names.params}, ${names.response}>`,
    docs: [apiDoc(model)],
    properties: [
      {
        name: "schema",
        isStatic: true,
        isReadonly: true,
        type: "ApiSchema",
        initializer: "schema",
        docs: ["What the client knows of this API; also what the gateway simulator serves."],
      },
    ],
    ctors: [
      {
        parameters: [
          hasRequired
            ? { name: "params", type: names.params }
            : { name: "params", type: names.params, initializer: "{}" },
        ],
        statements: ["super(schema, params);"],
      },
    ],
  };

  return {
    kind: StructureKind.SourceFile,
    leadingTrivia: generatedHeader(model.source),
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "../runtime/index.js",
        namedImports: [...used].sort().map((name) => ({
          name,
          isTypeOnly: name !== "TopRequest" && name !== "defineSchema",
        })),
      },
      ...interfaces,
      schema,
      requestClass,
    ],
  };
}

function propertyOf(field: FieldModel, type: string): OptionalKind<PropertySignatureStructure> {
  const doc = fieldDoc(field);
  const property: OptionalKind<PropertySignatureStructure> = {
    name: isPlainPropertyName(field.name) ? field.name : JSON.stringify(field.name),
    type,
    hasQuestionToken: !field.required,
  };
  if (doc !== undefined) property.docs = [doc];
  return property;
}

function iface(
  name: string,
  properties: OptionalKind<PropertySignatureStructure>[],
  doc: string,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: [doc],
    properties,
  };
}

/** The request class's JSDoc: title, description, method and authorization need. */
export function apiDoc(model: ApiModel): string {
  const { spec } = model;
  const lines = [docSafe(`${spec.title}`.trim() || model.api)];
  const description = docSafe(spec.description);
  if (description !== "" && description !== lines[0]) lines.push("", description);
  lines.push("", `Method \`${model.api}\`${spec.category ? ` (${docSafe(spec.category)})` : ""}.`);
  if (spec.authorization === "required") lines.push("Needs a user's `session`.");
  return lines.join("\n");
}
