/**
 * What text and HTML pages share: section headings, title and breadcrumb forms, authorization
 * labels, and which sample a code block is. Both renderings of a doc page use the same words.
 */
import type { Authorization, Samples } from "../spec/spec.js";

/** Section headings of a doc page, in page order. */
export const SECTIONS = [
  "公共参数",
  "请求参数",
  "响应参数",
  "请求示例",
  "响应示例",
  "异常示例",
  "错误码解释",
  "API工具",
  "如何获得此API",
  "FAQ",
] as const;

export type Section = (typeof SECTIONS)[number];

/** Sections a page must reach; a page that stops before one of them is truncated. */
export const REQUIRED_SECTIONS: readonly Section[] = [
  "请求参数",
  "响应参数",
  "请求示例",
  "响应示例",
];

const TITLE = /^([A-Za-z][\w.-]*)\s*[(（](.*)[)）]$/;

/** `alibaba.alsc.crm.customer.update (更新顾客信息)` → name and Chinese title. */
export function parseTitle(text: string): { api: string; title: string } | undefined {
  const match = TITLE.exec(text.trim());
  if (match === null) return undefined;
  return { api: match[1] ?? "", title: (match[2] ?? "").trim() };
}

/** `文档中心 > API类目 > 本地生活API` → `本地生活API`. */
export function parseBreadcrumb(text: string): string | undefined {
  const parts = text.split(/\s*[>›»]\s*/).map((p) => p.trim());
  if (parts.length < 2 || parts[0] !== "文档中心") return undefined;
  const last = parts.at(-1);
  return last === undefined || last === "" ? undefined : last;
}

const AUTH_LABELS: Record<string, Authorization> = {
  需要授权: "required",
  需要用户授权: "required",
  必须用户授权: "required",
  可选授权: "optional",
  可选用户授权: "optional",
  不需要授权: "none",
  不需授权: "none",
  不需用户授权: "none",
  不需要用户授权: "none",
};

/** The authorization a label states, e.g. `不需用户授权` → `none`; undefined for other labels. */
export function authorizationLabel(text: string): Authorization | undefined {
  return AUTH_LABELS[text.trim()];
}

/** Which sample a code block under `section` is, judged by its content, not by its tab. */
export function sampleKind(section: Section, code: string): keyof Samples | undefined {
  const start = code.trimStart();
  if (section === "请求示例") {
    return /new\s+DefaultTaobaoClient\s*\(/.test(code) ? "request_java" : undefined;
  }
  const format = start.startsWith("<") ? "xml" : start.startsWith("{") ? "json" : undefined;
  if (format === undefined) return undefined;
  if (section === "响应示例") return format === "xml" ? "response_xml" : "response_json";
  if (section === "异常示例") return format === "xml" ? "error_xml" : "error_json";
  return undefined;
}
