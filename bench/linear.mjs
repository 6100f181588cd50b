// Linear time on phrase-dense input (issue 10): texts packed with the template's phrases,
// the way a hostile or broken file can be, at 1, 2, 4 and 8 MB. Time per MB should stay
// flat as the size doubles. Run by bench/run.mjs (`npm run bench`), or on its own after a
// build: `node bench/linear.mjs [MB ...]`. test/damage.test.ts parses the same
// constructions at about 200 KB (no timing there: only that they read without a throw).
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** `unit` repeated to about `bytes` characters, after `before` and before `after`. */
const repeat = (unit, bytes, before = "", after = "") => before + unit.repeat(Math.max(1, Math.ceil((bytes - before.length - after.length) / unit.length))) + after;
/** `unit` repeated `perLine` times on each line, lines to about `bytes` characters. */
const lines = (unit, perLine, bytes, before = "") => repeat(`${unit.repeat(perLine).trimEnd()}\n`, bytes, before);

const ISSUES = "IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n";
const HEADER_ROW =
  "Case Number: CM16-0000001 Date Assigned: 02/30/2016 Date of Injury: 02/30/2016 Decision Date: 02/30/2016 " +
  "UR Denial Date: 02/30/2016 Priority: Standard Application Received: 02/30/2016 ";
// A line as full as a letter's, that does not end a sentence: such lines wrap into each other.
const FULL_LINE = "Acupuncture for the lower back and the neck, six sessions over three weeks with a home program";

/**
 * The constructions, each a function from a size in characters to a text of about that
 * size. Each packs one kind of phrase the lexer, the grammar or the normalizer reacts to.
 */
