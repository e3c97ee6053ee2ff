import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { emitApis, type EmitApiInput, type EmitApiOutput } from "./emit-api.js";

export interface EmitAllOptions {
  /**
   * Worker threads to spread APIs over; 1 emits in this thread.
   * @default the machine's parallelism, at most 4
   */
  workers?: number | undefined;
  /** Called after each finished batch with the count of APIs done so far. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Below this many APIs a worker's start-up (about half a second) costs more than it saves. */
const MIN_APIS_FOR_WORKERS = 200;
const BATCH_SIZE = 40;

/** Emits every API, in input order, over worker threads when there are enough of them. */
export async function emitAll(
  inputs: readonly EmitApiInput[],
  options: EmitAllOptions = {},
): Promise<EmitApiOutput[]> {
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), 4), inputs.length);
  if (workers <= 1 || inputs.length < MIN_APIS_FOR_WORKERS) {
    const outputs: EmitApiOutput[] = [];
    for (let i = 0; i < inputs.length; i += BATCH_SIZE) {
      outputs.push(...(await emitApis(inputs.slice(i, i + BATCH_SIZE))));
      options.onProgress?.(outputs.length, inputs.length);
    }
    return outputs;
  }
  return runPool(inputs, workers, options.onProgress);
}

interface WorkerAnswer {
  outputs?: EmitApiOutput[];
  failure?: string;
}

async function runPool(
  inputs: readonly EmitApiInput[],
  count: number,
  onProgress: EmitAllOptions["onProgress"],
): Promise<EmitApiOutput[]> {
  const script = new URL("./emit-worker-entry.mjs", import.meta.url);
  const results: EmitApiOutput[] = new Array<EmitApiOutput>(inputs.length);
  let next = 0;
  let done = 0;

  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script);
      let start = 0;
      const send = (): void => {
        if (next >= inputs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        start = next;
        next = Math.min(next + BATCH_SIZE, inputs.length);
        worker.postMessage(inputs.slice(start, next));
      };
      worker.on("message", (answer: WorkerAnswer) => {
        if (answer.outputs === undefined) {
          void worker.terminate();
          reject(new Error(`an emit worker failed: ${answer.failure ?? "no answer"}`));
          return;
        }
        answer.outputs.forEach((output, i) => (results[start + i] = output));
        done += answer.outputs.length;
        onProgress?.(done, inputs.length);
        send();
      });
      worker.on("error", reject);
      send();
    });

  await Promise.all(Array.from({ length: count }, runWorker));
  return results;
}
