/**
 * The command's output formats. Each result becomes a string the writer appends in
 * input order: a JSON document, a JSON Lines record, or CSV rows (csv.ts).
 */
import type { IMRDetermination } from "imr-determination";
import { csvHeader, csvRows, type Table } from "./csv.js";

export type Format = "json" | "jsonl" | "csv";

/**
 * The text one result adds to the output. `single`: the only input, written as one JSON
 * document; `extra`: fields of the record beside the result (a PDF's `decisionPages`).
 */
export function formatResult(format: Format, source: string, d: IMRDetermination, single: boolean, table: Table = "decisions", extra?: object): string {
  if (format === "csv") return csvRows(table, source, d);
  const record = { source, ...d, ...extra };
  if (format === "jsonl") return `${JSON.stringify(record)}\n`;
  return single ? `${JSON.stringify(record, null, 2)}\n` : JSON.stringify(record, null, 2);
}

/** What the output begins with. `bom`: a byte order mark first, for spreadsheet programs that need it to read UTF-8. */
export function header(format: Format, single: boolean, table: Table = "decisions", bom = false): string {
  if (format === "csv") return `${bom ? "\uFEFF" : ""}${csvHeader(table)}`;
  return format === "json" && !single ? "[\n" : "";
}

export function separator(format: Format, single: boolean): string {
  return format === "json" && !single ? ",\n" : "";
}

export function footer(format: Format, single: boolean): string {
  return format === "json" && !single ? "\n]\n" : "";
}
