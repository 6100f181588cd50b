/**
 * imr-parse: IMR Final Determination Letters (text or PDF) → JSON, JSON Lines or CSV.
 * A thin layer over the library: it finds the inputs, reads and parses them on worker
 * threads within limits (size, time, memory), and writes the results in input order.
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { PdfEngine } from "imr-determination/pdf";
import { TABLES, type Table } from "./csv.js";
import { footer, header, separator, type Format } from "./format.js";
import { InputError, listInputs, looksLikePdf, oneLine, printable, readRegularFile, readStandardInput, sameFile, STDIN } from "./inputs.js";
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, JOBS_PER_CPU, readJobs, readMemory, readSize, readTimeout, UsageError } from "./limits.js";
import { openFile, OutputError, standardOutput, type Output } from "./output.js";
import { WorkerPool } from "./pool.js";
import { readAndParse, unreadable, type Outcome, type Settings, type Task } from "./read.js";
import { recordSchema } from "./schema.js";

declare const PACKAGE_VERSION: string;

/** The exit statuses, as --help and docs/cli.md list them. */
const EXIT = { ok: 0, strict: 1, usage: 2, unreadable: 3, output: 4, internal: 70 } as const;

const HELP = `Usage: imr-parse [options] <input>...
       imr-determination [options] <input>...   (the same command)

Reads California IMR Final Determination Letters and writes them as data.
Inputs are files (.txt or .pdf), folders (searched recursively for .txt and .pdf)
or - for standard input (text or PDF).

Options:
  -f, --format <json|jsonl|csv>  json: one document (an array for several inputs);
                                 jsonl: one result per line, each with its "source";
                                 csv: one row per decision, the letter's fields repeated
                                 (or per letter or citation: --table).
                                 Default: json for one input, jsonl for several.
      --table <letters|decisions|citations>
                                 With --format csv: one row per letter, per decision
                                 (the default) or per citation.
      --bom                      With --format csv: begin with a byte order mark, for
                                 spreadsheet programs that need it to read UTF-8.
  -o, --out <file>               Write to <file> instead of standard output.
  -j, --jobs <n>                 Read on n worker threads, 1 to ${JOBS_PER_CPU} x the CPUs
                                 (default: the number of CPUs).
      --pdf-engine <pdfium|pdfjs>
                                 Read PDFs with PDFium (@embedpdf/pdfium) or pdf.js (unpdf).
                                 Default: PDFium when it is installed. Same text either way.
      --max-size <size>          Skip inputs larger than this (default 64MB; 512kB, 1GB...).
      --timeout <seconds>        Stop reading an input after this long (default ${DEFAULT_TIMEOUT_SECONDS}; 0: none).
      --max-memory <MB>          Stop reading an input when its worker needs more memory
                                 (default ${DEFAULT_MAX_MEMORY_MB}).
      --strict                   Exit with status 1 when any letter has an error diagnostic.
      --no-progress              No progress bar or summary on standard error.
      --schema                   Print the JSON Schema of the records written and exit.
  -h, --help                     Print this help and exit.
  -v, --version                  Print the version and exit.

Reading PDFs needs one of the optional packages @embedpdf/pdfium (faster) or unpdf
(npm install @embedpdf/pdfium). Only regular files are read; links are followed.

When standard error is a terminal, a progress bar (if the results do not go to the
terminal too) and a summary go there. Otherwise standard error carries only problems:
one line per input that cannot be read, with its path (quoted and escaped when it holds
a line break or another control character).

Exit status:
  0  every input was read
  1  --strict, and at least one letter has an error diagnostic
  2  the command line is wrong (unknown option, no input, a value out of range)
  3  at least one input could not be read (missing, not a regular file, too large,
     too slow, corrupt or encrypted PDF, no PDF engine installed, a folder that cannot
     be listed or holds no letter); the others were written
  4  the results could not be written (--out in a missing folder, disk full)
  70 an internal error (a bug: please report it with the input)
`;

interface Options {
  format: Format | undefined;
  table: Table;
  bom: boolean;
  out: string | undefined;
  jobs: number;
  engine: PdfEngine | undefined;
  maxSize: number;
  timeout: number;
  maxMemory: number;
  strict: boolean;
  progress: boolean;
  inputs: string[];
}

const SINGLE_VALUED = ["format", "table", "out", "jobs", "pdf-engine", "max-size", "timeout", "max-memory"] as const;

