import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { DiagnosticBag, type Where } from "./diagnostics.js";
import type { ApiSpec, ErrorCodeDoc, Limits, Param, Samples } from "./spec.js";
import { LIMIT_KEY_ORDER, PARAM_KEY_ORDER, SAMPLE_KEY_ORDER, SPEC_KEY_ORDER } from "./spec.js";

/** A spec as read from disk, with the file it came from for diagnostics. */
export interface LoadedSpec {
  file: string;
  spec: ApiSpec;
}

/** The names of the `*.yaml` files in a specs folder, sorted; unreadable folders are reported. */
export function listSpecFiles(dir: string, diags: DiagnosticBag): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith(".yaml"))
      .sort();
  } catch (cause) {
    diags.error("INPUT_UNREADABLE", dir, `cannot list the specs folder: ${String(cause)}`);
    return [];
  }
}

/** Reads every `*.yaml` in `dir`, sorted by name; bad files are reported in `diags`, skipped. */
export async function loadSpecs(dir: string, diags: DiagnosticBag): Promise<LoadedSpec[]> {
  const names = listSpecFiles(dir, diags);
  const loaded: LoadedSpec[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const spec = parseSpec(await readFile(file, "utf8"), file, diags);
    if (spec === undefined) continue;
    const other = seen.get(spec.api);
    if (other !== undefined) {
      diags.error("SPEC_DUPLICATE_API", file, `${spec.api} is also described by ${other}`);
      continue;
    }
    seen.set(spec.api, file);
    loaded.push({ file, spec });
  }
  return loaded;
}

/**
 * Parses and validates one spec's YAML text; undefined (with diagnostics) when it is invalid.
 * js-yaml reads specs ten times faster than the `yaml` package, which matters at 5,312 specs;
 * its core schema is YAML 1.2's, so `2019-01-01` stays a string, as the spec writer expects.
 */
export function parseSpec(text: string, file: string, diags: DiagnosticBag): ApiSpec | undefined {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (cause) {
    const mark = cause instanceof YAMLException ? cause.mark : undefined;
    const where: Where = mark === undefined ? {} : { line: mark.line + 1 };
    const reason = cause instanceof YAMLException ? cause.reason : String(cause);
    diags.error("SPEC_PARSE", file, firstLine(reason), where);
    return undefined;
  }
  const before = diags.errors.length;
  const spec = new SpecReader(file, diags).spec(data);
  return diags.errors.length === before ? spec : undefined;
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}

type Obj = Record<string, unknown>;

/** Checks the shape of a parsed spec against the contract in spec.ts, path by path. */
class SpecReader {
  constructor(
    private readonly file: string,
    private readonly diags: DiagnosticBag,
  ) {}

  spec(data: unknown): ApiSpec | undefined {
    const o = this.object(data, "");
    if (o === undefined) return undefined;
    this.unknownKeys(o, SPEC_KEY_ORDER, "");
    const api = this.string(o, "api", "", true) ?? "";
    if (api !== "" && !/^[A-Za-z0-9][\w.-]*$/.test(api)) {
      this.invalid("api", `"${api}" is not a method name (letters, digits, dots, _ and -)`);
    }
    const spec: ApiSpec = {
      api,
      title: this.string(o, "title", "", true) ?? "",
      description: this.string(o, "description", "", true) ?? "",
      request: this.params(o["request"], "request", true),
      response: this.params(o["response"], "response", false),
    };
    const category = this.string(o, "category", "");
    if (category !== undefined) spec.category = category;
    const auth = o["authorization"];
    if (auth !== undefined) {
      if (auth === "required" || auth === "optional" || auth === "none") spec.authorization = auth;
      else this.invalid("authorization", "must be one of required, optional, none");
    }
    const samples = this.samples(o["samples"]);
    if (samples !== undefined) spec.samples = samples;
    const codes = this.errorCodes(o["error_codes"]);
    if (codes !== undefined) spec.error_codes = codes;
    return spec;
  }

