import { parseArgs } from "node:util";
import { toApiSchema } from "../emit/api-schema.js";
import { startMockGateway, type MockApi } from "../runtime/testing/mock-gateway.js";
import { DiagnosticBag, formatDiagnostic } from "../spec/diagnostics.js";
import { loadSpecs } from "../spec/read-spec.js";
import type { ApiSpec, Param } from "../spec/spec.js";
import type { CliIo } from "./cli-io.js";

export const MOCK_USAGE = `Usage: topgen mock [--specs DIR] [--port N] [--app-key K --app-secret S]

Runs the TOP gateway simulator on 127.0.0.1 for every API in --specs, answering
from the documentation samples. Prints the gateway URL as its first line, then
serves until interrupted (Ctrl-C, SIGTERM).

Faults can be injected over HTTP beside the gateway, e.g.
  curl -X POST <base>/__mock/faults -d '{"fault":{"kind":"isp"},"times":1}'
(kinds: latency, isp, ban, html, control-chars, drop, http-error; DELETE clears;
GET <base>/__mock/calls lists the calls received).

Options:
  --specs DIR         folder of YAML specs (default: specs)
  --port N            port to listen on (default: 0, any free port)
  --app-key KEY       app key the simulator accepts (default: 12345678)
  --app-secret S      app secret it signs with (default: mock-app-secret)
  --help              show this help`;

/** How a test (or an embedding tool) stops the command without a signal to the process. */
export interface MockRunOptions {
  /** Stops the simulator when aborted, as SIGINT or SIGTERM do. */
  signal?: AbortSignal;
}

/** Example values of response params by dotted path (`result.biz_success`). */
function examplesOf(params: readonly Param[], path = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const param of params) {
    const at = path === "" ? param.name : `${path}.${param.name}`;
    if (param.example !== undefined) out[at] = param.example;
    Object.assign(out, examplesOf(param.fields ?? [], at));
  }
  return out;
}

/** A spec as the simulator takes it: schema, samples and examples. */
export function mockApiOf(spec: ApiSpec, diags: DiagnosticBag): MockApi {
  const samples: NonNullable<MockApi["samples"]> = {};
  if (spec.samples?.response_json !== undefined) samples.json = spec.samples.response_json;
  if (spec.samples?.response_xml !== undefined) samples.xml = spec.samples.response_xml;
  const simplified = spec.samples?.response_simplified_json;
  if (simplified !== undefined) samples.simplifiedJson = simplified;
  return { schema: toApiSchema(spec, diags), samples, examples: examplesOf(spec.response) };
}

function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    signal?.addEventListener("abort", stop);
    if (signal?.aborted === true) stop();
  });
}

/** `topgen mock`: exit 0 when stopped, 1 when the specs cannot be read, 2 on bad options. */
export async function runMock(
  argv: string[],
  io: CliIo,
  options: MockRunOptions = {},
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      specs: { type: "string", default: "specs" },
      port: { type: "string", default: "0" },
      "app-key": { type: "string" },
      "app-secret": { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(MOCK_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    io.err(`topgen mock: --port takes a port number from 0 to 65535, not "${values.port}"`);
    return 2;
  }

  const diags = new DiagnosticBag();
  const apis = (await loadSpecs(values.specs, diags)).map(({ spec }) => mockApiOf(spec, diags));
  const errors = diags.errors;
  if (errors.length > 0) {
    for (const d of errors) io.err(formatDiagnostic(d));
    const files = new Set(errors.map((d) => d.input)).size;
    io.err(`${errors.length} problems in ${files} files; the simulator did not start`);
    return 1;
  }

  const gateway = await startMockGateway({
    apis,
    port,
    ...(values["app-key"] === undefined ? {} : { appKey: values["app-key"] }),
    ...(values["app-secret"] === undefined ? {} : { appSecret: values["app-secret"] }),
  });
  io.out(gateway.url);
  for (const warning of gateway.warnings) io.err(`warning: ${warning}`);
  const control = gateway.url.replace("/router/rest", "/__mock/faults");
  io.out(`${apis.length} APIs from ${values.specs}; batch ${gateway.batchUrl}; faults ${control}`);

  await untilStopped(options.signal);
  await gateway.close();
  return 0;
}
