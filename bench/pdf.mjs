// npm run bench:pdf (also the last part of npm run bench): PDFs per second, for each PDF
// engine on its own and for imr-parse over a folder of at least 600 PDFs (the corpus's
// 130, repeated) with 1 and 2 jobs, with the targets of docs/performance.md.
//
//   node bench/pdf.mjs [--rounds 3] [--copies 10] [--baseline path/to/another/dist/cli.js]
//
// 1,300 PDFs by default: with two jobs the command takes about 500 PDFs to reach its
// steady speed (both workers compile and warm up on the two cores they also work on), so
// a run of thousands, the real use, is what 1,300 measures; `--copies 5` (650 PDFs)
// weighs the warm-up twice as much (docs/performance.md gives both).
//
// --baseline adds another build of the command (say, the release before PDFium) to the
// runs, as "baseline, 1 job"; without it, the command's own pdf.js route with one job is
// the baseline. Runs are interleaved (one of each, round after round), so a change in the
// machine's load hits every configuration alike; the best round of each counts, and the
// spread says how much the machine moved. Uses the built package (npm run build).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { corpus } from "./sample.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, "..", "dist", "cli.js");
const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" }, copies: { type: "string", default: "10" }, baseline: { type: "string" } } });
const rounds = Number(values.rounds);
const copies = Number(values.copies);
const pdfs = join(corpus, "pdf");
const load = () => loadavg().map((x) => x.toFixed(2)).join(", ");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPdf() {
  console.log(`\nPDFs — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), load average ${load()}`);
  if (!existsSync(pdfs)) {
    console.log(`  (skipped: ${pdfs} is absent; it sits beside the project in development)`);
    return [];
  }
  const files = readdirSync(pdfs).filter((f) => f.endsWith(".pdf")).sort();
  const folder = mkdtempSync(join(tmpdir(), "imr-bench-pdf-"));
  for (let copy = 1; copy <= copies; copy++) {
    mkdirSync(join(folder, `copy-${copy}`));
    for (const file of files) copyFileSync(join(pdfs, file), join(folder, `copy-${copy}`, file));
  }
  const count = files.length * copies;
  const results = [];
  const check = (name, value, target, ok) => {
    results.push({ name, ok });
    console.log(`  ${ok ? "✓" : "✗"} ${name}: ${value} (target ${target})`);
  };
  try {
    // --- Each engine in this process, one core ------------------------------------------
    const { extractPdfText, preloadPdfSupport } = await import("../dist/pdf/index.js");
    const bytes = files.map((f) => readFileSync(join(pdfs, f)));
    console.log(`\nText extraction in one thread, ${count} PDFs a pass (the corpus ${copies} times), best and range of ${rounds} passes:`);
    for (const engine of ["pdfium", "pdfjs"]) {
      const installed = await preloadPdfSupport({ engine }).then(() => true, () => false);
      if (!installed) {
        console.log(`  ${engine}: not installed`);
        continue;
      }
      for (const b of bytes) await extractPdfText(b, { engine }); // warm up
      const rates = [];
      for (let r = 0; r < rounds; r++) {
        const t = performance.now();
        for (let copy = 0; copy < copies; copy++) for (const b of bytes) await extractPdfText(b, { engine });
        rates.push(count / ((performance.now() - t) / 1000));
      }
      console.log(`  ${engine.padEnd(7)} ${Math.max(...rates).toFixed(0)} PDFs/s (${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}), ${(1000 / Math.max(...rates)).toFixed(2)} ms a PDF`);
    }

    // --- The command over the folder ----------------------------------------------------
    const configs = [
      { name: "pdf.js, 1 job", args: [cli, "--pdf-engine", "pdfjs", "--jobs", "1"] },
      { name: "pdf.js, 2 jobs", args: [cli, "--pdf-engine", "pdfjs", "--jobs", "2"] },
      { name: "PDFium, 1 job", args: [cli, "--pdf-engine", "pdfium", "--jobs", "1"] },
      { name: "PDFium, 2 jobs", args: [cli, "--pdf-engine", "pdfium", "--jobs", "2"] },
    ];
    if (values.baseline) configs.unshift({ name: "baseline, 1 job", args: [resolve(values.baseline), "--jobs", "1"] });
    console.log(`\nimr-parse over ${count} PDFs (${folder}), wall time of the whole command, ${rounds} rounds:`);
    const seconds = new Map(configs.map((c) => [c.name, []]));
    for (let r = 0; r < rounds; r++) {
      for (const config of configs) {
        const t = performance.now();
        const run = spawnSync(process.execPath, [...config.args, "--format", "jsonl", folder], { stdio: ["ignore", "ignore", "inherit"] });
        if (run.status !== 0) throw new Error(`${config.name}: imr-parse exited ${run.status}`);
        seconds.get(config.name).push((performance.now() - t) / 1000);
      }
    }
    const best = (name) => count / Math.min(...seconds.get(name));
    for (const { name } of configs) {
      const s = seconds.get(name);
      console.log(`  ${name.padEnd(16)} ${best(name).toFixed(0).padStart(4)} PDFs/s best (${(count / Math.max(...s)).toFixed(0)}–${best(name).toFixed(0)}; ${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)} s)`);
    }
    // Ratios of the best rounds, and the median of the ratios within each round.
    const ratio = (a, b) => {
      const paired = seconds.get(b).map((s, i) => s / seconds.get(a)[i]);
      return `${(best(a) / best(b)).toFixed(2)}× (per round: median ${median(paired).toFixed(2)}×, ${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)})`;
    };
    const base = values.baseline ? "baseline, 1 job" : "pdf.js, 1 job";
    const ok = (a, b) => best(a) / best(b) >= 1.6;
    check(`PDFium, 1 job over ${base}`, ratio("PDFium, 1 job", base), "≥ 1.6×", ok("PDFium, 1 job", base));
    check("PDFium, 2 jobs over 1 job", ratio("PDFium, 2 jobs", "PDFium, 1 job"), "≥ 1.6×", ok("PDFium, 2 jobs", "PDFium, 1 job"));
    console.log(`  (pdf.js, 2 jobs over 1 job: ${ratio("pdf.js, 2 jobs", "pdf.js, 1 job")})`);
    console.log(`  load average after: ${load()}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await benchPdf();
  const failed = results.filter((r) => !r.ok);
  if (results.length > 0) console.log(`\n${results.length - failed.length}/${results.length} PDF targets met${failed.length ? `; missed: ${failed.map((r) => r.name).join(", ")}` : ""}`);
}
