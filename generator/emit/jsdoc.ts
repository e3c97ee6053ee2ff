import type { FieldModel } from "./api-model.js";

/**
 * Text from a documentation page made safe inside a JSDoc block: no control characters, nothing
 * that ends the comment (`*\/`), no line that starts a tag by accident.
 */
export function docSafe(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, "")
      .replace(/\r\n?/g, "\n")
      .replace(/\*\//g, "*\\/")
      .replace(/^(\s*)@/gm, "$1\\@")
      .trim()
  );
}

/** The JSDoc of a field: its description, then its limits and example as tags. */
export function fieldDoc(field: FieldModel): string | undefined {
  const lines: string[] = [];
  if (field.description !== undefined && field.description.trim() !== "") {
    lines.push(docSafe(field.description));
  }
  const limits = field.limits;
  if (limits !== undefined) {
    const parts: string[] = [];
    if (limits.max_length !== undefined) parts.push(`max length ${limits.max_length}`);
    if (limits.max_list_size !== undefined) parts.push(`max list size ${limits.max_list_size}`);
    if (limits.min_value !== undefined) parts.push(`min value ${limits.min_value}`);
    if (limits.max_value !== undefined) parts.push(`max value ${limits.max_value}`);
    if (parts.length > 0) lines.push(`Limits: ${parts.join(", ")}.`);
    if (limits.default !== undefined) lines.push(`@default ${docSafe(limits.default)}`);
  }
  if (field.example !== undefined && field.example !== "") {
    lines.push(`@example ${docSafe(field.example)}`);
  }
  return lines.length === 0 ? undefined : lines.join("\n");
}
