/**
 * imr-parse, run as users run it: the built command in a child process, on folders of
 * letters the tests compose (text and PDF), and on the situations that used to hang it,
 * crash it or eat the machine's memory. Every record it writes is checked against the
 * JSON Schema it prints (ajv), and with the shared corpus beside the project, the PDFs
 * are read with each engine and scored.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDeterminationPdfWithText } from "imr-determination/pdf";
import { csvField } from "../src/cli/csv.js";
import { letter } from "./fixtures/compose.js";
import { readCsv } from "./support/csv.js";
import { bombPdf, textPdf } from "./support/pdf.js";

const root = join(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.js");
const shared = join(root, "..", "shared");
let dir = "";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The command, with a time limit: a run that hangs fails the test instead of the suite. */
function run(args: string[], input?: string | Uint8Array, options: SpawnSyncOptions & { prefix?: string[] } = {}): Run {
  const [command, ...before] = [...(options.prefix ?? []), process.execPath];
  const r = spawnSync(command!, [...before, cli, ...args], { encoding: "utf8", input, cwd: dir, timeout: 60_000, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
const records = (r: Run) => r.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
const sources = (r: Run) => records(r).map((d: { source: string }) => d.source);
const lines = (text: string) => text.split("\n").filter(Boolean);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "imr-parse-"));
  mkdirSync(join(dir, "letters", "more"), { recursive: true });
  writeFileSync(join(dir, "letters", "a.txt"), letter({ header: { caseNumber: "CM19-0000001" } }));
  writeFileSync(join(dir, "letters", "b.pdf"), textPdf(letter({ header: { caseNumber: "CM19-0000002" }, decisions: [{ item: 'Brace, "hinged", size L' }] })));
  writeFileSync(join(dir, "letters", "more", "c.txt"), letter({ header: { caseNumber: "CM19-0000003" }, decisions: [{ item: "Cane", outcome: "Overturned" }] }));
  writeFileSync(join(dir, "letters", "notes.md"), "not a letter and not read: only .txt and .pdf are");
  writeFileSync(join(dir, "memo.txt"), "Dear colleague, the meeting moved to Tuesday.");
  writeFileSync(join(dir, "broken.pdf"), "%PDF-1.7\nthis file was cut off");
  writeFileSync(join(dir, "locked.pdf"), textPdf(letter(), { encrypted: true }));
}, 120_000);

