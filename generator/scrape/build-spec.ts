/**
 * Turns what a reader found into an `ApiSpec`, repairing the oddities of real documentation
 * with a defined result and a located warning each: control characters, missing or unusual
 * types, repeated names, required flags on response params, object types without fields.
 */
import type { DiagnosticBag, DiagnosticCode, Where } from "../spec/diagnostics.js";
import type { ApiSpec, Limits, Param, Samples } from "../spec/spec.js";
import { LIMIT_KEY_ORDER, SAMPLE_KEY_ORDER } from "../spec/spec.js";
import type { RawPage, RawParam } from "./raw-page.js";
import { normaliseType, PRIMITIVE_TYPES } from "./types.js";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F-\u009F]/g;
const METHOD = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Context {
  input: string;
  bag: DiagnosticBag;
  /** Response params that carried `required`, reported once per API. */
  ignoredRequired: string[];
}

function warn(ctx: Context, code: DiagnosticCode, message: string, path: string, line?: number) {
  const where: Where = line === undefined ? { path } : { path, line };
  ctx.bag.warn(code, ctx.input, message, where);
}

/** Removes control characters (tabs and line feeds are text); warns when there were any. */
function clean(ctx: Context, text: string, what: string, path: string, line?: number): string {
  const unified = text.replace(/\r\n/g, "\n");
  const cleaned = unified.replace(CONTROL, "");
  if (cleaned !== unified) {
    warn(ctx, "TEXT_CONTROL_CHARS", `control characters removed from the ${what}`, path, line);
  }
  return cleaned;
}

/** Builds the spec of one page. Diagnostics go to `bag`; nothing is thrown. */
export function buildSpec(page: RawPage, input: string, bag: DiagnosticBag): ApiSpec {
  const ctx: Context = { input, bag, ignoredRequired: [] };
  if (!METHOD.test(page.api)) {
    warn(ctx, "METHOD_NAME_ODD", `method name ${page.api} kept as written`, "api", page.line);
  }
  const spec: ApiSpec = {
    api: page.api,
    title: clean(ctx, page.title, "title", "title", page.line).trim(),
    description: clean(ctx, page.description, "description", "description").trim(),
    request: [],
    response: [],
  };
  if (page.category !== undefined)
    spec.category = clean(ctx, page.category, "category", "category");
  if (page.authorization !== undefined) spec.authorization = page.authorization;
  spec.request = params(ctx, page.request, "request", true);
  spec.response = params(ctx, page.response, "response", false);

  const [first] = ctx.ignoredRequired;
  if (first !== undefined) {
    const count = ctx.ignoredRequired.length;
    warn(ctx, "REQUIRED_IGNORED", `${count} response param(s) marked required; dropped`, first);
  }

  const samples: Samples = {};
  for (const key of SAMPLE_KEY_ORDER) {
    const text = page.samples[key];
    if (text !== undefined && text.trim() !== "") samples[key] = clean(ctx, text, "sample", key);
  }
  if (Object.keys(samples).length > 0) spec.samples = samples;
  if (page.errorCodes.length > 0) {
    spec.error_codes = page.errorCodes.map((e, i) => {
      const path = `error_codes/${i}`;
      const doc = { code: clean(ctx, e.code, "error code", path).trim() };
      const message = e.message === undefined ? "" : clean(ctx, e.message, "message", path).trim();
      const solution =
        e.solution === undefined ? "" : clean(ctx, e.solution, "solution", path).trim();
      return {
        ...doc,
        ...(message === "" ? {} : { message }),
        ...(solution === "" ? {} : { solution }),
      };
    });
  }
  return spec;
}

function params(ctx: Context, raw: RawParam[], parent: string, request: boolean): Param[] {
  const seen = new Set<string>();
  const out: Param[] = [];
  for (const p of raw) {
    const path = `${parent}/${p.name}`;
    if (seen.has(p.name)) {
      warn(ctx, "NAME_DUPLICATE", `a later ${p.name} at this level dropped`, path, p.line);
      continue;
    }
    seen.add(p.name);
    out.push(param(ctx, p, path, request));
  }
  return out;
}

function param(ctx: Context, raw: RawParam, path: string, request: boolean): Param {
  const name = clean(ctx, raw.name, "name", path, raw.line);
  if (!PLAIN_NAME.test(name)) {
    warn(
      ctx,
      "NAME_INVALID",
      `name ${name} is no plain identifier; kept as written`,
      path,
      raw.line,
    );
  }
  const typed = normaliseType(raw.type);
  if (typed.code !== undefined) warn(ctx, typed.code, typed.message, path, raw.line);

  const result: Param = { name, type: typed.type };
  if (request) result.required = raw.required ?? false;
  else if (raw.required === true) ctx.ignoredRequired.push(path);
  if (raw.example !== undefined)
    result.example = clean(ctx, raw.example, "example", path, raw.line);
  const description = clean(ctx, raw.description ?? "", "description", path, raw.line).trim();
  if (description !== "") result.description = description;
  const limits = orderedLimits(raw.limits);
  if (limits !== undefined) result.limits = limits;

  const base = typed.type.replace(/(?:\[\])+$/, "");
  const primitive = PRIMITIVE_TYPES.has(base);
  if (raw.fields.length > 0) {
    if (primitive) {
      warn(ctx, "FIELDS_UNEXPECTED", `type ${typed.type} has child fields; kept`, path, raw.line);
    }
    result.fields = params(ctx, raw.fields, path, request);
  } else if (!primitive) {
    warn(ctx, "FIELDS_MISSING", `object type ${typed.type} has no fields listed`, path, raw.line);
  }
  return result;
}

function orderedLimits(limits: Limits): Limits | undefined {
  const out: Limits = {};
  for (const key of LIMIT_KEY_ORDER) {
    const value = limits[key];
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
