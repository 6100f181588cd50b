/**
 * The SQLite example of docs/cli.md, run as written: the command's citations table loaded
 * into SQLite and the query that counts outcomes by MTUS guideline, on the shared corpus
 * (or the example letters where the corpus is absent), against the same count made from
 * the JSON. The query runs on Node's own SQLite (node:sqlite) always, and the whole shell
 * example with the sqlite3 command where that is installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "./support/csv.js";

const root = join(import.meta.dirname, "..");
const cli = join(root, "dist", "cli.js");
const corpus = join(root, "..", "shared", "corpus", "letters", "raw");
const letters = existsSync(corpus) ? corpus : join(root, "examples", "letters");
if (letters !== corpus) console.warn(`analysis example: ${corpus} is absent, so it runs on the example letters`);

// The example: the shell lines of the block that runs sqlite3, and the script it gives it.
const docs = readFileSync(join(root, "docs", "cli.md"), "utf8");
const shell = docs.match(/```sh\n(imr-parse [^\n]*\nsqlite3 <<'SQL'\n[\s\S]*?\nSQL)\n```/)?.[1];
const script = shell?.match(/<<'SQL'\n([\s\S]*?)\nSQL$/)?.[1] ?? "";
const hasSqlite3 = spawnSync("sqlite3", ["--version"]).status === 0;
if (!hasSqlite3) console.warn("analysis example: the sqlite3 command is not installed; its shell example is skipped (node:sqlite runs the query)");

let dir = "";
/** Decisions by (guideline, outcome), counted from the JSON Lines of the same letters. */
const expected = new Map<string, Set<string>>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "imr-analysis-"));
  symlinkSync(letters, join(dir, "letters"));
  writeFileSync(join(dir, "citations.csv"), execFileSync(process.execPath, [cli, "--format", "csv", "--table", "citations", "letters/"], { cwd: dir, maxBuffer: 1 << 28 }));
  const jsonl = execFileSync(process.execPath, [cli, "--format", "jsonl", "letters/"], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 });
  for (const line of jsonl.trim().split("\n")) {
    const letter = JSON.parse(line);
    letter.decisions.forEach((decision: { outcome: string; reviewerGuideline: { citations: { source: string; guideline: string | null }[] } | null }, index: number) => {
      for (const citation of decision.reviewerGuideline?.citations ?? []) {
        if (citation.source !== "MTUS") continue;
        const key = `${citation.guideline ?? ""}\t${decision.outcome}`;
        expected.set(key, (expected.get(key) ?? new Set()).add(`${letter.source} ${index}`));
      }
    });
  }
}, 120_000);

const expectedRows = () =>
  [...expected]
    .map(([key, decisions]) => [...key.split("\t"), String(decisions.size)])
    .sort((a, b) => (a.join("\t") < b.join("\t") ? -1 : 1));

describe("docs/cli.md's SQLite example", () => {
  it("is in the docs", () => {
    expect(shell).toBeDefined();
    expect(script).toMatch(/^\.import --csv citations\.csv citations$/m);
    expect(expected.size).toBeGreaterThan(2);
  });

  it("counts outcomes by guideline on node:sqlite as the JSON does", () => {
    const db = new DatabaseSync(":memory:");
    // The sqlite3 shell's dot-commands, done here: .import creates the table from the header.
    const sql = script.replace(/^\.import --csv (\S+) (\S+)$/gm, (_, file: string, table: string) => {
      const rows = readCsv(readFileSync(join(dir, file), "utf8"));
      const names = Object.keys(rows[0]!);
      const quoted = names.map((n) => `"${n}"`).join(", ");
      db.exec(`CREATE TABLE ${table} (${names.map((n) => `"${n}" TEXT`).join(", ")})`);
      const insert = db.prepare(`INSERT INTO ${table} (${quoted}) VALUES (${names.map(() => "?").join(", ")})`);
      for (const row of rows) insert.run(...names.map((n) => row[n]!));
      return "";
    });
    const query = sql.replace(/^\.\w+.*$/gm, "").trim();
    const result = db.prepare(query).all() as { guideline: string; outcome: string; decisions: number }[];
    expect(result.map((r) => [r.guideline, r.outcome, String(r.decisions)])).toEqual(expectedRows());
  });

  it.skipIf(!hasSqlite3)("runs as written in the shell with sqlite3", () => {
    // imr-parse is the built command; letters/ is the folder of letters.
    const out = execFileSync("bash", ["-c", `imr-parse() { "${process.execPath}" "${cli}" "$@"; }\nset -e\n${shell}`], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 });
    const rows = out
      .split("\n")
      .filter((line) => line.startsWith("| "))
      .slice(1) // the header
      .map((line) => line.slice(1, -1).split(" | ").map((cell) => cell.trim()));
    expect(rows).toEqual(expectedRows());
  });
});