describe("formats", () => {
  it("writes one JSON document for one input", () => {
    const r = run(["letters/a.txt"]);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ source: "letters/a.txt", caseNumber: "CM19-0000001" });
    expect(d.decisions).toHaveLength(2);
  });

  it("writes JSON Lines for a folder, recursively, in order, .txt and .pdf only", () => {
    const r = run(["letters"]);
    expect(r.status).toBe(0);
    expect(records(r).map((l) => [l.source, l.caseNumber])).toEqual([
      ["letters/a.txt", "CM19-0000001"],
      ["letters/b.pdf", "CM19-0000002"],
      ["letters/more/c.txt", "CM19-0000003"],
    ]);
  });

  it("gives the page each decision of a PDF starts on", async () => {
    const text = letter({ decisions: [{ item: "Knee brace" }, { item: "Cane", outcome: "Overturned" }] });
    // Page 2 begins with the second decision's heading.
    const secondHeading = text.split("\n").indexOf("Cane: Overturned");
    expect(secondHeading).toBeGreaterThan(0);
    const bytes = textPdf(text, { perPage: secondHeading });
    writeFileSync(join(dir, "pages.pdf"), bytes);
    const [fromText, pdf] = records(run(["letters/a.txt", "pages.pdf"]));
    expect(fromText.decisionPages).toBeUndefined();
    expect(pdf.decisionPages).toEqual((await parseDeterminationPdfWithText(bytes)).decisionPages);
    expect(pdf.decisionPages).toEqual([1, 2]);
  });

  it("writes a JSON array when asked for json with several inputs", () => {
    const parsed = JSON.parse(run(["--format", "json", "letters/a.txt", "letters/more/c.txt"]).stdout);
    expect(parsed.map((d: { caseNumber: string }) => d.caseNumber)).toEqual(["CM19-0000001", "CM19-0000003"]);
  });

  it("writes CSV, one row per decision, quoting what needs it", () => {
    const r = run(["--format", "csv", "letters"]);
    const rows = r.stdout.trim().split("\r\n");
    expect(rows[0]).toMatch(/^source,caseNumber,dates\.assigned,.*,decisionIndex,treatment\.text,originalRequest\.text,authorized\.text,outcome,.*,errors,warnings,version$/);
    expect(rows).toHaveLength(1 + 2 + 1 + 1);
    expect(rows[3]).toContain('"Brace, ""hinged"", size L"');
    expect(rows[4]).toMatch(/^letters\/more\/c\.txt,CM19-0000003,2019-03-04,.*,Cane,,,overturned,/);
    expect(rows[4]).toContain(",Cane,,,overturned,dmepos,,,");
  });

  it("reads standard input for -, text or PDF", () => {
    expect(JSON.parse(run(["-"], letter({ header: { caseNumber: "CM19-0000042" } })).stdout)).toMatchObject({ source: "-", caseNumber: "CM19-0000042" });
    const pdf = JSON.parse(run(["-"], textPdf(letter({ header: { caseNumber: "CM19-0000043" } }))).stdout);
    expect(pdf).toMatchObject({ source: "-", caseNumber: "CM19-0000043", decisionPages: [1, 1] });
  });

  it("writes to a file with --out", () => {
    expect(run(["--out", "out.jsonl", "letters"]).stdout).toBe("");
    expect(readFileSync(join(dir, "out.jsonl"), "utf8").trim().split("\n")).toHaveLength(3);
  });

  it("gives the same output on worker threads as on one, with either PDF engine", () => {
    const one = run(["--jobs", "1", "letters"]).stdout;
    expect(run(["--jobs", "2", "letters"]).stdout).toBe(one);
    expect(run(["--jobs", "2", "--pdf-engine", "pdfjs", "letters"]).stdout).toBe(one);
  });
});

