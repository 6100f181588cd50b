/**
 * imr-parse, run as users run it: the built command in a child process, on folders of
 * letters the tests compose (text and PDF).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { csvField } from "../src/cli/csv.js";
import { letter } from "./fixtures/compose.js";
import { readCsv } from "./support/csv.js";
import { textPdf } from "./support/pdf.js";

const root = join(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.js");
let dir = "";

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", input, cwd: dir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "imr-parse-"));
  mkdirSync(join(dir, "letters", "more"), { recursive: true });
  writeFileSync(join(dir, "letters", "a.txt"), letter({ header: { caseNumber: "CM19-0000001" } }));
  writeFileSync(join(dir, "letters", "b.pdf"), textPdf(letter({ header: { caseNumber: "CM19-0000002" }, decisions: [{ item: 'Brace, "hinged", size L' }] })));
  writeFileSync(join(dir, "letters", "more", "c.txt"), letter({ header: { caseNumber: "CM19-0000003" }, decisions: [{ item: "Cane", outcome: "Overturned" }] }));
  writeFileSync(join(dir, "letters", "notes.md"), "not a letter and not read: only .txt and .pdf are");
  writeFileSync(join(dir, "memo.txt"), "Dear colleague, the meeting moved to Tuesday.");
  writeFileSync(join(dir, "broken.pdf"), "%PDF-1.7\nthis file was cut off");
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
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.source, l.caseNumber])).toEqual([
      ["letters/a.txt", "CM19-0000001"],
      ["letters/b.pdf", "CM19-0000002"],
      ["letters/more/c.txt", "CM19-0000003"],
    ]);
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

  it("reads standard input for -", () => {
    const r = run(["-"], letter({ header: { caseNumber: "CM19-0000042" } }));
    expect(JSON.parse(r.stdout)).toMatchObject({ source: "-", caseNumber: "CM19-0000042" });
  });

  it("writes to a file with --out", () => {
    expect(run(["--out", "out.jsonl", "letters"]).stdout).toBe("");
    expect(readFileSync(join(dir, "out.jsonl"), "utf8").trim().split("\n")).toHaveLength(3);
  });

  it("gives the same output on worker threads as on one", () => {
    expect(run(["--jobs", "2", "letters"]).stdout).toBe(run(["--jobs", "1", "letters"]).stdout);
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

describe("problems and exit status", () => {
  it("reports an unreadable file with its path, goes on, and exits 3", () => {
    const r = run(["broken.pdf", "letters/a.txt", "missing.txt"]);
    expect(r.status).toBe(3);
    expect(r.stdout.trim().split("\n").map((l) => JSON.parse(l).source)).toEqual(["letters/a.txt"]);
    expect(r.stderr).toMatch(/^imr-parse: cannot read broken\.pdf: .+\nimr-parse: cannot read missing\.txt: .+\n$/);
  });

  it("--strict exits 1 when a letter has an error diagnostic, 0 otherwise", () => {
    expect(run(["--strict", "memo.txt"]).status).toBe(1);
    expect(run(["memo.txt"]).status).toBe(0);
    expect(run(["--strict", "letters"]).status).toBe(0);
  });

  it("exits 2 on a wrong command line", () => {
    const r = run(["--format", "xml", "letters"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--format must be json, jsonl or csv");
    expect(run([]).status).toBe(2);
  });

  it("leaves standard error empty when it is not a terminal", () => {
    const r = run(["--jobs", "2", "letters"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("names the package to install when unpdf is missing", () => {
    // The built package on its own, without node_modules: the optional unpdf is absent.
    const alone = mkdtempSync(join(tmpdir(), "imr-alone-"));
    cpSync(join(root, "dist"), join(alone, "dist"), { recursive: true });
    cpSync(join(root, "package.json"), join(alone, "package.json"));
    const r = spawnSync(process.execPath, [join(alone, "dist", "cli.js"), join(dir, "letters", "b.pdf"), join(dir, "letters", "a.txt")], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('needs the optional package "unpdf": install it with `npm install unpdf`');
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });
});

describe("help, version, schema", () => {
  it("prints help with the exit statuses", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: imr-parse[\s\S]*Exit status:[\s\S]*3 {2}at least one input could not be read/);
  });

  it("prints the version of the package", () => {
    expect(run(["--version"]).stdout.trim()).toBe(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version);
  });

  it("prints the JSON Schema generated from the zod schema, the same that ships in the package", () => {
    const schema = JSON.parse(run(["--schema"]).stdout);
    expect(schema).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", title: "IMRDetermination", type: "object" });
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["caseNumber", "dates", "decisions", "diagnostics"]));
    expect(JSON.parse(readFileSync(join(root, "dist", "imr-determination.schema.json"), "utf8"))).toEqual(schema);
  });
});

describe("start-up", () => {
  // Node turns the cache on by itself when NODE_COMPILE_CACHE is set, so it is left unset:
  // the command turns it on, in the temporary folder (TMPDIR here).
  const runWith = (tmp: string, env: Record<string, string> = {}) => {
    const { NODE_COMPILE_CACHE: _unset, ...rest } = process.env;
    mkdirSync(tmp, { recursive: true });
    return spawnSync(process.execPath, [cli, "letters/a.txt"], { encoding: "utf8", cwd: dir, env: { ...rest, TMPDIR: tmp, ...env } });
  };

  it("keeps Node's compile cache, unless NODE_DISABLE_COMPILE_CACHE turns it off", () => {
    const on = join(dir, "tmp-on");
    expect(runWith(on).status).toBe(0);
    expect(readdirSync(join(on, "node-compile-cache"), { recursive: true }).length).toBeGreaterThan(0);

    const off = join(dir, "tmp-off");
    expect(runWith(off, { NODE_DISABLE_COMPILE_CACHE: "1" }).status).toBe(0);
    expect(existsSync(join(off, "node-compile-cache"))).toBe(false);
  });
});
