/**
 * imr-parse: IMR Final Determination Letters (text or PDF) → JSON, JSON Lines or CSV.
 * A thin layer over the library: it finds the inputs, runs `parseDetermination` on
 * worker threads, and writes the results in input order.
 */
import { createWriteStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { jsonSchema } from "imr-determination";
import { TABLES, type Table } from "./csv.js";
import { footer, header, separator, type Format } from "./format.js";
import { parseInOrder, preloadPdf, startWorkers } from "./pool.js";
import type { Task } from "./read.js";

declare const PACKAGE_VERSION: string;

const HELP = `Usage: imr-parse [options] <input>...
       imr-determination [options] <input>...   (the same command)

Reads California IMR Final Determination Letters and writes them as data.
Inputs are files (.txt or .pdf), folders (searched recursively for .txt and .pdf)
or - for standard input (text).

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
  -j, --jobs <n>                 Parse on n worker threads (default: the number of CPUs).
      --strict                   Exit with status 1 when any letter has an error diagnostic.
      --schema                   Print the JSON Schema of the results and exit.
  -h, --help                     Print this help and exit.
  -v, --version                  Print the version and exit.

Reading PDFs needs the optional package unpdf (npm install unpdf).

Progress and a summary go to standard error when it is a terminal; otherwise standard
error carries only problems (an input that cannot be read, with its path).

Exit status:
  0  every input was read
  1  --strict, and at least one letter has an error diagnostic
  2  the command line is wrong (unknown option, no input)
  3  at least one input could not be read (missing file, corrupt PDF, unpdf missing)
  70 an internal error (a bug: please report it with the input)
`;

class UsageError extends Error {}

interface Options {
  format: Format | undefined;
  table: Table;
  bom: boolean;
  out: string | undefined;
  jobs: number;
  strict: boolean;
  inputs: string[];
}

function readOptions(argv: string[]): Options | "help" | "version" | "schema" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        table: { type: "string" },
        bom: { type: "boolean", default: false },
        out: { type: "string", short: "o" },
        jobs: { type: "string", short: "j" },
        strict: { type: "boolean", default: false },
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
  if (values.schema) return "schema";
  const format = values.format;
  if (format !== undefined && format !== "json" && format !== "jsonl" && format !== "csv") {
    throw new UsageError(`--format must be json, jsonl or csv, not "${format}"`);
  }
  const table = (values.table ?? "decisions") as Table;
  if (!TABLES.includes(table)) throw new UsageError(`--table must be ${TABLES.join(", ")}, not "${values.table}"`);
  if ((values.table !== undefined || values.bom) && format !== "csv") throw new UsageError(`--${values.bom ? "bom" : "table"} goes with --format csv`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not "${values.jobs}"`);
  if (positionals.length === 0) throw new UsageError("no input: give files, folders or - for standard input");
  return { format, table, bom: values.bom, out: values.out, jobs, strict: values.strict, inputs: positionals };
}

const isLetterFile = (name: string) => /\.(txt|pdf)$/i.test(name);

/**
 * The files an input names: itself, or a folder's .txt and .pdf files (sorted,
 * recursively). A path that cannot be read is kept: reading it reports the problem.
 */
async function* expand(input: string): AsyncGenerator<string> {
  const info = input === "-" ? null : await stat(input).catch(() => null);
  if (info === null || !info.isDirectory()) {
    yield input;
    return;
  }
  const entries = (await readdir(input, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(input, entry.name);
    if (entry.isDirectory()) yield* expand(path);
    else if (isLetterFile(entry.name)) yield path;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
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

async function run(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (options === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (options === "version") {
    process.stdout.write(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (options === "schema") {
    process.stdout.write(`${JSON.stringify(jsonSchema(), null, 2)}\n`);
    return 0;
  }

  // Workers get ready (modules loaded, grammar built) while the inputs are listed.
  const workers = startWorkers(options.jobs);
  const sources: string[] = [];
  for (const input of options.inputs) for await (const path of expand(input)) sources.push(path);
  if (sources.some((s) => /\.pdf$/i.test(s))) preloadPdf(workers);
  const single = options.inputs.length === 1 && sources.length === 1 && options.inputs[0] === sources[0];
  const format: Format = options.format ?? (single ? "json" : "jsonl");
  const stdinText = sources.includes("-") ? await readStdin() : undefined;
  const tasks: Task[] = sources.map((source, index) => ({ index, source, format, table: options.table, single, ...(source === "-" ? { text: stdinText! } : {}) }));

  const out = options.out ? createWriteStream(options.out) : process.stdout;
  const write = (chunk: string) =>
    chunk.length === 0 || out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve()));

  const progress = new Progress(tasks.length, process.stderr.isTTY === true);
  const totals = { letters: 0, decisions: 0, upheld: 0, overturned: 0, withErrors: 0, unreadable: 0 };
  await write(header(format, single, options.table, options.bom));
  let written = 0;
  for await (const outcome of parseInOrder(tasks, workers)) {
    if (outcome.output === null) {
      totals.unreadable++;
      progress.finish();
      process.stderr.write(`imr-parse: cannot read ${outcome.source}: ${outcome.problem}\n`);
    } else {
      if (written++ > 0) await write(separator(format, single));
      await write(outcome.output);
      totals.letters++;
      totals.decisions += outcome.decisions;
      totals.upheld += outcome.upheld;
      totals.overturned += outcome.overturned;
      if (outcome.hasErrors) totals.withErrors++;
    }
    progress.update(totals.letters + totals.unreadable);
  }
  await write(footer(format, single));
  if (options.out) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((error?: Error | null) => (error ? reject(error) : resolve())));
  progress.finish();
  if (process.stderr.isTTY) {
    process.stderr.write(
      `${totals.letters} letters, ${totals.decisions} decisions (${totals.upheld} upheld, ${totals.overturned} overturned), ` +
        `${totals.withErrors} with error diagnostics, ${totals.unreadable} unreadable, in ${progress.elapsed().toFixed(1)} s\n`,
    );
  }
  if (totals.unreadable > 0) return 3;
  if (options.strict && totals.withErrors > 0) return 1;
  return 0;
}

// A reader that stops early (`imr-parse … | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`imr-parse: ${error.message}\nTry imr-parse --help.\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`imr-parse: ${(error as Error)?.stack ?? error}\n`);
      process.exitCode = 70;
    }
  },
);
