import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { EmitApiInput, EmitApiOutput } from "./emit-api.js";

export interface EmitAllOptions {
  /**
   * Worker threads to spread APIs over; 1 emits in this thread.
   * @default the machine's parallelism, at most 4
   */
  workers?: number | undefined;
  /** Workers started beforehand with `EmitPool.start`, so that their start-up overlapped. */
  pool?: EmitPool | undefined;
  /** Called after each finished batch with the count of APIs done so far. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Below this many APIs a worker's start-up (about half a second) costs more than it saves. */
export const MIN_APIS_FOR_WORKERS = 200;
const BATCH_SIZE = 40;

/** How many workers `emitAll` uses for `count` APIs; 1 means this thread. */
export function workerCount(count: number, wanted?: number): number {
  if (count < MIN_APIS_FOR_WORKERS) return 1;
  return Math.min(wanted ?? Math.min(availableParallelism(), 4), count);
}

/** Emits every API, in input order, over worker threads when there are enough of them. */
export async function emitAll(
  inputs: readonly EmitApiInput[],
  options: EmitAllOptions = {},
): Promise<EmitApiOutput[]> {
  if (inputs.length === 0) {
    await options.pool?.close();
    return [];
  }
  const workers = workerCount(inputs.length, options.workers);
  if (workers > 1 || options.pool !== undefined) {
    const pool = options.pool ?? EmitPool.start(workers);
    try {
      return await pool.run(inputs, options.onProgress);
    } finally {
      await pool.close();
    }
  }
  // In this thread: the emit stage (TypeScript and prettier) is loaded only when needed.
  const { emitApis } = await import("./emit-api.js");
  const outputs: EmitApiOutput[] = [];
  for (let i = 0; i < inputs.length; i += BATCH_SIZE) {
    outputs.push(...(await emitApis(inputs.slice(i, i + BATCH_SIZE))));
    options.onProgress?.(outputs.length, inputs.length);
  }
  return outputs;
}

interface WorkerAnswer {
  outputs?: EmitApiOutput[];
  failure?: string;
}

/** Emit workers; each loads the emit stage as soon as it starts, before any work arrives. */
export class EmitPool {
  private constructor(private readonly workers: Worker[]) {}

  static start(count: number): EmitPool {
    const script = new URL("./emit-worker-entry.mjs", import.meta.url);
    // A larger young generation halves the time spent collecting the many short-lived strings
    // of printing and formatting; 128 MB keeps the whole run under 1.2 GB.
    const options = { resourceLimits: { maxYoungGenerationSizeMb: 128 } };
    return new EmitPool(Array.from({ length: count }, () => new Worker(script, options)));
  }

  /** Emits `inputs` in batches handed to whichever worker is free; results in input order. */
  async run(
    inputs: readonly EmitApiInput[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<EmitApiOutput[]> {
    const results: EmitApiOutput[] = new Array<EmitApiOutput>(inputs.length);
    let next = 0;
    let done = 0;
    const drive = (worker: Worker): Promise<void> =>
      new Promise((resolve, reject) => {
        let start = 0;
        const send = (): void => {
          if (next >= inputs.length) {
            worker.off("message", receive);
            resolve();
            return;
          }
          start = next;
          next = Math.min(next + BATCH_SIZE, inputs.length);
          worker.postMessage(inputs.slice(start, next));
        };
        const receive = (answer: WorkerAnswer): void => {
          if (answer.outputs === undefined) {
            reject(new Error(`an emit worker failed: ${answer.failure ?? "no answer"}`));
            return;
          }
          answer.outputs.forEach((output, i) => (results[start + i] = output));
          done += answer.outputs.length;
          onProgress?.(done, inputs.length);
          send();
        };
        worker.on("message", receive);
        worker.once("error", reject);
        send();
      });
    await Promise.all(this.workers.map(drive));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