  private params(data: unknown, path: string, isRequest: boolean): Param[] {
    if (data === undefined || data === null) {
      this.invalid(path, "is missing (write [] for an API without params)");
      return [];
    }
    if (!Array.isArray(data)) {
      this.invalid(path, "must be a list of params");
      return [];
    }
    const out: Param[] = [];
    data.forEach((item, i) => {
      const param = this.param(item, `${path}/${nameOf(item) ?? `#${i}`}`, isRequest);
      if (param !== undefined) out.push(param);
    });
    return out;
  }

  private param(data: unknown, path: string, isRequest: boolean): Param | undefined {
    const o = this.object(data, path);
    if (o === undefined) return undefined;
    this.unknownKeys(o, PARAM_KEY_ORDER, path);
    const name = this.string(o, "name", path, true);
    const type = this.string(o, "type", path, true);
    if (name === undefined || type === undefined) return undefined;
    if (!/^[A-Za-z_$][\w$]*(\[\])*$/.test(type)) {
      this.invalid(`${path}/type`, `"${type}" is not a type name (e.g. String, Item, String[])`);
    }
    const param: Param = { name, type };
    const required = o["required"];
    if (required !== undefined) {
      if (typeof required !== "boolean") this.invalid(`${path}/required`, "must be true or false");
      else if (!isRequest) this.invalid(`${path}/required`, "response params carry no required");
      else param.required = required;
    }
    const example = o["example"];
    if (example !== undefined) {
      if (typeof example === "string") param.example = example;
      else this.invalid(`${path}/example`, "must be a string (quote it in YAML)");
    }
    const description = this.string(o, "description", path);
    if (description !== undefined) param.description = description;
    const limits = this.limits(o["limits"], `${path}/limits`);
    if (limits !== undefined) param.limits = limits;
    if (o["fields"] !== undefined) param.fields = this.params(o["fields"], path, isRequest);
    return param;
  }

  private limits(data: unknown, path: string): Limits | undefined {
    if (data === undefined) return undefined;
    const o = this.object(data, path);
    if (o === undefined) return undefined;
    this.unknownKeys(o, LIMIT_KEY_ORDER, path);
    const limits: Limits = {};
    for (const key of LIMIT_KEY_ORDER) {
      const value = o[key];
      if (value === undefined) continue;
      if (key === "default") {
        if (typeof value === "string") limits.default = value;
        else this.invalid(`${path}/default`, "must be a string (quote it in YAML)");
      } else if (typeof value === "number" && Number.isFinite(value)) limits[key] = value;
      else this.invalid(`${path}/${key}`, "must be a number");
    }
    return limits;
  }

  private samples(data: unknown): Samples | undefined {
    if (data === undefined) return undefined;
    const o = this.object(data, "samples");
    if (o === undefined) return undefined;
    this.unknownKeys(o, SAMPLE_KEY_ORDER, "samples");
    const samples: Samples = {};
    for (const key of SAMPLE_KEY_ORDER) {
      const value = this.string(o, key, "samples");
      if (value !== undefined) samples[key] = value;
    }
    return samples;
  }

  private errorCodes(data: unknown): ErrorCodeDoc[] | undefined {
    if (data === undefined) return undefined;
    if (!Array.isArray(data)) {
      this.invalid("error_codes", "must be a list");
      return undefined;
    }
    const out: ErrorCodeDoc[] = [];
    data.forEach((item, i) => {
      const path = `error_codes/#${i}`;
      const o = this.object(item, path);
      if (o === undefined) return;
      const code = this.string(o, "code", path, true);
      if (code === undefined) return;
      const doc: ErrorCodeDoc = { code };
      const message = this.string(o, "message", path);
      if (message !== undefined) doc.message = message;
      const solution = this.string(o, "solution", path);
      if (solution !== undefined) doc.solution = solution;
      out.push(doc);
    });
    return out;
  }

  private object(data: unknown, path: string): Obj | undefined {
    if (typeof data === "object" && data !== null && !Array.isArray(data)) return data as Obj;
    this.invalid(path, "must be a mapping");
    return undefined;
  }

  private string(o: Obj, key: string, path: string, required = false): string | undefined {
    const value = o[key];
    const at = path === "" ? key : `${path}/${key}`;
    if (value === undefined || value === null) {
      if (required) this.invalid(at, "is missing");
      return undefined;
    }
    if (typeof value !== "string") {
      this.invalid(at, "must be a string (quote it in YAML)");
      return undefined;
    }
    return value;
  }

  private unknownKeys(o: Obj, known: readonly string[], path: string): void {
    for (const key of Object.keys(o)) {
      if (!known.includes(key)) {
        this.invalid(
          path === "" ? key : `${path}/${key}`,
          `unknown key; known: ${known.join(", ")}`,
        );
      }
    }
  }

  private invalid(path: string, reason: string): void {
    const where: Where = path === "" ? {} : { path };
    this.diags.error("SPEC_INVALID", this.file, reason, where);
  }
}

function nameOf(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const name = (item as Obj)["name"];
  return typeof name === "string" ? name : undefined;
}
