/**
 * Reading and parsing on N worker threads, results in input order, every input bounded.
 *
 * Inputs go to the workers in small batches (a message per text letter would cost more
 * than parsing it; a PDF is a batch of its own), each worker has its next batch queued so
 * it never waits for the main thread, and only so many inputs are in flight or waiting
 * for their turn to be written, so memory stays flat however many pass through.
 *
 * A watchdog checks every worker several times a second: one that has spent longer than
 * the time limit on one input, or uses more memory than allowed (a PDF that inflates to
 * gigabytes), is stopped and replaced, and that input is reported; one that dies on its
 * own is replaced the same way. The other inputs it had are given to the workers again.
 */
import { Worker } from "node:worker_threads";
import type { PdfEngine } from "imr-determination/pdf";
import { unreadable, type Outcome, type Settings, type Task } from "./read.js";

// Text letters parse in well under a millisecond: 32 of them make a batch worth a
// message. A PDF takes milliseconds: a batch of its own keeps the load even.
const TEXT_BATCH = 32;
const BATCHES_QUEUED_PER_WORKER = 2;
// Inputs read ahead of the first one not yet written, per worker.
const AHEAD_PER_WORKER = (BATCHES_QUEUED_PER_WORKER + 2) * TEXT_BATCH;
// Workers that die before finishing anything, in a row, before the run gives up.
const STARTS_BEFORE_GIVING_UP = 3;

/** What a worker is started with. */
export interface WorkerData {
  /** One Int32: 1 + the index of the input being read, 0 between batches. */
  reading: SharedArrayBuffer;
  engine: PdfEngine | undefined;
}

export type ToWorker = { type: "preload" } | { type: "batch"; tasks: Task[]; settings: Settings };

export interface PoolOptions {
  jobs: number;
  engine: PdfEngine | undefined;
  /** Milliseconds one input may take, 0 for no limit. */
  timeout: number;
  /** Megabytes a worker may use: its JavaScript heap and its buffers (a PDF engine's memory too). */
  maxMemory: number;
  /** The worker's script (tests give their own). */
  script?: URL;
}

interface Slot {
  worker: Worker;
  reading: Int32Array;
  /** Batches sent and not answered yet, oldest first. */
  sent: Task[][];
  /** The input it was last seen reading, and since when. */
  watched: number;
  since: number;
  /** Stopped by the pool (or gone): its exit is expected. */
  stopped: boolean;
  answered: boolean;
  error?: Error;
  measuring: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private preloading = false;
  // Parsing state, per run of `parse`.
  private settings!: Settings;
  private batches: Task[][] = [];
  private next = 0;
  private retry: Task[][] = [];
  private finished = new Map<number, Outcome>();
  private emitted = 0;
  private fatal: Error | null = null;
  private failedStarts = 0;
  private wake: (() => void) | null = null;

