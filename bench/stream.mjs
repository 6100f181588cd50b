// Streams N letters through parseDetermination in this fresh process and reports the
// peak resident set size. Letters are cycled from the corpus, each made unique.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDetermination } from "../dist/index.js";

const [dir, count] = [process.argv[2], Number(process.argv[3])];
const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
const started = performance.now();
let decisions = 0;
for (let i = 0; i < count; i++) {
  const text = texts[i % texts.length].replace("CM1", `CM${i % 10}`); // a new string each time
  decisions += parseDetermination(text).decisions.length;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ count, decisions, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