function readOptions(argv: string[]): Options | "help" | "version" | "schema" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: "string", short: "f", multiple: true },
        out: { type: "string", short: "o", multiple: true },
        jobs: { type: "string", short: "j", multiple: true },
        "pdf-engine": { type: "string", multiple: true },
        "max-size": { type: "string", multiple: true },
        timeout: { type: "string", multiple: true },
        "max-memory": { type: "string", multiple: true },
        table: { type: "string", multiple: true },
        bom: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        progress: { type: "boolean", default: true },
        schema: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (values.version) return "version";
  // A value given twice is a mistake to report, not one to resolve silently.
  for (const name of SINGLE_VALUED) if ((values[name]?.length ?? 0) > 1) throw new UsageError(`--${name} is given more than once`);
  const one = (name: (typeof SINGLE_VALUED)[number]) => values[name]?.[0];
  if (values.schema) {
    if (positionals.length > 0) throw new UsageError("--schema prints the schema and reads no input");
    return "schema";
  }
  const format = one("format");
  if (format !== undefined && format !== "json" && format !== "jsonl" && format !== "csv") {
    throw new UsageError(`--format must be json, jsonl or csv, not "${format}"`);
  }
  const table = (one("table") ?? "decisions") as Table;
  if (!TABLES.includes(table)) throw new UsageError(`--table must be ${TABLES.join(", ")}, not "${one("table")}"`);
  if ((one("table") !== undefined || values.bom) && format !== "csv") throw new UsageError(`--${values.bom ? "bom" : "table"} goes with --format csv`);
  const engine = one("pdf-engine");
  if (engine !== undefined && engine !== "pdfium" && engine !== "pdfjs") throw new UsageError(`--pdf-engine must be pdfium or pdfjs, not "${engine}"`);
  if (positionals.length === 0) throw new UsageError("no input: give files, folders or - for standard input");
  if (positionals.filter((p) => p === STDIN).length > 1) throw new UsageError("standard input (-) can be read only once");
  return {
    format,
    table,
    bom: values.bom,
    out: one("out"),
    jobs: readJobs(one("jobs")),
    engine,
    maxSize: readSize(one("max-size")),
    timeout: readTimeout(one("timeout")),
    maxMemory: readMemory(one("max-memory")),
    strict: values.strict,
    progress: values.progress,
    inputs: positionals,
  };
}

class Progress {
  private last = 0;
  private readonly started = performance.now();
  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  update(done: number): void {
    const now = performance.now();
    if (!this.enabled || (now - this.last < 100 && done < this.total)) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    const left = rate > 0 ? (this.total - done) / rate : 0;
    const width = 24;
    const filled = Math.round((width * done) / Math.max(this.total, 1));
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    process.stderr.write(`\r${bar} ${done}/${this.total} letters  ${rate.toFixed(0)}/s  ${clock(left)} left `);
  }

  finish(): void {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }

  elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }
}

const clock = (seconds: number) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

const isFolder = (path: string) => stat(path).then((s) => s.isDirectory(), () => false);

/** A usage error when `--out` names a file also named as an input (by any path or link to it). */
async function refuseOutputAmongInputs(out: string, inputs: readonly string[]): Promise<void> {
  const target = await stat(out).catch(() => null);
  if (target === null || !target.isFile()) return;
  for (const input of inputs) {
    if (input === STDIN) continue;
    const info = await stat(input).catch(() => null);
    if (info && sameFile(info, target)) {
      throw new UsageError(`--out ${printable(out)} is the input ${printable(input)}: writing the results there would empty it before it is read`);
    }
  }
}

