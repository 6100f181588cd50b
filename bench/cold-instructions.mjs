// npm run bench:instructions: the cold start counted in machine instructions, which,
// unlike milliseconds, do not move with the machine's load. Use it to compare two
// versions of a change that affects the cold start (docs/performance.md).
//
// It runs a fresh `node` under valgrind's callgrind: reading a letter (the cost of node
// itself), then reading it, importing the library and parsing it, three times each, and
// prints the difference of the medians. V8 runs single-threaded so that the count does
// not depend on thread timing, and the search for a random prime V8 does when it seeds
// its hash tables (`sprp`, a few million instructions that vary from run to run) is left
// out.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sampleLetter } from "./sample.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const sample = sampleLetter();

if (spawnSync("valgrind", ["--version"]).status !== 0) {
  console.log("valgrind is not installed; this count needs it (Debian: apt-get install valgrind).");
  process.exit(0);
}

const library = pathToFileURL(join(here, "..", "dist", "index.js")).href;
// Both read the letter first, as bench/cold.mjs does before its clock starts, so that the
// difference is the import and the first result alone.
const readLetter = `import { readFileSync } from "node:fs"; const text = readFileSync(${JSON.stringify(sample)}, "utf8");`;
const programs = {
  node: readLetter,
  library: `${readLetter} const { parseDetermination } = await import(${JSON.stringify(library)}); parseDetermination(text);`,
};

const dir = mkdtempSync(join(tmpdir(), "imr-cold-"));
/** Instructions of one fresh process running `program`, less V8's hash-seed prime search. */
function count(program) {
  const out = join(dir, "callgrind.out");
  const run = spawnSync(
    "valgrind",
    ["--tool=callgrind", "--smc-check=all-non-file", `--callgrind-out-file=${out}`, process.execPath, "--single-threaded", "--input-type=module", "-e", program],
    { encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`valgrind failed:\n${run.stderr}`);
  const report = execFileSync("callgrind_annotate", ["--inclusive=no", "--threshold=100", out], { encoding: "utf8", maxBuffer: 64 << 20 });
  const number = (line) => Number(line.trim().split(/\s+/)[0].replaceAll(",", ""));
  const lines = report.split("\n");
  const total = number(lines.find((l) => l.includes("PROGRAM TOTALS")));
  const seed = lines.filter((l) => l.includes("sprp")).reduce((sum, l) => sum + number(l), 0);
  return total - seed;
}

// A collection more or less moves the count by about 1 %: the median of three runs.
const median3 = (program) => [count(program), count(program), count(program)].sort((a, b) => a - b)[1];

try {
  const node = median3(programs.node);
  const withLibrary = median3(programs.library);
  const m = (n) => `${(n / 1e6).toFixed(1)} M`;
  console.log(`Cold start in instructions (valgrind, node ${process.version}, ${sample.split("/").at(-1)}):`);
  console.log(`  node reading the letter: ${m(node)}; then importing the library and parsing it: ${m(withLibrary)}`);
  console.log(`  the library's cold start: ${m(withLibrary - node)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
