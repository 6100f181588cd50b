/**
 * Parsing on N worker threads with results in input order. Each worker has a few
 * inputs queued, so it never waits for the main thread between two; at most
 * `jobs × 8` inputs are in flight or waiting for their turn to be written, so memory
 * stays flat however many letters pass through.
 */
import { Worker } from "node:worker_threads";
import { readAndParse, type Outcome, type Task } from "./read.js";

/** Worker threads, started early so that they get ready while the inputs are listed. */
export function startWorkers(jobs: number, pdf: boolean): Worker[] {
  if (jobs <= 1) return [];
  return Array.from({ length: jobs }, () => new Worker(new URL("./cli-worker.js", import.meta.url), { workerData: { pdf } }));
}

export async function* parseInOrder(tasks: readonly Task[], started: Worker[]): AsyncGenerator<Outcome> {
  if (started.length <= 1 || tasks.length <= 1) {
    await Promise.all(started.map((w) => w.terminate()));
    for (const task of tasks) yield await readAndParse(task);
    return;
  }
  const workers = started;
  const window = workers.length * 8;
  const QUEUED_PER_WORKER = 4;
  const queued = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const finished = new Map<number, Outcome>();
  let dispatched = 0;
  let emitted = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const dispatch = () => {
    for (const worker of workers) {
      while (queued.get(worker)! < QUEUED_PER_WORKER && dispatched < tasks.length && dispatched - emitted < window) {
        worker.postMessage(tasks[dispatched++]);
        queued.set(worker, queued.get(worker)! + 1);
      }
    }
  };
  for (const worker of workers) {
    worker.on("message", (outcome: Outcome) => {
      finished.set(outcome.index, outcome);
      queued.set(worker, queued.get(worker)! - 1);
      dispatch();
      notify();
    });
    worker.on("error", (error) => {
      failure = error;
      notify();
    });
  }
  try {
    dispatch();
    while (emitted < tasks.length) {
      if (failure) throw failure;
      const next = finished.get(emitted);
      if (next === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      finished.delete(emitted++);
      dispatch();
      yield next;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