  /** Workers start at once, so that they get ready while the inputs are listed. */
  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: options.jobs }, () => this.start());
  }

  private start(): Slot {
    const reading = new SharedArrayBuffer(4);
    const worker = new Worker(this.options.script ?? new URL("./cli-worker.js", import.meta.url), {
      workerData: { reading, engine: this.options.engine } satisfies WorkerData,
      // The V8 heap limit; the watchdog checks the rest (buffers, WebAssembly memory).
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemory },
      // Nothing a library prints may land among the results.
      stdout: true,
    });
    worker.stdout.resume();
    const slot: Slot = { worker, reading: new Int32Array(reading), sent: [], watched: -1, since: 0, stopped: false, answered: false, measuring: false };
    worker.on("message", (outcomes: Outcome[]) => this.answered(slot, outcomes));
    worker.on("error", (error) => (slot.error ??= error));
    worker.on("exit", (code) => this.exited(slot, code));
    if (this.preloading) worker.postMessage({ type: "preload" } satisfies ToWorker);
    return slot;
  }

  /** Tells the workers (and those that replace them) to load the PDF engine before the first PDF. */
  preloadPdf(): void {
    this.preloading = true;
    for (const slot of this.slots) slot.worker.postMessage({ type: "preload" } satisfies ToWorker);
  }

  /** The outcomes of `tasks`, in their order. */
  async *parse(tasks: readonly Task[], settings: Settings): AsyncGenerator<Outcome> {
    this.settings = settings;
    for (const task of tasks) if (task.problem !== undefined) this.finished.set(task.index, unreadable(task, task.problem));
    this.batches = batches(tasks.filter((task) => task.problem === undefined));
    // Several looks per time limit, and four a second at most.
    const timeout = this.options.timeout;
    const watchdog = setInterval(() => this.watch(), timeout > 0 ? Math.min(250, Math.max(timeout / 4, 20)) : 250);
    try {
      this.dispatch();
      while (this.emitted < tasks.length) {
        if (this.fatal) throw this.fatal;
        const outcome = this.finished.get(this.emitted);
        if (outcome === undefined) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        this.finished.delete(this.emitted++);
        this.dispatch();
        yield outcome;
      }
    } finally {
      clearInterval(watchdog);
    }
  }

  async close(): Promise<void> {
    for (const slot of this.slots) slot.stopped = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private dispatch(): void {
    const limit = this.emitted + AHEAD_PER_WORKER * this.slots.length;
    for (const slot of this.slots) {
      while (slot.sent.length < BATCHES_QUEUED_PER_WORKER) {
        let batch = this.retry.shift();
        if (batch === undefined && this.next < this.batches.length && this.batches[this.next]![0]!.index < limit) batch = this.batches[this.next++];
        if (batch === undefined) break;
        slot.sent.push(batch);
        slot.worker.postMessage({ type: "batch", tasks: batch, settings: this.settings } satisfies ToWorker);
      }
    }
  }

  private answered(slot: Slot, outcomes: Outcome[]): void {
    slot.sent.shift();
    slot.answered = true;
    this.failedStarts = 0;
    for (const outcome of outcomes) this.finished.set(outcome.index, outcome);
    this.dispatch();
    this.notify();
  }

  private watch(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (slot.stopped || slot.sent.length === 0) continue;
      const reading = Atomics.load(slot.reading, 0) - 1;
      if (reading !== slot.watched) {
        slot.watched = reading;
        slot.since = now;
      } else if (reading >= 0 && this.options.timeout > 0 && now - slot.since > this.options.timeout) {
        this.replace(slot, reading, `took longer than ${this.options.timeout / 1000} s, the --timeout limit`);
        continue;
      }
      // Heap statistics of a busy worker (Node 22.16 and later): its buffers and a PDF
      // engine's WebAssembly memory count as external memory.
      if (!slot.measuring && typeof slot.worker.getHeapStatistics === "function") {
        slot.measuring = true;
        slot.worker.getHeapStatistics().then(
          (heap) => {
            slot.measuring = false;
            if (slot.stopped || heap.used_heap_size + heap.external_memory <= this.options.maxMemory * 1024 * 1024) return;
            this.replace(slot, Atomics.load(slot.reading, 0) - 1, this.memoryProblem());
          },
          () => (slot.measuring = false), // it exited meanwhile
        );
      }
    }
  }

  private memoryProblem(): string {
    return `needed more than ${this.options.maxMemory} MB of memory, the --max-memory limit`;
  }

  /** Stops a worker: `culprit`'s input is reported, the others it had are read again, a new worker takes its place. */
  private replace(slot: Slot, culprit: number, problem: string): void {
    if (slot.stopped) return;
    slot.stopped = true;
    if (culprit < 0 && !slot.answered && ++this.failedStarts >= STARTS_BEFORE_GIVING_UP) {
      this.fatal = new Error(`worker threads stop before reading anything: ${slot.error?.stack ?? problem}`);
      void slot.worker.terminate();
      this.notify();
      return;
    }
    void slot.worker.terminate();
    const again: Task[] = [];
    for (const task of slot.sent.flat()) {
      if (task.index === culprit) this.finished.set(task.index, unreadable(task, problem));
      else again.push(task);
    }
    slot.sent = [];
    // In input order, ahead of the rest, one at a time (a batch's input could be another culprit).
    this.retry.unshift(...again.map((task) => [task]));
    this.retry.sort((a, b) => a[0]!.index - b[0]!.index);
    this.slots[this.slots.indexOf(slot)] = this.start();
    this.dispatch();
    this.notify();
  }

  private exited(slot: Slot, code: number): void {
    if (slot.stopped) return;
    const culprit = Atomics.load(slot.reading, 0) - 1;
    const error = slot.error;
    const problem =
      (error as NodeJS.ErrnoException | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? this.memoryProblem()
        : `the worker reading it stopped: ${error ? error.message : `exit code ${code}`}`;
    this.replace(slot, culprit, problem);
  }
}

/** The tasks to read cut into batches, in order. */
function batches(tasks: readonly Task[]): Task[][] {
  const result: Task[][] = [];
  let batch: Task[] = [];
  for (const task of tasks) {
    const pdf = /\.pdf$/i.test(task.source) || task.bytes !== undefined;
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