async function run(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (options === "help" || options === "version" || options === "schema") {
    const text = options === "help" ? HELP : options === "version" ? `${PACKAGE_VERSION}\n` : `${JSON.stringify(recordSchema(), null, 2)}\n`;
    const output = standardOutput();
    await output.write(text);
    await output.close();
    return EXIT.ok;
  }
  // A wrong --out stops the run before any work, and so does one that names an input:
  // opening it would empty the letter before it is read.
  if (options.out !== undefined) await refuseOutputAmongInputs(options.out, options.inputs);
  const output = options.out ? openFile(options.out) : standardOutput();

  // Inputs are read on worker threads, which a time or memory limit can stop; only one
  // text letter is read here. Workers get ready (modules loaded, grammar built) while the
  // inputs are listed.
  const [first] = options.inputs;
  const poolOptions = { jobs: options.jobs, engine: options.engine, timeout: options.timeout, maxMemory: options.maxMemory };
  let pool = options.inputs.length > 1 || /\.pdf$/i.test(first!) || (await isFolder(first!)) ? new WorkerPool(poolOptions) : null;
  try {
    const tasks: Task[] = [];
    const outputFile = options.out !== undefined && output.file ? { name: basename(options.out), info: output.file } : null;
    for await (const listed of listInputs(options.inputs, undefined, outputFile)) tasks.push({ index: tasks.length, source: listed.source, ...(listed.path && { path: listed.path }), ...(listed.problem !== undefined && { problem: listed.problem }) });
    // Standard input is read here (once, within the size limit); PDFs are told by their first bytes.
    const stdin = tasks.find((t) => t.source === STDIN);
    if (stdin) {
      try {
        stdin.bytes = await readStandardInput(options.maxSize);
      } catch (error) {
        stdin.problem = error instanceof InputError ? error.message : String(error);
      }
    }
    if (pool === null && tasks.length === 1 && tasks[0]!.problem === undefined) {
      const task = tasks[0]!;
      try {
        task.bytes ??= readRegularFile(task.path ?? task.source, options.maxSize);
        if (looksLikePdf(task.bytes)) pool = new WorkerPool({ ...poolOptions, jobs: 1 });
      } catch (error) {
        task.problem = (error as Error).message;
      }
    }
    if (pool && tasks.some((t) => /\.pdf$/i.test(t.source) || (t.bytes && looksLikePdf(t.bytes)))) pool.preloadPdf();

    const single = options.inputs.length === 1 && tasks.length === 1 && options.inputs[0] === tasks[0]!.source;
    const format: Format = options.format ?? (single ? "json" : "jsonl");
    const settings: Settings = { format, table: options.table, single, maxSize: options.maxSize, engine: options.engine };
    const outcomes = pool ? pool.parse(tasks, settings) : inline(tasks, settings);
    const toTerminal = options.out === undefined && process.stdout.isTTY === true;
    return await write(outcomes, tasks.length, output, { format, table: options.table, bom: options.bom, single, strict: options.strict, progress: options.progress, toTerminal });
  } finally {
    await pool?.close();
  }
}

async function* inline(tasks: readonly Task[], settings: Settings): AsyncGenerator<Outcome> {
  for (const task of tasks) yield task.problem === undefined ? await readAndParse(task, settings) : unreadable(task, task.problem);
}

interface WriteOptions {
  format: Format;
  table: Table;
  bom: boolean;
  single: boolean;
  strict: boolean;
  progress: boolean;
  /** The results go to a terminal. */
  toTerminal: boolean;
}

async function write(outcomes: AsyncIterable<Outcome>, total: number, output: Output, options: WriteOptions): Promise<number> {
  const { format, single } = options;
  // A progress bar only where it cannot mix with the results: standard error is a
  // terminal and the results go elsewhere.
  const interactive = options.progress && process.stderr.isTTY === true;
  const progress = new Progress(total, interactive && !options.toTerminal);
  const totals = { letters: 0, decisions: 0, upheld: 0, overturned: 0, withErrors: 0, unreadable: 0 };
  const status = () => (totals.unreadable > 0 ? EXIT.unreadable : options.strict && totals.withErrors > 0 ? EXIT.strict : EXIT.ok);
  try {
    await output.write(header(format, single, options.table, options.bom));
    let written = 0;
    for await (const outcome of outcomes) {
      if (outcome.output === null) {
        totals.unreadable++;
        progress.finish();
        process.stderr.write(`imr-parse: cannot read ${printable(outcome.source)}: ${oneLine(outcome.problem ?? "unknown problem")}\n`);
      } else {
        if (written++ > 0) await output.write(separator(format, single));
        await output.write(outcome.output);
        totals.letters++;
        totals.decisions += outcome.decisions;
        totals.upheld += outcome.upheld;
        totals.overturned += outcome.overturned;
        if (outcome.hasErrors) totals.withErrors++;
      }
      progress.update(totals.letters + totals.unreadable);
    }
    await output.write(footer(format, single));
    await output.close();
  } catch (error) {
    // A reader that stops early (`imr-parse … | head`) is not an error.
    if (error instanceof OutputError && error.readerGone) return status();
    throw error;
  } finally {
    progress.finish();
  }
  if (interactive) {
    process.stderr.write(
      `${totals.letters} letters, ${totals.decisions} decisions (${totals.upheld} upheld, ${totals.overturned} overturned), ` +
        `${totals.withErrors} with error diagnostics, ${totals.unreadable} unreadable, in ${progress.elapsed().toFixed(1)} s\n`,
    );
  }
  return status();
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`imr-parse: ${oneLine(error.message)}\nTry imr-parse --help.\n`);
      process.exitCode = EXIT.usage;
    } else if (error instanceof OutputError) {
      if (!error.readerGone) process.stderr.write(`imr-parse: ${oneLine(error.message)}\n`);
      process.exitCode = error.readerGone ? EXIT.ok : EXIT.output;
    } else {
      process.stderr.write(`imr-parse: ${(error as Error)?.stack ?? error}\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
