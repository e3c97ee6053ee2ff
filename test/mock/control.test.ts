import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startMockGateway,
  type MockGateway,
} from "../../generator/runtime/testing/mock-gateway.js";
import { UPDATE, UPDATE_API, UPDATE_PARAMS } from "./fixtures.js";
import { callGateway, errorCode } from "./signed-call.js";

let gateway: MockGateway;
let control: string;

beforeAll(async () => {
  gateway = await startMockGateway({ apis: [UPDATE_API] });
  control = gateway.url.replace("/router/rest", "/__mock");
});
afterAll(async () => {
  await gateway.close();
});

const update = () => callGateway(gateway.url, { method: UPDATE.method, params: UPDATE_PARAMS });
const post = (path: string, body: unknown) =>
  fetch(`${control}/${path}`, { method: "POST", body: JSON.stringify(body) });

describe("the HTTP control endpoint", () => {
  it("POST /__mock/faults arms a fault, DELETE clears it", async () => {
    const armed = await post("faults", { fault: { kind: "isp" }, method: UPDATE.method });
    expect(armed.status).toBe(201);
    expect(errorCode((await update()).text)).toBe(15);
    expect(errorCode((await update()).text)).toBe(15);
    const cleared = await fetch(`${control}/faults`, { method: "DELETE" });
    expect(cleared.status).toBe(204);
    expect(errorCode((await update()).text)).toBeUndefined();
  });

  it("honours times", async () => {
    await post("faults", { fault: { kind: "ban", seconds: 3 }, times: 1 });
    expect(errorCode((await update()).text)).toBe(7);
    expect(errorCode((await update()).text)).toBeUndefined();
  });

  it.each([
    [{ fault: { kind: "meteor" } }],
    [{ fault: { kind: "latency" } }],
    [{ fault: { kind: "http-error", status: 404 } }],
    [{ fault: { kind: "drop" }, times: "twice" }],
    ["not an object"],
  ])("refuses a bad fault with 400: %j", async (body) => {
    const answer = await post("faults", body);
    expect(answer.status).toBe(400);
    expect((await answer.json()) as unknown).toHaveProperty("error");
  });

  it("POST /__mock/responses overrides an answer", async () => {
    expect((await post("responses", { method: "x.ping", body: { pong: 1 } })).status).toBe(201);
    const answer = await callGateway(gateway.url, { method: "x.ping" });
    expect(answer.text).toBe('{"pong":1}');
  });

  it("GET /__mock/calls lists the calls, DELETE forgets them", async () => {
    await update();
    const calls = (await (await fetch(`${control}/calls`)).json()) as { method: string }[];
    expect(calls.at(-1)?.method).toBe(UPDATE.method);
    expect((await fetch(`${control}/calls`, { method: "DELETE" })).status).toBe(204);
    expect(gateway.calls).toHaveLength(0);
  });

  it("answers 404 to an unknown control path", async () => {
    const answer = await fetch(`${control}/nothing`);
    expect(answer.status).toBe(404);
    await answer.text();
  });
});
