/**
 * Names of emitted code: class and method names from method names, safe identifiers from doc
 * names, and the wire key of a list wrapper. Pure functions; all naming rules live here.
 */

/**
 * Global names that emitted modules use or that readers expect to mean the built-in; a doc type
 * of that name is renamed (`Map` → `MapType`). Lower-case keywords cannot occur: type names are
 * capitalised first.
 */
const GLOBALS = new Set(["Array", "Date", "Error", "Map", "Object", "Promise", "Record", "Set"]);

/** `alibaba.alsc.crm.customer.update` → `AlibabaAlscCrmCustomerUpdate`; odd characters split. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^[0-9]/.test(joined) ? `N${joined}` : joined === "" ? "Unnamed" : joined;
}

/** `AlibabaAlscCrmCustomerUpdate` → `alibabaAlscCrmCustomerUpdate`. */
export function camelCase(pascal: string): string {
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** A doc type name as an identifier: unchanged when it already is one and not reserved. */
export function typeIdentifier(docName: string): string {
  const base = /^[A-Za-z_$][\w$]*$/.test(docName) ? docName : pascalCase(docName);
  const upper = base.charAt(0).toUpperCase() + base.slice(1);
  return GLOBALS.has(upper) ? `${upper}Type` : upper;
}

/** Whether a wire name can be written as a bare property name. */
export function isPlainPropertyName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/**
 * The key that wraps a list in non-simplified JSON and XML responses: the element type in
 * snake_case with `_` before every capital (`OrderDetailCursorTopDTO` →
 * `order_detail_cursor_top_d_t_o`), computed as the runtime computes it.
 */
export { snakeWrapKey as listWrapKey } from "../runtime/compact-schema.js";

/** Gives out names unique within one scope, numbering repeats: `Item`, `Item2`, `Item3`. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name); n++) name = `${wanted}${n}`;
    this.taken.add(name);
    return name;
  }
}
