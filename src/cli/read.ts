/**
 * One input → one formatted result: read the file (text or PDF), parse, format, count.
 * The same function runs on the main thread (`--jobs 1`) and in the workers.
 */
import { readFileSync } from "node:fs";
import { parseDetermination } from "imr-determination";
import type { Table } from "./csv.js";
import { formatResult, type Format } from "./format.js";

export interface Task {
  index: number;
  /** A path, or "-" for standard input (read by the main thread and passed as `text`). */
  source: string;
  text?: string;
  format: Format;
  /** With the csv format: which table's rows. */
  table?: Table;
  single: boolean;
}

export interface Outcome {
  index: number;
  source: string;
  /** The formatted result, or null when the input could not be read. */
  output: string | null;
  /** Why the input could not be read. */
  problem?: string;
  decisions: number;
  upheld: number;
  overturned: number;
  hasErrors: boolean;
}

export async function readAndParse(task: Task): Promise<Outcome> {
  const empty = { index: task.index, source: task.source, decisions: 0, upheld: 0, overturned: 0, hasErrors: false };
  let result;
  try {
    if (task.text !== undefined) result = parseDetermination(task.text);
    else if (task.source.toLowerCase().endsWith(".pdf")) {
      const { parseDeterminationPdf } = await import("imr-determination/pdf");
      result = await parseDeterminationPdf(readFileSync(task.source));
    } else {
      // Letters are small: a synchronous read is faster than a trip through libuv's
      // thread pool, and this runs on a thread of its own (or with nothing else to do).
      result = parseDetermination(readFileSync(task.source, "utf8"));
    }
  } catch (error) {
    return { ...empty, output: null, problem: (error as Error).message ?? String(error) };
  }
  const upheld = result.decisions.filter((d) => d.outcome === "upheld").length;
  return {
    ...empty,
    output: formatResult(task.format, task.source, result, task.single, task.table),
    decisions: result.decisions.length,
    upheld,
    overturned: result.decisions.length - upheld,
    hasErrors: result.diagnostics.some((d) => d.severity === "error"),
  };
}
