/** A worker thread of `imr-parse --jobs N`: parses the batches of inputs it is sent, in order. */
import { parentPort } from "node:worker_threads";
import { parseDetermination } from "imr-determination";
import { readAndParse, type Task } from "./read.js";

// Get ready while the main thread is still listing the inputs: build the grammar now,
// and load the PDF library when told PDFs are coming.
parseDetermination("");

// Tasks queue up; they are done one after another, in the order they came.
let queue = Promise.resolve();
parentPort!.on("message", (message: Task[] | { preload: "pdf" }) => {
  if (!Array.isArray(message)) {
    queue = queue.then(() => import("imr-determination/pdf").then((m) => m.preloadPdfSupport()).then(() => {}, () => {}));
    return;
  }
  queue = queue.then(async () => {
    const outcomes = [];
    for (const task of message) outcomes.push(await readAndParse(task));
    parentPort!.postMessage(outcomes);
  });
});
