/**
 * Writes specs as YAML: keys in the orders of `spec.ts`, multi-line texts and samples as literal
 * block scalars, nothing that varies between runs or machines. Files are replaced atomically
 * and left untouched when their content would not change, so that reruns touch no mtimes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail } from "./diagnostics.js";
import { yamlMap, type YamlMap } from "./yaml-text.js";
import {
  LIMIT_KEY_ORDER,
  PARAM_KEY_ORDER,
  SAMPLE_KEY_ORDER,
  SPEC_KEY_ORDER,
  type ApiSpec,
  type Param,
} from "./spec.js";

type Plain = Record<string, unknown>;

function ordered<T extends object>(value: T, order: readonly (keyof T)[]): Plain {
  const out: Plain = {};
  for (const key of order) {
    const v = value[key];
    if (v !== undefined) out[key as string] = v;
  }
  return out;
}

function orderedParam(param: Param): Plain {
  const out = ordered(param, PARAM_KEY_ORDER);
  if (param.limits !== undefined) out["limits"] = ordered(param.limits, LIMIT_KEY_ORDER);
  if (param.fields !== undefined) out["fields"] = param.fields.map(orderedParam);
  return out;
}

/** The YAML text of a spec; the same spec always gives the same bytes. */
export function specToYaml(spec: ApiSpec): string {
  const out = ordered(spec, SPEC_KEY_ORDER);
  out["request"] = spec.request.map(orderedParam);
  out["response"] = spec.response.map(orderedParam);
  if (spec.samples !== undefined) out["samples"] = ordered(spec.samples, SAMPLE_KEY_ORDER);
  if (spec.error_codes !== undefined) {
    out["error_codes"] = spec.error_codes.map((e) => ordered(e, ["code", "message", "solution"]));
  }
  // A spec holds only strings, numbers, booleans, lists and maps: the contract's own types.
  return yamlMap(out as YamlMap, 0).join("\n") + "\n";
}

/** What `writeSpecFile` did. */
export type WriteOutcome = "written" | "unchanged";

let tempCount = 0;

/**
 * Writes `<dir>/<api>.yaml` through a temporary file and a rename, so a reader never sees half
 * a spec; leaves the file untouched when its content is already the same. Synchronous: for
 * thousands of small files it is several times faster here than the promise API.
 */
export async function writeSpecFile(dir: string, spec: ApiSpec): Promise<WriteOutcome> {
  const path = specPath(dir, spec);
  const text = specToYaml(spec);
  if (readIfExists(path) === text) return "unchanged";
  mkdirSync(dir, { recursive: true });
  const temp = `${path}.${process.pid}-${tempCount++}.tmp`;
  try {
    writeFileSync(temp, text, "utf8");
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return "written";
}

/**
 * Writes a batch of specs. Into a folder that does not exist yet, they are written whole beside
 * it and the folder renamed into place at once, which halves the time for the full catalog;
 * otherwise each goes through `writeSpecFile`.
 */
export async function writeSpecFiles(dir: string, specs: readonly ApiSpec[]): Promise<void> {
  if (existsSync(dir)) {
    for (const spec of specs) await writeSpecFile(dir, spec);
    return;
  }
  const staging = `${dir}.topgen-${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const spec of specs) writeFileSync(specPath(staging, spec), specToYaml(spec), "utf8");
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function specPath(dir: string, spec: ApiSpec): string {
  if (!/^[^/\\]+$/.test(spec.api) || spec.api.startsWith(".")) {
    fail("SPEC_INVALID", spec.api, "the API name cannot be a file name", { path: "api" });
  }
  return join(dir, `${spec.api}.yaml`);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
