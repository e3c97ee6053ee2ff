/**
 * Writes specs as YAML: keys in the orders of `spec.ts`, multi-line texts and samples as literal
 * block scalars, nothing that varies between runs or machines. Files are replaced atomically
 * and left untouched when their content would not change, so that reruns touch no mtimes.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
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

/**
 * Writes `<dir>/<api>.yaml` through a temporary file and a rename, so a reader never sees half
 * a spec; leaves the file untouched when its content is already the same.
 */
export async function writeSpecFile(dir: string, spec: ApiSpec): Promise<WriteOutcome> {
  if (!/^[^/\\]+$/.test(spec.api) || spec.api.startsWith(".")) {
    fail("SPEC_INVALID", spec.api, "the API name cannot be a file name", { path: "api" });
  }
  const path = join(dir, `${spec.api}.yaml`);
  const text = specToYaml(spec);
  const existing = await readFile(path, "utf8").catch(() => undefined);
  if (existing === text) return "unchanged";

  await mkdir(dir, { recursive: true });
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, text, "utf8");
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return "written";
}
