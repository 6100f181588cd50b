// npm run bench: speed, cold start, memory and the linear-time curve, with the targets
// from docs/performance.md. Uses the built library (npm run bench builds it first).
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { parseDetermination } from "../dist/index.js";
import { naiveParse } from "./naive.mjs";
import { benchPdf } from "./pdf.mjs";
import { corpus, hasCorpus, raw, sampleLetter } from "./sample.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const results = [];
const check = (name, value, unit, target, ok) => {
  results.push({ name, value, unit, target, ok });
  console.log(`  ${ok ? "✓" : "✗"} ${name}: ${value} ${unit} (target ${target})`);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = process.execPath;

console.log(`imr-determination benchmark — node ${process.version}, ${process.arch}, one core unless said`);

// --- Throughput over the corpus, and the naive floor ---------------------------------
let letters = null;
if (hasCorpus) {
  letters = readdirSync(raw).sort().map((f) => readFileSync(join(raw, f), "utf8"));
  const megabytes = letters.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  const bench = new Bench({ time: 3000, warmup: true, warmupTime: 1000 });
  bench.add("parseDetermination", () => {
    for (const t of letters) parseDetermination(t);
  });
  bench.add("naive floor (indexOf + one regex)", () => {
    for (const t of letters) naiveParse(t);
  });
  await bench.run();
  const [parser, naive] = bench.tasks.map((t) => t.result);
  const perRun = (r) => (r.latency?.mean ?? r.mean) / 1000; // seconds per pass over the corpus
  const lettersPerSecond = letters.length / perRun(parser);
  const naivePerSecond = letters.length / perRun(naive);
  console.log(`\nThroughput over ${letters.length} letters of ${raw} (${megabytes.toFixed(2)} MB):`);
  console.log(`  parseDetermination: ${lettersPerSecond.toFixed(0)} letters/s, ${(megabytes / perRun(parser)).toFixed(1)} MB/s`);
  console.log(`  naive floor:        ${naivePerSecond.toFixed(0)} letters/s, ${(megabytes / perRun(naive)).toFixed(1)} MB/s`);
  check("letters per second", lettersPerSecond.toFixed(0), "letters/s", "≥ 5000", lettersPerSecond >= 5000);
  const ratio = naivePerSecond / lettersPerSecond;
  check("time relative to the naive floor", ratio.toFixed(1), "×", "≤ 12×", ratio <= 12);
} else {
  console.log(`\n(corpus throughput skipped: ${raw} is absent; it sits beside the project in development)`);
}

// --- Cold start ---------------------------------------------------------------------
{
  const runs = Array.from({ length: 15 }, () => JSON.parse(execFileSync(node, [join(here, "cold.mjs"), sampleLetter()], { encoding: "utf8" })));
  const totals = runs.map((r) => r.total);
  const total = median(totals);
  console.log(`\nCold start (fresh process, median of ${runs.length}): import ${median(runs.map((r) => r.import)).toFixed(1)} ms + first result ${median(runs.map((r) => r.firstResult)).toFixed(1)} ms`);
  // Wall-clock time moves with the machine's load; `npm run bench:instructions` counts instructions instead.
  console.log(`  range ${Math.min(...totals).toFixed(1)}–${Math.max(...totals).toFixed(1)} ms`);
  check("cold start", total.toFixed(1), "ms", "< 50 ms", total < 50);
}

// --- Memory while streaming 100,000 letters -------------------------------------------
if (hasCorpus) {
  const r = JSON.parse(execFileSync(node, [join(here, "stream.mjs"), raw, "100000"], { encoding: "utf8", maxBuffer: 1 << 20 }));
  console.log(`\nStreaming ${r.count} letters (${r.decisions} decisions) in ${r.seconds.toFixed(1)} s (${(r.count / r.seconds).toFixed(0)} letters/s)`);
  check("peak RSS", r.maxRssMb.toFixed(0), "MB", "< 200 MB", r.maxRssMb < 200);
}

// --- Linear time on hostile input -----------------------------------------------------
{
  console.log("\nTime per MB on hostile input, doubling the size (flat = linear):");
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const makers = {
    "random text": (mb) => Array.from({ length: mb * 1e6 }, () => String.fromCharCode(32 + Math.floor(random() * 95) + (random() < 0.02 ? -22 : 0))).join(""),
    "one long line": (mb) => "the knee was stiff and sore ".repeat(Math.ceil((mb * 1e6) / 28)),
    "heading-like lines": (mb) => "Acupuncture for the low back: Upheld\n".repeat(Math.ceil((mb * 1e6) / 37)),
    "a letter repeated": (mb) => (letters ? letters[0] : "Case Number: CM19-0000001\n").repeat(Math.ceil((mb * 1e6) / (letters ? letters[0].length : 26))),
  };
  const sizes = [1, 2, 4, 8];
  let worst = 0;
  for (const [name, make] of Object.entries(makers)) {
    const perMb = [];
    parseDetermination(make(1)); // warm up on this kind of input first
    for (const mb of sizes) {
      const text = make(mb);
      const t = performance.now();
      parseDetermination(text);
      perMb.push((performance.now() - t) / mb);
    }
    const growth = perMb[perMb.length - 1] / perMb[0];
    worst = Math.max(worst, growth);
    console.log(`  ${name.padEnd(20)} ${perMb.map((x, i) => `${sizes[i]} MB: ${x.toFixed(0)} ms/MB`).join("  ")}`);
  }
  check("ms/MB at 8 MB over ms/MB at 1 MB (worst input)", worst.toFixed(2), "×", "≤ 2× (linear)", worst <= 2);
}
await import("./linear.mjs").then(({ linearTime }) => linearTime({ parse: parseDetermination, check })); // phrase-dense input (issue 10)

// --- The command on worker threads ------------------------------------------------------
if (hasCorpus) {
  const cli = join(here, "..", "dist", "cli.js");
  const time = (jobs) => {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = spawnSync(node, [cli, "--jobs", String(jobs), corpus], { stdio: ["ignore", "ignore", "inherit"] });
      if (r.status !== 0) throw new Error(`imr-parse --jobs ${jobs} exited ${r.status}`);
      runs.push(performance.now() - t);
    }
    return Math.min(...runs);
  };
  const one = time(1);
  const two = time(2);
  console.log(`\nimr-parse over ${corpus} (text and PDF, best of 3): --jobs 1 ${(one / 1000).toFixed(2)} s, --jobs 2 ${(two / 1000).toFixed(2)} s`);
  check("--jobs 2 speed-up over --jobs 1", (one / two).toFixed(2), "×", "≥ 1.6×", one / two >= 1.6);
}

// --- PDFs: each engine, and the command over 1,300 PDFs (bench/pdf.mjs) -------------------
results.push(...(await benchPdf()));

const failed = results.filter((r) => !r.ok);
console.log(`\n${results.length - failed.length}/${results.length} targets met${failed.length ? `; missed: ${failed.map((r) => r.name).join(", ")}` : ""}`);