describe("CSV for analysis", () => {
  const version = () => JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version as string;
  it("names columns by their JSON path and ends every row with errors, warnings and the version", () => {
    const rows = readCsv(run(["--format", "csv", "letters/a.txt", "memo.txt"]).stdout);
    const letter = JSON.parse(run(["letters/a.txt"]).stdout);
    expect(rows[0]).toMatchObject({
      source: "letters/a.txt",
      "dates.injury": letter.dates.injury,
      "dates.urDenial": letter.dates.urDenial,
      "reviewer.licensure": letter.reviewer.licensure.join("; "),
      "patient.age": String(letter.patient.age),
      decisionIndex: "0",
      "treatment.text": letter.decisions[0].treatment.text,
      "reviewerGuideline.basis": letter.decisions[0].reviewerGuideline.basis,
      errors: "",
      version: version(),
    });
    const memo = rows.find((r) => r.source === "memo.txt")!;
    expect(memo.errors).toContain("not-a-determination-letter");
    expect(memo).toMatchObject({ decisionIndex: "", "treatment.text": "", version: version() });
    expect(Object.keys(memo).slice(-3)).toEqual(["errors", "warnings", "version"]);
  });

  it("writes one row per letter with --table letters, and per citation with --table citations", () => {
    const letters = readCsv(run(["--format", "csv", "--table", "letters", "letters"]).stdout);
    expect(letters.map((r) => [r.source, r["decisions.length"], r.version])).toEqual([
      ["letters/a.txt", "2", version()],
      ["letters/b.pdf", "1", version()],
      ["letters/more/c.txt", "1", version()],
    ]);
    const citations = readCsv(run(["--format", "csv", "--table", "citations", "letters/a.txt"]).stdout);
    const letter = JSON.parse(run(["letters/a.txt"]).stdout);
    const expected = letter.decisions.flatMap((d: any, i: number) =>
      [
        ["claimsAdministrator", d.claimsAdministratorGuideline],
        ["reviewer", d.reviewerGuideline],
      ].flatMap(([paragraph, g]: any) => (g ? g.citations.map((c: any) => [String(i), d.outcome, paragraph, g.basis, c.source, c.guideline ?? "", String(c.year ?? ""), c.sections ?? ""]) : [])),
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(citations.map((r) => [r.decisionIndex, r.outcome, r.paragraph, r.basis, r["citation.source"], r["citation.guideline"], r["citation.year"], r["citation.sections"]])).toEqual(expected);
    expect(citations.every((r) => r.source === "letters/a.txt" && r.caseNumber === "CM19-0000001" && r.version === version())).toBe(true);
  });

  it("begins with a byte order mark with --bom", () => {
    const out = run(["--format", "csv", "--bom", "letters/a.txt"]).stdout;
    expect(out.startsWith("\uFEFFsource,caseNumber,")).toBe(true);
    expect(run(["--format", "csv", "letters/a.txt"]).stdout.startsWith("source,")).toBe(true);
  });

  it("writes a cell that a spreadsheet would run as a formula as text, with a ' before it", () => {
    const items = ["=HYPERLINK(1)", "+1 brace", "-2 cane", "@SUM(1)", "Plain splint"];
    writeFileSync(
      join(dir, "formulas.txt"),
      letter({ header: { caseNumber: "CM19-0000099" }, decisions: items.map((item) => ({ item })) }),
    );
    const rows = readCsv(run(["--format", "csv", "formulas.txt"]).stdout);
    const json = JSON.parse(run(["formulas.txt"]).stdout);
    expect(json.decisions.map((d: { treatment: { text: string } }) => d.treatment.text)).toEqual(items);
    expect(rows.map((r) => r["treatment.text"])).toEqual(["'=HYPERLINK(1)", "'+1 brace", "'-2 cane", "'@SUM(1)", "Plain splint"]);
    // Tab and carriage return too (the parser trims them off a treatment, so directly here),
    // before quoting; numbers are the library's own and never negative.
    expect(["\tx", "\rx", "=a,b", 'say "hi"', "", null, 7].map(csvField)).toEqual(["'\tx", '"\'\rx"', '"\'=a,b"', '"say ""hi"""', "", "", "7"]);
  });

  it("takes --table and --bom with --format csv only", () => {
    expect(run(["--table", "citations", "letters"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--table goes with --format csv") });
    expect(run(["--bom", "letters"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--bom goes with --format csv") });
    expect(run(["--format", "csv", "--table", "rows", "letters"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--table must be letters, decisions, citations") });
  });
});

describe("inputs that cannot be read", () => {
  it("reports an unreadable file with its path, goes on, and exits 3", () => {
    const r = run(["broken.pdf", "letters/a.txt", "missing.txt", "locked.pdf"]);
    expect(r.status).toBe(3);
    expect(sources(r)).toEqual(["letters/a.txt"]);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^imr-parse: cannot read broken\.pdf: Not a readable PDF/),
      "imr-parse: cannot read missing.txt: no such file or folder",
      "imr-parse: cannot read locked.pdf: The PDF is encrypted: it needs a password to be read",
    ]);
  });

  it.each([["1"], ["2"]])("skips a FIFO and a link to /dev/zero named like letters (--jobs %s)", (jobs) => {
    const folder = join(dir, `special-${jobs}`);
    mkdirSync(folder);
    writeFileSync(join(folder, "a.txt"), letter());
    execFileSync("mkfifo", [join(folder, "x.txt")]);
    symlinkSync("/dev/zero", join(folder, "z.txt"));
    const r = run(["--jobs", jobs, folder]);
    expect(r.status).toBe(3);
    expect(sources(r)).toEqual([join(folder, "a.txt")]);
    expect(lines(r.stderr)).toEqual([`imr-parse: cannot read ${folder}/x.txt: not a regular file (a FIFO)`, `imr-parse: cannot read ${folder}/z.txt: not a regular file (a character device)`]);
  });

  // Root reads every folder: the command runs without the capabilities that allow it
  // (setpriv drops them), so that a folder without permissions is unreadable for real.
  const isRoot = process.getuid?.() === 0;
  const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
  const prefix = isRoot ? (setpriv ? [setpriv, "--bounding-set", "-dac_override,-dac_read_search"] : null) : [];
  if (prefix === null) console.warn("permission test skipped: running as root without setpriv to drop root's right to read any folder");
  it.skipIf(prefix === null).each([["1"], ["2"]])("reports a subfolder it may not list (EACCES), writes the rest, and exits 3 (--jobs %s)", (jobs) => {
    const folder = join(dir, `permissions-${jobs}`);
    mkdirSync(join(folder, "locked"), { recursive: true });
    mkdirSync(join(folder, "open"));
    writeFileSync(join(folder, "a.txt"), letter());
    writeFileSync(join(folder, "locked", "b.txt"), letter());
    writeFileSync(join(folder, "open", "c.txt"), letter());
    chmodSync(join(folder, "locked"), 0o000);
    try {
      const r = run(["--jobs", jobs, folder], undefined, { prefix: prefix! });
      expect(r.status).toBe(3);
      expect(sources(r)).toEqual([join(folder, "a.txt"), join(folder, "open", "c.txt")]);
      expect(lines(r.stderr)).toEqual([`imr-parse: cannot read ${folder}/locked: the folder cannot be listed: permission denied`]);
    } finally {
      chmodSync(join(folder, "locked"), 0o755);
    }
  });

  it("reports an empty folder", () => {
    mkdirSync(join(dir, "nothing"));
    const r = run(["nothing"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe("imr-parse: cannot read nothing: the folder holds no .txt or .pdf file\n");
  });

  it("writes a file name holding a line break escaped, on one line", () => {
    const name = "bad\nimr-parse: cannot read forged.pdf: fake.pdf";
    writeFileSync(join(dir, name), "%PDF-1.4 cut off");
    const r = run([name]);
    expect(r.status).toBe(3);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^imr-parse: cannot read "bad\\nimr-parse: cannot read forged\.pdf: fake\.pdf": Not a readable PDF/)]);
  });

  // A name that is not UTF-8 (a Latin-1 "é" from an old archive) has no string that opens
  // it: the file is opened by its bytes, and shown with U+FFFD where the byte was.
  it("reads a letter whose file name is not UTF-8, found in a folder", () => {
    mkdirSync(join(dir, "latin1"));
    writeFileSync(Buffer.concat([Buffer.from(join(dir, "latin1", "r")), Buffer.from([0xe9]), Buffer.from("sum.txt")]), letter());
    mkdirSync(Buffer.concat([Buffer.from(join(dir, "latin1", "d")), Buffer.from([0xe9])]));
    writeFileSync(Buffer.concat([Buffer.from(join(dir, "latin1", "d")), Buffer.from([0xe9]), Buffer.from("/x.txt")]), letter());
    for (const jobs of ["1", "2"]) {
      const r = run(["--jobs", jobs, "latin1"]);
      expect([r.status, r.stderr]).toEqual([0, ""]);
      expect(records(r).map((l) => [l.source, l.caseNumber])).toEqual([
        ["latin1/d\ufffd/x.txt", "CM19-0000417"],
        ["latin1/r\ufffdsum.txt", "CM19-0000417"],
      ]);
    }
  });

  it("skips inputs larger than --max-size, standard input included", () => {
    const r = run(["--max-size", "1kB", "letters/a.txt", "memo.txt"]);
    expect(r.status).toBe(3);
    expect(sources(r)).toEqual(["memo.txt"]);
    expect(r.stderr).toBe("imr-parse: cannot read letters/a.txt: larger than 1 kB, the --max-size limit\n");
    const stdin = run(["--max-size", "1kB", "-"], letter());
    expect([stdin.status, stdin.stderr]).toEqual([3, "imr-parse: cannot read -: larger than 1 kB, the --max-size limit\n"]);
  });
});

describe("PDFs that would take all the time or memory", () => {
  beforeAll(() => {
    // Some kilobytes that inflate to 300 MB when the page is read,
    writeFileSync(join(dir, "bomb.pdf"), bombPdf(300));
    // and a hundred pages that each inflate to 10 MB, which take seconds but little memory.
    writeFileSync(join(dir, "slow.pdf"), bombPdf(10, 100));
  }, 60_000);

  it.each([["pdfium"], ["pdfjs"]])("stops a PDF that needs more memory than --max-memory, and reads the rest (%s)", (engine) => {
    const r = run(["--pdf-engine", engine, "--max-memory", "200", "bomb.pdf", "letters/b.pdf"]);
    expect(r.status).toBe(3);
    expect(sources(r)).toEqual(["letters/b.pdf"]);
    expect(r.stderr).toBe("imr-parse: cannot read bomb.pdf: needed more than 200 MB of memory, the --max-memory limit\n");
  });

  it("stops a PDF that takes longer than --timeout, and reads the rest", () => {
    const r = run(["--timeout", "1", "slow.pdf", "letters/b.pdf", "letters/a.txt"]);
    expect(r.status).toBe(3);
    expect(sources(r)).toEqual(["letters/b.pdf", "letters/a.txt"]);
    expect(r.stderr).toBe("imr-parse: cannot read slow.pdf: took longer than 1 s, the --timeout limit\n");
  });
});

describe("output that cannot be written", () => {
  it.each([
    ["a missing folder", "/nonexistent/dir/out.csv", "imr-parse: cannot write /nonexistent/dir/out.csv: no such folder: /nonexistent/dir\n"],
    ["a folder", ".", "imr-parse: cannot write .: it is a folder\n"],
  ])("says so on one line and exits 4, for --out in %s", (_, out, message) => {
    const r = run(["--out", out, "letters"]);
    expect([r.status, r.stderr, r.stdout]).toEqual([4, message, ""]);
  });

  it.skipIf(!existsSync("/dev/full"))("says so on one line and exits 4 when standard output is full", () => {
    const full = openSync("/dev/full", "w");
    try {
      for (const args of [["letters"], ["letters/a.txt"], ["--help"]]) {
        const r = run(args, undefined, { stdio: ["ignore", full, "pipe"] });
        expect([r.status, r.stderr]).toEqual([4, "imr-parse: cannot write standard output: no space left on device\n"]);
      }
    } finally {
      closeSync(full);
    }
  });

  it("stops quietly when the reader goes away", () => {
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${cli}" letters letters letters | head -c 10 > /dev/null`], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });
});

describe("--out among the inputs", () => {
  it("refuses an --out that names an input, by any path or link, and leaves the letter as it was (exit 2)", () => {
    const text = letter({ header: { caseNumber: "CM19-0000077" } });
    writeFileSync(join(dir, "own.txt"), text);
    symlinkSync("own.txt", join(dir, "own-link.txt"));
    for (const out of ["own.txt", "./own.txt", "own-link.txt"]) {
      const r = run(["--out", out, "letters/a.txt", "own.txt"]);
      expect([r.status, r.stdout]).toEqual([2, ""]);
      expect(r.stderr).toContain("would empty it before it is read");
      expect(readFileSync(join(dir, "own.txt"), "utf8")).toBe(text);
    }
  });

  it("leaves the --out file out of a folder it is written into", () => {
    cpSync(join(dir, "letters"), join(dir, "into"), { recursive: true });
    const r = run(["--format", "jsonl", "--out", "into/results.txt", "into"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const written = lines(readFileSync(join(dir, "into", "results.txt"), "utf8")).map((l) => JSON.parse(l).source);
    expect(written).toEqual(["into/a.txt", "into/b.pdf", "into/more/c.txt"]);
  });
});

describe("the command line", () => {
  it("--strict exits 1 when a letter has an error diagnostic, 0 otherwise", () => {
    expect(run(["--strict", "memo.txt"]).status).toBe(1);
    expect(run(["memo.txt"]).status).toBe(0);
    expect(run(["--strict", "letters"]).status).toBe(0);
  });

  it.each([
    [["--format", "xml", "letters"], "--format must be json, jsonl or csv"],
    [[], "no input"],
    [["--jobs", "0x2", "letters"], "--jobs must be a whole number from 1 to"],
    [["--jobs", "1e1", "letters"], "--jobs must be a whole number"],
    [["--jobs", " 2 ", "letters"], "--jobs must be a whole number"],
    [["--jobs", "1000", "letters"], "--jobs must be a whole number"],
    [["-", "-"], "standard input (-) can be read only once"],
    [["--format", "json", "--format", "csv", "letters"], "--format is given more than once"],
    [["--schema", "letters"], "--schema prints the schema and reads no input"],
    [["--pdf-engine", "mupdf", "letters"], "--pdf-engine must be pdfium or pdfjs"],
    [["--max-size", "lots", "letters"], "--max-size must be a size"],
  ])("exits 2 on a wrong command line: %j", (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`imr-parse: ${message}`);
    expect(r.stdout).toBe("");
  });

  it("leaves standard error empty when it is not a terminal", () => {
    const r = run(["--jobs", "2", "letters"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
  });

  it("prints help with the exit statuses", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: imr-parse[\s\S]*Exit status:[\s\S]*3 {2}at least one input could not be read[\s\S]*4 {2}the results could not be written/);
  });

  it("prints the version of the package", () => {
    expect(run(["--version"]).stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });
});

// `script` runs the command on a terminal of its own, as a person would.
const hasScript = existsSync("/usr/bin/script");
describe.skipIf(!hasScript)("progress on a terminal", () => {
  const onTerminal = (command: string) => spawnSync("script", ["-qec", command, "/dev/null"], { cwd: dir, encoding: "utf8", timeout: 60_000 }).stdout;
  const command = `"${process.execPath}" "${cli}"`;

  it("shows a bar and a summary when the results go elsewhere", () => {
    const seen = onTerminal(`${command} letters > on-terminal.jsonl`);
    expect(seen).toContain("] 3/3 letters");
    expect(seen).toMatch(/3 letters, 4 decisions \(2 upheld, 2 overturned\), 0 with error diagnostics, 0 unreadable, in [\d.]+ s/);
  });

  it("shows no bar when the results go to the terminal too, and nothing with --no-progress", () => {
    const seen = onTerminal(`${command} letters`);
    expect(seen).not.toContain("] 3/3 letters");
    expect(seen).toContain('"source":"letters/a.txt"');
    expect(onTerminal(`${command} --no-progress letters > quiet.jsonl`).trim()).toBe("");
  });
});

describe("the JSON Schema of the records", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { date: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) } });
  let validate: ReturnType<typeof ajv.compile>;
  beforeAll(() => {
    validate = ajv.compile(JSON.parse(run(["--schema"]).stdout));
  });
  const invalid = (items: object[]) =>
    items.flatMap((item) => (validate(item) ? [] : [`${(item as { source: string }).source}: ${ajv.errorsText(validate.errors)}`]));

  it("is printed by --schema: the library's result with source and decisionPages", () => {
    const schema = JSON.parse(run(["--schema"]).stdout);
    expect(schema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", title: "imr-parse record", type: "object", additionalProperties: false });
    expect(Object.keys(schema.properties)).toEqual(["source", ...Object.keys(JSON.parse(readFileSync(join(root, "dist", "imr-determination.schema.json"), "utf8")).properties), "decisionPages"]);
    expect(schema.required[0]).toBe("source");
  });

  it("holds for every record written, in every format that writes records", () => {
    const inputs = ["letters", "memo.txt", join(root, "examples", "letters")];
    const jsonl = records(run(inputs));
    expect(jsonl.length).toBeGreaterThan(5);
    expect(invalid(jsonl)).toEqual([]);
    expect(invalid(JSON.parse(run(["--format", "json", ...inputs]).stdout))).toEqual([]);
    expect(invalid([JSON.parse(run(["letters/b.pdf"]).stdout)])).toEqual([]);
    expect(validate({ ...jsonl[0], extra: 1 })).toBe(false); // the schema is strict
  });

  const corpus = join(shared, "corpus");
  const present = existsSync(join(corpus, "gold"));
  if (!present) console.warn(`corpus command tests skipped: ${corpus} is absent (it sits beside the project in development only)`);
  it.skipIf(!present).each([["pdfium"], ["pdfjs"]])("holds for every record of the corpus read with %s, whose PDFs all score in full", (engine) => {
    const out = join(dir, `corpus-${engine}.jsonl`);
    const r = run(["--pdf-engine", engine, "--format", "jsonl", "--out", out, join(corpus, "pdf"), join(corpus, "letters", "raw")]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const all = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(all).toHaveLength(readdirSync(join(corpus, "pdf")).length + readdirSync(join(corpus, "letters", "raw")).length);
    expect(invalid(all)).toEqual([]);
    // The scorer reads the PDFs' records (their sources name the PDFs).
    const pdfs = join(dir, `corpus-pdf-${engine}.jsonl`);
    writeFileSync(pdfs, all.filter((d) => d.source.endsWith(".pdf")).map((d) => JSON.stringify(d)).join("\n"));
    const score = execFileSync(process.execPath, [join(shared, "tools", "score.mjs"), "--results", pdfs, "--gold", join(corpus, "gold"), "--with", "citations"], { encoding: "utf8" });
    expect(score.trim().split("\n").at(-1)).toMatch(/\(100\.00%\), 130\/130 letters exact, 0 crashed$/);
  });
});

describe("without a PDF engine", () => {
  // The built package on its own, without node_modules: no optional peer is installed.
  let alone = "";
  beforeAll(() => {
    alone = mkdtempSync(join(tmpdir(), "imr-alone-"));
    cpSync(join(root, "dist"), join(alone, "dist"), { recursive: true });
    cpSync(join(root, "package.json"), join(alone, "package.json"));
  });
  const runAlone = (args: string[]) => spawnSync(process.execPath, [join(alone, "dist", "cli.js"), ...args], { encoding: "utf8", cwd: dir, timeout: 60_000 });

  it("names the packages to install, and still reads the text letters", () => {
    const r = runAlone(["letters/b.pdf", "letters/a.txt"]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('cannot read letters/b.pdf: Reading PDFs needs one of the optional packages "@embedpdf/pdfium" (faster) or "unpdf"');
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    expect(runAlone(["--pdf-engine", "pdfium", "letters/b.pdf"]).stderr).toContain('needs the optional package "@embedpdf/pdfium": install it with `npm install @embedpdf/pdfium`');
  });

  it("uses pdf.js when only unpdf is installed", () => {
    mkdirSync(join(alone, "node_modules"), { recursive: true });
    symlinkSync(join(root, "node_modules", "unpdf"), join(alone, "node_modules", "unpdf"));
    const r = runAlone(["letters/b.pdf"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout)).toMatchObject({ caseNumber: "CM19-0000002" });
  });
});

describe("start-up", () => {
  // Node turns the cache on by itself when NODE_COMPILE_CACHE is set, so it is left unset:
  // the command turns it on, in the user's cache folder (XDG_CACHE_HOME here).
  const runWith = (cache: string, env: Record<string, string> = {}) => {
    const { NODE_COMPILE_CACHE: _unset, ...rest } = process.env;
    return spawnSync(process.execPath, [cli, "letters/a.txt"], { encoding: "utf8", cwd: dir, env: { ...rest, XDG_CACHE_HOME: cache, ...env } });
  };

  it("keeps Node's compile cache in the user's cache folder, unless NODE_DISABLE_COMPILE_CACHE turns it off", () => {
    const on = join(dir, "cache-on");
    expect(runWith(on).status).toBe(0);
    expect(readdirSync(join(on, "imr-determination"), { recursive: true }).length).toBeGreaterThan(0);

    const off = join(dir, "cache-off");
    expect(runWith(off, { NODE_DISABLE_COMPILE_CACHE: "1" }).status).toBe(0);
    expect(existsSync(join(off, "imr-determination"))).toBe(false);
  });
});
