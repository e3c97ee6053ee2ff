import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mockApiOf } from "../../generator/cli/mock-command.js";
import { generate } from "../../generator/pipeline.js";
import type * as Runtime from "../../generator/runtime/index.js";
import type * as Testing from "../../generator/runtime/testing/index.js";
import type { TopRequest } from "../../generator/runtime/request.js";
import type { MockApi, MockGateway } from "../../generator/runtime/testing/mock-gateway.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { parseSpec } from "../../generator/spec/read-spec.js";

/** The specs of the end-to-end suite: `taobao.topgen.e2e.kinds` and `taobao.topgen.e2e.ping`. */
export const E2E_SPECS = join(import.meta.dirname, "..", "fixtures", "specs-e2e");

export const KINDS = "taobao.topgen.e2e.kinds";
export const PING = "taobao.topgen.e2e.ping";

type RequestClass = (new (params: object) => TopRequest) & { schema: Runtime.ApiSchema };

/**
 * A package generated from `E2E_SPECS` in a temp folder, imported as an app would import it.
 * Every class comes from that package (its own runtime copy), so `instanceof` checks are real.
 * Types are the repo runtime's: the package's runtime is a verbatim copy of it.
 */
export interface E2ePackage {
  dir: string;
  runtime: typeof Runtime;
  retry: typeof import("../../generator/runtime/retry.js");
  xml: typeof import("../../generator/runtime/xml.js");
  batch: typeof import("../../generator/runtime/batch.js");
  testing: typeof Testing;
  Kinds: RequestClass;
  Ping: RequestClass;
  /** The generated `TopApi` (validation on by default), typed loosely: one method per API. */
  TopApi: new (
    options: Runtime.TopClientOptions,
  ) => Runtime.TopClient & Record<"taobaoTopgenE2eKinds" | "taobaoTopgenE2ePing", TypedMethod>;
  /** The simulator's view of each spec: schema, samples, examples. */
  mockApis: MockApi[];
}

type TypedMethod = (params: object, options?: Runtime.ExecuteOptions) => Promise<unknown>;

/** Generates the e2e package once per test file and imports it. */
export async function loadE2ePackage(): Promise<E2ePackage> {
  const dir = join(await mkdtemp(join(tmpdir(), "topgen-e2e-")), "generated");
  const report = await generate({ specsDir: E2E_SPECS, outDir: dir, cache: false });
  if (report.failed) throw new Error(`e2e specs failed: ${JSON.stringify(report.diagnostics)}`);
  const load = (path: string): Promise<unknown> => import(pathToFileURL(join(dir, path)).href);
  const apis = (await load(`src/apis/${KINDS}.ts`)) as Record<string, RequestClass>;
  const ping = (await load(`src/apis/${PING}.ts`)) as Record<string, RequestClass>;
  const top = (await load("src/top-api.ts")) as Pick<E2ePackage, "TopApi">;
  return {
    dir,
    runtime: (await load("src/runtime/index.ts")) as E2ePackage["runtime"],
    retry: (await load("src/runtime/retry.ts")) as E2ePackage["retry"],
    xml: (await load("src/runtime/xml.ts")) as E2ePackage["xml"],
    batch: (await load("src/runtime/batch.ts")) as E2ePackage["batch"],
    testing: (await load("src/runtime/testing/index.ts")) as E2ePackage["testing"],
    Kinds: apis["TaobaoTopgenE2eKindsRequest"] as RequestClass,
    Ping: ping["TaobaoTopgenE2ePingRequest"] as RequestClass,
    TopApi: top.TopApi,
    mockApis: await mockApisOf(E2E_SPECS),
  };
}

/** Every spec of `dir` as the simulator takes it, as `topgen mock` builds them. */
export async function mockApisOf(dir: string): Promise<MockApi[]> {
  const apis: MockApi[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort()) {
    const diags = new DiagnosticBag();
    const path = join(dir, file);
    const spec = parseSpec(await readFile(path, "utf8"), path, diags);
    if (spec === undefined) throw new Error(`${path}: ${JSON.stringify(diags.items)}`);
    apis.push(mockApiOf(spec, diags));
  }
  return apis;
}

export const APP_KEY = "23456789";
export const APP_SECRET = "e2e-app-secret-0123456789";
export const SESSION = "6100e2e-session-key-0123456789";

/** The e2e package and a simulator serving its APIs with the suite's app key and secret. */
export async function startE2e(): Promise<{ pkg: E2ePackage; gateway: MockGateway }> {
  const pkg = await loadE2ePackage();
  const options = { apis: pkg.mockApis, appKey: APP_KEY, appSecret: APP_SECRET };
  return { pkg, gateway: await pkg.testing.startMockGateway(options) };
}
