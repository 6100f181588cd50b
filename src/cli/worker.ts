/**
 * A worker thread of `imr-parse`: reads and parses the batches of inputs it is sent, in
 * order. Before each input it writes the input's number to memory the main thread
 * shares, which is how the main thread knows what a worker that takes too long, runs
 * out of memory or dies was reading.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parseDetermination } from "imr-determination";
import type { ToWorker, WorkerData } from "./pool.js";
import { loadPdf, readAndParse } from "./read.js";

const { reading, engine } = workerData as WorkerData;
const current = new Int32Array(reading);

// Get ready while the main thread is still listing the inputs: build the grammar now,
// and load the PDF engine when told PDFs are coming.
parseDetermination("");

// Batches queue up; they are done one after another, in the order they came.
let queue = Promise.resolve();
parentPort!.on("message", (message: ToWorker) => {
  if (message.type === "preload") {
    queue = queue.then(() => loadPdf().then((pdf) => pdf.preloadPdfSupport({ engine })).then(
      () => {},
      () => {}, // the first PDF reports what is missing
    ));
    return;
  }
  queue = queue.then(async () => {
    const outcomes = [];
    for (const task of message.tasks) {
      Atomics.store(current, 0, task.index + 1);
      outcomes.push(await readAndParse(task, message.settings));
    }
    Atomics.store(current, 0, 0);
    parentPort!.postMessage(outcomes);
  });
});
