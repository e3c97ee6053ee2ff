import { printStructure, type SourceFileStructure } from "ts-morph";

/**
 * Prints a file from its structure with ts-morph's structure printer. No syntax tree is built:
 * prettier parses the text next anyway, and building a tree here tripled the cost per API.
 */
export function printFile(structure: SourceFileStructure): string {
  return printStructure(structure, { indentNumberOfSpaces: 2 });
}
