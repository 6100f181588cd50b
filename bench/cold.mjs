// A cold start: a fresh process imports the library and parses one letter.
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2], "utf8");
const started = performance.now();
const { parseDetermination } = await import("../dist/index.js");
const imported = performance.now();
parseDetermination(text);
const done = performance.now();
process.stdout.write(JSON.stringify({ import: imported - started, firstResult: done - imported, total: done - started }));
