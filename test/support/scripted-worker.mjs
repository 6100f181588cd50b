// A stand-in for imr-parse's worker, for the pool's tests: it speaks the worker's
// protocol, and each input's name says what it does (read, exit, hang, throw, grow).
import { parentPort, workerData } from "node:worker_threads";

const current = new Int32Array(workerData.reading);
const held = [];

parentPort.on("message", async (message) => {
  if (message.type !== "batch") return;
  const outcomes = [];
  for (const task of message.tasks) {
    Atomics.store(current, 0, task.index + 1);
    const what = task.source.split("/").pop();
    if (what === "exit") process.exit(0); // ends this worker only, with no 'error' event
    if (what === "hang") for (;;);
    if (what === "throw") setImmediate(() => { throw new Error("the reader broke"); });
    if (what === "throw") await new Promise(() => {});
    if (what === "grow") for (;;) { held.push(Buffer.alloc(16 * 1024 * 1024, 1)); await new Promise((r) => setTimeout(r, 5)); }
    outcomes.push({ index: task.index, source: task.source, output: `${task.source}\n`, decisions: 0, upheld: 0, overturned: 0, hasErrors: false });
  }
  Atomics.store(current, 0, 0);
  parentPort.postMessage(outcomes);
});
