/** A worker thread of `imr-parse --jobs N`: parses the inputs it is sent, one at a time. */
import { parentPort, workerData } from "node:worker_threads";
import { parseDetermination } from "imr-determination";
import { readAndParse, type Task } from "./read.js";

// Get ready while the main thread is still listing the inputs: build the grammar, and
// load the PDF library when PDFs are coming.
parseDetermination("");
if ((workerData as { pdf?: boolean } | undefined)?.pdf) {
  void import("imr-determination/pdf").then((m) => m.preloadPdfSupport()).catch(() => {});
}

// Tasks queue up; they are done one after another, in the order they came.
let queue = Promise.resolve();
parentPort!.on("message", (task: Task) => {
  queue = queue.then(async () => parentPort!.postMessage(await readAndParse(task)));
});
