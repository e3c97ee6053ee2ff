import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { CliIo } from "../../generator/cli/cli-io.js";
import { mockApiOf, runMock } from "../../generator/cli/mock-command.js";
import { DiagnosticBag } from "../../generator/spec/diagnostics.js";
import { parseSpec } from "../../generator/spec/read-spec.js";
import type { ApiSpec } from "../../generator/spec/spec.js";
import { callGateway, errorCode } from "./signed-call.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SEED_SPEC = join(ROOT, "specs/alibaba.alsc.crm.customer.update.yaml");

const ORDER: ApiSpec = {
  api: "x.order.get",
  title: "取订单",
  description: "",
  authorization: "none",
  request: [{ name: "order_id", type: "Number", required: true }],
  response: [
    {
      name: "order",
      type: "Order",
      fields: [
        { name: "id", type: "Number", example: "7104300007405429232" },
        { name: "paid", type: "Boolean", example: "true" },
      ],
    },
  ],
};

let specs: string;

beforeAll(async () => {
  specs = await mkdtemp(join(tmpdir(), "topgen-mock-"));
  await writeFile(join(specs, "x.order.get.yaml"), stringify(ORDER));
});
afterAll(async () => {
  await rm(specs, { recursive: true, force: true });
});

function fakeIo(): CliIo & { lines: string[]; errors: string[]; first: Promise<string> } {
  let resolveFirst: (line: string) => void = () => {};
  const first = new Promise<string>((r) => (resolveFirst = r));
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    first,
    out: (line) => {
      if (lines.push(line) === 1) resolveFirst(line);
    },
    err: (line) => void errors.push(line),
  };
}

describe("topgen mock", () => {
  it("prints the URL first, serves the specs' APIs from examples, stops on abort", async () => {
    const io = fakeIo();
    const stop = new AbortController();
    const running = runMock(["--specs", specs], io, { signal: stop.signal });
    const url = await io.first;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/router\/rest$/);

    const answer = await callGateway(url, { method: ORDER.api, params: { order_id: "1" } });
    expect(answer.text).toContain('"order":{"id":7104300007405429232,"paid":true}');
    const missing = await callGateway(url, { method: ORDER.api });
    expect(errorCode(missing.text)).toBe(40);

    stop.abort();
    expect(await running).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it("accepts the app key and secret it is given", async () => {
    const io = fakeIo();
    const stop = new AbortController();
    const argv = ["--specs", specs, "--app-key", "777", "--app-secret", "s3"];
    const running = runMock(argv, io, { signal: stop.signal });
    const url = await io.first;
    const call = { method: ORDER.api, params: { order_id: "1" } };
    expect(errorCode((await callGateway(url, call)).text)).toBe(29);
    const own = { ...call, system: { app_key: "777" }, secret: "s3" };
    expect(errorCode((await callGateway(url, own)).text)).toBeUndefined();
    stop.abort();
    expect(await running).toBe(0);
  });

  it("prints usage for --help and refuses a bad port with 2", async () => {
    const help = fakeIo();
    expect(await runMock(["--help"], help)).toBe(0);
    expect(help.lines[0]).toMatch(/^Usage: topgen mock/);
    const bad = fakeIo();
    expect(await runMock(["--port", "http"], bad)).toBe(2);
    expect(bad.errors[0]).toMatch(/--port/);
  });

  it("fails with 1, naming the file, when the specs folder cannot be read", async () => {
    const io = fakeIo();
    expect(await runMock(["--specs", join(specs, "absent")], io)).toBe(1);
    expect(io.errors[0]).toContain("INPUT_UNREADABLE");
  });

  it("runs as a separate process until SIGTERM", async () => {
    const child = spawn(process.execPath, ["generator/cli/bin.mjs", "mock", "--specs", specs], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    expect(first.value).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/router\/rest$/);
    const answer = await callGateway(String(first.value), {
      method: ORDER.api,
      params: { order_id: "1" },
    });
    expect(errorCode(answer.text)).toBeUndefined();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe.skipIf(!existsSync(SEED_SPEC))(
  "the committed seed spec (skipped: specs/ has no seed spec yet)",
  () => {
    it("serves alibaba.alsc.crm.customer.update with its sample's fields", async () => {
      const diags = new DiagnosticBag();
      const spec = parseSpec(await readFile(SEED_SPEC, "utf8"), SEED_SPEC, diags);
      expect(diags.errors).toEqual([]);
      const api = mockApiOf(spec as ApiSpec, diags);
      const { startMockGateway } = await import("../../generator/runtime/testing/mock-gateway.js");
      const gateway = await startMockGateway({ apis: [api] });
      try {
        const answer = await callGateway(gateway.url, {
          method: "alibaba.alsc.crm.customer.update",
          params: { param_customer_update_open_req: '{"customer_id":"201928293724"}' },
        });
        const body = JSON.parse(answer.text) as Record<string, { result: Record<string, unknown> }>;
        expect(body["alibaba_alsc_crm_customer_update_response"]?.result["biz_success"]).toBe(true);
        expect(gateway.warnings).toEqual([]);
      } finally {
        await gateway.close();
      }
    });
  },
);
