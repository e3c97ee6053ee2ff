/**
 * What one cell of a parameter table can be. Text pages drop empty cells, so a row is read by
 * what each token is: a type, a required mark, a limit, or else an example or description.
 */
import type { Limits } from "../spec/spec.js";

const TYPE = /^(?:[A-Z][A-Za-z0-9_]*|byte|null)(?:\s*\[\s*\])*$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const LIMIT = /^(默认值|最大长度|最大列表长度|最小值|最大值)[:：]\s*(.*)$/s;

const LIMIT_KEYS = {
  默认值: "default",
  最大长度: "max_length",
  最大列表长度: "max_list_size",
  最小值: "min_value",
  最大值: "max_value",
} as const;

/** Whether a token is a doc type: `String`, `String []`, `byte[]`, `CustomerUpdateOpenReq`. */
export function isTypeToken(token: string): boolean {
  return TYPE.test(token);
}

/** Whether a token can be a parameter name (dots included: some real names have them). */
export function isNameToken(token: string): boolean {
  return NAME.test(token);
}

/** `必须` → true, `可选` → false, anything else → undefined. */
export function requiredMark(token: string): boolean | undefined {
  if (token === "必须" || token === "必选") return true;
  if (token === "可选") return false;
  return undefined;
}

/** Whether a token is a limit such as `最大长度:32`. */
export function isLimitToken(token: string): boolean {
  return LIMIT.test(token);
}

/**
 * Adds one limit token to `limits`. Returns false when the token is a limit whose number cannot
 * be read, so that the caller can report it.
 */
export function addLimit(limits: Limits, token: string): boolean {
  const match = LIMIT.exec(token);
  if (match === null) return false;
  const key = LIMIT_KEYS[match[1] as keyof typeof LIMIT_KEYS];
  const value = (match[2] ?? "").trim();
  if (key === "default") {
    limits.default = value;
    return true;
  }
  const number = Number(value);
  if (value === "" || !Number.isFinite(number)) return false;
  limits[key] = number;
  return true;
}

/** Whether a text has CJK characters; such a token is prose, not an example value. */
export function hasCjk(text: string): boolean {
  return /[\u3000-\u9fff\uff00-\uffef]/.test(text);
}
