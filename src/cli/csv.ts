/**
 * The command's CSV, for analysis: three tables of the same letters, one row per letter,
 * per decision or per citation (RFC 4180, CRLF). Each column is named by the JSON path of
 * its value (in the letter, in one of its `decisions`, or in a row of `listCitations`), so
 * the CSV reads like the JSON; each row says which version of the library wrote it.
 */
import { listCitations, type CitationRow, type Decision, type IMRDetermination, type Severity } from "imr-determination";

declare const PACKAGE_VERSION: string;

/** The tables `--table` names: one row per letter, per decision (the default) or per citation. */
export const TABLES = ["letters", "decisions", "citations"] as const;
export type Table = (typeof TABLES)[number];

type Cell = string | number | null | undefined;

/** What a row is about: a letter, and for the other tables one decision or one citation of it. */
interface Row {
  source: string;
  letter: IMRDetermination;
  decisionIndex: number | null;
  decision: Decision | null;
  citation: CitationRow | null;
}

type Column<T> = readonly [name: string, value: (of: T) => Cell];

const list = (items: readonly string[]) => items.join("; ");
const codes = (letter: IMRDetermination, severity: Severity) => list(letter.diagnostics.filter((d) => d.severity === severity).map((d) => d.code));

const LETTER: Column<Row>[] = [
  ["source", (r) => r.source],
  ["caseNumber", (r) => r.letter.caseNumber],
  ["dates.assigned", (r) => r.letter.dates.assigned],
  ["dates.decision", (r) => r.letter.dates.decision],
  ["dates.injury", (r) => r.letter.dates.injury],
  ["dates.urDenial", (r) => r.letter.dates.urDenial],
  ["dates.applicationReceived", (r) => r.letter.dates.applicationReceived],
  ["priority", (r) => r.letter.priority],
  ["reviewer.licensure", (r) => list(r.letter.reviewer.licensure)],
  ["reviewer.specialties", (r) => list(r.letter.reviewer.specialties)],
  ["patient.age", (r) => r.letter.patient.age],
  ["patient.sex", (r) => r.letter.patient.sex],
];

/** The columns of one decision, named by their path inside it (a new field is one line here). */
const DECISION: Column<Decision>[] = [
  ["treatment.text", (d) => d.treatment?.text],
  ["originalRequest.text", (d) => d.originalRequest?.text],
  ["authorized.text", (d) => d.authorized?.text],
  ["outcome", (d) => d.outcome],
  ["service.category", (d) => d.service.category],
  ["service.drugClass", (d) => d.service.drugClass],
  ["service.drug", (d) => d.service.drug],
  ["claimsAdministratorGuideline.basis", (d) => d.claimsAdministratorGuideline?.basis],
  ["claimsAdministratorGuideline.text", (d) => d.claimsAdministratorGuideline?.text],
  ["reviewerGuideline.basis", (d) => d.reviewerGuideline?.basis],
  ["reviewerGuideline.text", (d) => d.reviewerGuideline?.text],
  ["rationale.text", (d) => d.rationale?.text],
];

/** The columns of one row of `listCitations`, named by their path in it. */
const CITATION: Column<CitationRow>[] = [
  ["caseNumber", (c) => c.caseNumber],
  ["decisionIndex", (c) => c.decisionIndex],
  ["treatment", (c) => c.treatment],
  ["outcome", (c) => c.outcome],
  ["paragraph", (c) => c.paragraph],
  ["basis", (c) => c.basis],
  ["citation.source", (c) => c.citation.source],
  ["citation.guideline", (c) => (c.citation.source === "MTUS" ? c.citation.guideline : null)],
  ["citation.year", (c) => (c.citation.source === "MTUS" ? c.citation.year : null)],
  ["citation.sections", (c) => (c.citation.source === "MTUS" ? c.citation.sections : null)],
  ["citation.pages", (c) => (c.citation.source === "MTUS" ? c.citation.pages : null)],
  ["citation.reference", (c) => (c.citation.source === "Non-MTUS" ? c.citation.reference : null)],
];

const DIAGNOSTICS: Column<Row>[] = [
  ["errors", (r) => codes(r.letter, "error")],
  ["warnings", (r) => codes(r.letter, "warning")],
];

const VERSION: Column<Row> = ["version", () => PACKAGE_VERSION];

const ofDecision = ([name, value]: Column<Decision>): Column<Row> => [name, (r) => (r.decision ? value(r.decision) : null)];
const ofCitation = ([name, value]: Column<CitationRow>): Column<Row> => [name, (r) => value(r.citation!)];

const TABLE_COLUMNS: Record<Table, Column<Row>[]> = {
  letters: [...LETTER, ["caseSummary.text", (r) => r.letter.caseSummary?.text], ["decisions.length", (r) => r.letter.decisions.length], ...DIAGNOSTICS, VERSION],
  decisions: [...LETTER, ["decisionIndex", (r) => r.decisionIndex], ...DECISION.map(ofDecision), ...DIAGNOSTICS, VERSION],
  citations: [["source", (r) => r.source], ...CITATION.map(ofCitation), VERSION],
};

const row = (source: string, letter: IMRDetermination, more: Partial<Row> = {}): Row => ({ source, letter, decisionIndex: null, decision: null, citation: null, ...more });

/** The rows a letter adds to a table: itself; each decision (or one empty one); each citation (maybe none). */
function rowsOf(table: Table, source: string, letter: IMRDetermination): Row[] {
  if (table === "letters") return [row(source, letter)];
  if (table === "citations") return listCitations(letter).map((citation) => row(source, letter, { citation }));
  if (letter.decisions.length === 0) return [row(source, letter)];
  return letter.decisions.map((decision, decisionIndex) => row(source, letter, { decision, decisionIndex }));
}

// A cell that begins with one of these is a formula to spreadsheet programs (OWASP's
// "CSV injection"): such a cell is written with a ' before it, which makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field: made safe for spreadsheets, then quoted (RFC 4180) when it holds a comma, quote or line break. */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const line = (cells: readonly Cell[]) => `${cells.map(csvField).join(",")}\r\n`;

/** The header line of a table. */
export function csvHeader(table: Table): string {
  return line(TABLE_COLUMNS[table].map(([name]) => name));
}

/** The lines one letter adds to a table. */
export function csvRows(table: Table, source: string, letter: IMRDetermination): string {
  const columns = TABLE_COLUMNS[table];
  return rowsOf(table, source, letter)
    .map((r) => line(columns.map(([, value]) => value(r))))
    .join("");
}
