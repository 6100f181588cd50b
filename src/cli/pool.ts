/**
 * Parsing on N worker threads with results in input order. Inputs go to the workers in
 * small batches (a message per letter would cost more than parsing it), each worker has
 * the next batch queued so it never waits for the main thread, and at most a few
 * batches per worker are in flight or waiting for their turn to be written, so memory
 * stays flat however many letters pass through.
 */
import { Worker } from "node:worker_threads";
import { readAndParse, type Outcome, type Task } from "./read.js";

// Text letters parse in well under a millisecond: 32 of them make a batch worth a
// message. A PDF takes tens of milliseconds: a batch of its own keeps the load even.
const TEXT_BATCH = 32;
const BATCHES_QUEUED_PER_WORKER = 2;

/** Worker threads, started early so that they get ready while the inputs are listed. */
export function startWorkers(jobs: number): Worker[] {
  if (jobs <= 1) return [];
  return Array.from({ length: jobs }, () => new Worker(new URL("./cli-worker.js", import.meta.url)));
}

/** Tells the workers to load the PDF library before the first PDF reaches them. */
export function preloadPdf(workers: readonly Worker[]): void {
  for (const worker of workers) worker.postMessage({ preload: "pdf" });
}

/** The tasks cut into batches, in order. */
function batches(tasks: readonly Task[]): Task[][] {
  const result: Task[][] = [];
  let batch: Task[] = [];
  for (const task of tasks) {
    const pdf = /\.pdf$/i.test(task.source);
    if (batch.length > 0 && (pdf || batch.length >= TEXT_BATCH)) {
      result.push(batch);
      batch = [];
    }
    batch.push(task);
    if (pdf) {
      result.push(batch);
      batch = [];
    }
  }
  if (batch.length > 0) result.push(batch);
  return result;
}

export async function* parseInOrder(tasks: readonly Task[], workers: Worker[]): AsyncGenerator<Outcome> {
  if (workers.length <= 1 || tasks.length <= 1) {
    await Promise.all(workers.map((w) => w.terminate()));
    for (const task of tasks) yield await readAndParse(task);
    return;
  }
  const queue = batches(tasks);
  const queued = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const finished = new Map<number, Outcome>();
  const window = workers.length * (BATCHES_QUEUED_PER_WORKER + 2);
  let sent = 0; // batches sent
  let emitted = 0; // outcomes yielded
  let emittedBatches = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const dispatch = () => {
    for (const worker of workers) {
      while (queued.get(worker)! < BATCHES_QUEUED_PER_WORKER && sent < queue.length && sent - emittedBatches < window) {
        worker.postMessage(queue[sent++]);
        queued.set(worker, queued.get(worker)! + 1);
      }
    }
  };
  for (const worker of workers) {
    worker.on("message", (outcomes: Outcome[]) => {
      for (const outcome of outcomes) finished.set(outcome.index, outcome);
      queued.set(worker, queued.get(worker)! - 1);
      dispatch();
      notify();
    });
    worker.on("error", (error) => {
      failure = error;
      notify();
    });
  }
  // Where each batch ends, to count batches as their outcomes are written.
  const batchEnds = new Set<number>();
  let end = 0;
  for (const batch of queue) batchEnds.add((end += batch.length) - 1);
  try {
    dispatch();
    while (emitted < tasks.length) {
      if (failure) throw failure;
      const next = finished.get(emitted);
      if (next === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      finished.delete(emitted);
      if (batchEnds.has(emitted)) emittedBatches++;
      emitted++;
      dispatch();
      yield next;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