export const DENSE_INPUTS = Object.freeze({
  "dates, one line": (bytes) => repeat("Date Assigned: 02/30/2016 ", bytes),
  "dates, over lines": (bytes) => lines("Date Assigned: 02/30/2016 ", 4, bytes),
  "header labels, one line": (bytes) => repeat(HEADER_ROW, bytes),
  "header labels, over lines": (bytes) => repeat(`${HEADER_ROW.replace(/ (?=Date of|UR|Application)/g, "\n").trimEnd()}\n`, bytes),
  "original request, one line": (bytes) => repeat("X was the original request. ", bytes, ISSUES),
  "partial authorization phrases, one line": (bytes) =>
    repeat("X was the original request. Y was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, ", bytes, ISSUES),
  "subspecialties after Board Certified in": (bytes) =>
    repeat("X has a subspecialty in Y and ", bytes, "HOW THE IMR FINAL DETERMINATION WAS MADE\nThe expert reviewer is Board Certified in ", "is licensed to practice in California.\n"),
  "subspecialty phrases in a summary": (bytes) =>
    repeat("X has a subspecialty in Y and is licensed to practice in Z ", bytes, "CLINICAL CASE SUMMARY\nThe expert reviewer developed the following clinical case summary:\n"),
  "Decision rationale: lines": (bytes) => repeat("Decision rationale:\n", bytes, ISSUES),
  ": Upheld lines": (bytes) => repeat(": Upheld\n", bytes, ISSUES),
  "labels and outcomes, one line": (bytes) => repeat("Decision rationale: X: Upheld MAXIMUS guideline: is: Overturned ", bytes, ISSUES),
  "decisions, dense": (bytes) => repeat("X: Upheld\nDecision rationale: Y.\n", bytes, ISSUES),
  "wrapped heading lines without an outcome": (bytes) => repeat(`${FULL_LINE}\n`, bytes, ISSUES),
  "wrapped heading lines, an outcome every 40": (bytes) =>
    repeat(`${`${FULL_LINE}\n`.repeat(39)}${FULL_LINE}: Upheld\nDecision rationale: Y.\n`, bytes, ISSUES),
  "guideline citations, one paragraph": (bytes) =>
    repeat("Knee Complaints 2004, Section(s): Summary, and ", bytes, `${ISSUES}X: Upheld\nMAXIMUS guideline: Decision based on MTUS `, "Knee Complaints 2004.\n"),
  // Pages ended by form feeds alone: each is a line, whose end must not be searched for to the end of the text.
  "short pages, no line breaks": (bytes) => repeat("Zephyr quince.\f", bytes),
  // Pages of one length, each different: a page is looked up among the earlier ones, not compared with each.
  "pages of one length, each different": (bytes) =>
    Array.from({ length: Math.ceil(bytes / 41) }, (_, i) => `Zephyr quince lantern number ${String(i).padStart(9, "0")}.\n\f`).join(""),
  // Decisions of one treatment, each different: a decision is looked up among the earlier ones, not compared with each.
  "decisions of one treatment, each different": (bytes) =>
    ISSUES + Array.from({ length: Math.ceil(bytes / 50) }, (_, i) => `Knee brace: Upheld\nDecision rationale: Y ${String(i).padStart(9, "0")}.\n`).join(""),
  // One treatment naming drugs and their forms over and over: each drug looks at the distinct forms only.
  "a treatment naming drugs and forms": (bytes) => repeat("Norco 10/325mg tablet, Tramadol 50mg capsule, ", bytes, ISSUES, "Ice: Upheld\nDecision rationale: Y.\n"),
  "page headers, one line": (bytes) => repeat("Final Determination Letter for IMR Case Number CM16-0000001 ", bytes),
  // Diagnostics quote what they report: a quote must not cost the passage's length.
  "one heading line, twice, naming nothing known": (bytes) => {
    const heading = `${repeat("Zephyr widget ", bytes / 2).trimEnd()}: Upheld\n`;
    return `${ISSUES}${heading}${heading}`;
  },
  // A section repeated is compared with the first: the first must be read once, not per copy.
  "a long section, then many short copies of it": (bytes) =>
    repeat("CLINICAL CASE SUMMARY\nThe wrist was fine.\n", bytes, `CLINICAL CASE SUMMARY\n${repeat("The knee was stiff. ", bytes / 2)}\n`),
  // A row of many cells (gaps of three spaces make it a table row) and indented rows whose
  // cells stand under its cells: pdftotext -layout's continuation rows, taken to extremes.
  "layout table, a wide row and a wide continuation row": (bytes) => {
    const cells = Math.max(2, Math.floor(bytes / 14));
    return `${"cell   ".repeat(cells)}\n       ${"more   ".repeat(cells - 1)}\n`;
  },
  "layout table, many continuation rows under a wide row": (bytes) => {
    const cells = Math.max(2, Math.floor(bytes / 14));
    return `${"cell   ".repeat(cells)}\n${"       more\n".repeat(Math.floor(bytes / 24))}`;
  },
});

/**
 * Times `parse` on every construction at each size (MB): this thread's processor time,
 * after a garbage collection, the best of three runs (two from 4 MB). Reports ms/MB and
 * the growth (the largest ms/MB over the smallest), ✓ at ≤ 2×. A size that takes longer
 * than `budgetMs`, or would take over twice that if time grew with the square of the size,
 * ends that construction's row: it is not linear, or far too slow (the row is then
 * compared with its warm-up run at 0.25 MB, and smaller sizes). A throw fails the check.
 * `check(name, value, unit, target, ok)` records the verdict (bench/run.mjs's).
 */
