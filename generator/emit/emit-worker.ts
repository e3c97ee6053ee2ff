import { parentPort } from "node:worker_threads";
import { emitApis, type EmitApiInput, type EmitApiOutput } from "./emit-api.js";

/** A worker of `emitAll`: answers each batch of specs with their emitted modules, in order. */
const port = parentPort;
if (port === null) throw new Error("emit-worker.ts runs only as a worker thread of emitAll");

port.on("message", async (batch: EmitApiInput[]) => {
  try {
    const outputs: EmitApiOutput[] = await emitApis(batch);
    port.postMessage({ outputs });
  } catch (cause) {
    port.postMessage({ failure: String((cause as Error).stack ?? cause) });
  }
});