export function linearTime({ parse, check = defaultCheck, sizes = [1, 2, 4, 8], budgetMs = 10_000 }) {
  console.log(`\nCPU time per MB on phrase-dense input, doubling the size (flat = linear; a size over ${budgetMs / 1000} s ends its row):`);
  let worst = 0;
  let worstName = "";
  const failures = [];
  // A collection before each timed run, so that garbage from the runs before (other sizes,
  // other inputs) is not collected, and counted, during it.
  setFlagsFromString("--expose-gc");
  const collectGarbage = runInNewContext("gc");
  // Processor time of this thread, not wall-clock time: on a shared machine the time a
  // process waits for a core is noise, and the collector's helper threads (still sweeping
  // after the collection) are not the parser's work. Node before 23.9 counts the process.
  const cpu = process.threadCpuUsage?.bind(process) ?? process.cpuUsage.bind(process);
  const time = (text) => {
    collectGarbage();
    const t = cpu();
    parse(text);
    const { user, system } = cpu(t);
    return (user + system) / 1000;
  };
  for (const [name, make] of Object.entries(DENSE_INPUTS)) {
    const perMb = [];
    const smaller = []; // ms/MB at 1/16 and 1/8 MB, for a row too slow to reach 1 MB
    let warmUp = NaN;
    let note = "";
    try {
      warmUp = time(make(250_000)) / 0.25; // also warms up on this kind of input
      if (warmUp * sizes[0] < budgetMs / 8) time(make(sizes[0] * 1e6)); // a second warm-up, at full size
      let last = { mb: 0.25, ms: warmUp / 4 };
      for (const mb of sizes) {
        // A size that would overrun the budget twofold if time grew with the square of the
        // size is not run: the curve so far shows what it needs to.
        const projected = last.ms * (mb / last.mb) ** 2;
        if (projected > 2 * budgetMs) {
          if (perMb.length === 0) for (const small of [0.0625, 0.125]) smaller.push(time(make(small * 1e6)) / small);
          const shown = smaller.map((x, i) => `; ${[0.0625, 0.125][i]} MB: ${x.toFixed(0)} ms/MB`).join("");
          note = ` (${mb} MB not run, ~${(projected / 1000).toFixed(0)} s if quadratic; warm-up at 0.25 MB: ${warmUp.toFixed(0)} ms/MB${shown})`;
          break;
        }
        const text = make(mb * 1e6);
        // The best of three runs (two from 4 MB): the machine's load only ever adds time.
        let best = time(text);
        for (let run = 1; run < (mb < 4 ? 3 : 2) && best < budgetMs / 4; run++) best = Math.min(best, time(text));
        perMb.push(best / mb);
        last = { mb, ms: best };
        if (best > budgetMs) {
          note = ` (stopped: ${mb} MB took ${(best / 1000).toFixed(1)} s; warm-up at 0.25 MB: ${warmUp.toFixed(0)} ms/MB)`;
          break;
        }
      }
    } catch (error) {
      note = ` threw: ${String(error instanceof Error ? error.message : error).slice(0, 100)}`;
      failures.push(name);
    }
    // A row cut short is compared with its warm-up run at 0.25 MB (and smaller sizes) too.
    const curve = note && !Number.isNaN(warmUp) ? [...smaller, warmUp, ...perMb] : perMb;
    const growth = curve.length > 1 ? Math.max(...curve) / Math.min(...curve) : 1;
    const ok = growth <= 2 && !note;
    if (!ok && !failures.includes(name)) failures.push(name);
    if (growth > worst) {
      worst = growth;
      worstName = name;
    }
    const cells = perMb.map((x, i) => `${sizes[i]} MB: ${x.toFixed(0)} ms/MB`).join("  ");
    console.log(`  ${ok ? "✓" : "✗"} ${name.padEnd(54)} ${cells}  max/min ${growth.toFixed(2)}×${note}`);
  }
  const ok = worst <= 2 && failures.length === 0;
  const failed = failures.length ? `; ${failures.length} not linear, too slow or threw` : "";
  check(`phrase-dense input, ms/MB max/min (worst: ${worstName}${failed})`, worst.toFixed(2), "×", "≤ 2× (linear)", ok);
  return { worst, failures };
}

function defaultCheck(name, value, unit, target, ok) {
  console.log(`  ${ok ? "✓" : "✗"} ${name}: ${value} ${unit} (target ${target})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { parseDetermination } = await import("../dist/index.js");
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const { worst, failures } = linearTime({ parse: parseDetermination, ...(sizes.length ? { sizes } : {}) });
  process.exitCode = worst <= 2 && failures.length === 0 ? 0 : 1;
}
