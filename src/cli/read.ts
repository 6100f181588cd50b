/**
 * One input → one formatted result: read the file (text or PDF), parse, format, count.
 * The same function runs on the main thread (one text letter) and in the workers.
 */
import { parseDetermination, type IMRDetermination } from "imr-determination";
import type { PdfEngine } from "imr-determination/pdf";
import type { Table } from "./csv.js";
import { formatResult, type Format } from "./format.js";
import { looksLikePdf, oneLine, readRegularFile } from "./inputs.js";

export interface Task {
  index: number;
  /** A path, or "-" for standard input. */
  source: string;
  /** The path's bytes, when a name in it is not UTF-8 (see `Listed`). */
  path?: Uint8Array;
  /** The input's bytes when the main thread read them (standard input). */
  bytes?: Uint8Array;
  /** Why it cannot be read, when that is known before reading (found while listing). */
  problem?: string;
}

/** What every input is read with: the same for the whole run. */
export interface Settings {
  format: Format;
  /** With the csv format: which table's rows. */
  table?: Table;
  single: boolean;
  maxSize: number;
  engine: PdfEngine | undefined;
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

/** The outcome of an input that could not be read. */
export function unreadable(task: { index: number; source: string }, problem: string): Outcome {
  return { index: task.index, source: task.source, output: null, problem: oneLine(problem), decisions: 0, upheld: 0, overturned: 0, hasErrors: false };
}

/** PDFs are read by the PDF entry point, loaded on the first one. */
let pdf: Promise<typeof import("imr-determination/pdf")> | undefined;
export const loadPdf = () => (pdf ??= import("imr-determination/pdf"));

export async function readAndParse(task: Task, settings: Settings): Promise<Outcome> {
  if (task.problem !== undefined) return unreadable(task, task.problem);
  let result: IMRDetermination;
  let extra: { decisionPages: number[] } | undefined;
  try {
    // Letters are small: a synchronous read is faster than a trip through libuv's thread
    // pool, and this runs on a thread of its own (or with nothing else to do).
    const bytes = task.bytes ?? readRegularFile(task.path ?? task.source, settings.maxSize);
    if (/\.pdf$/i.test(task.source) || looksLikePdf(bytes)) {
      const read = await (await loadPdf()).parseDeterminationPdfWithText(bytes, { engine: settings.engine });
      result = read.determination;
      extra = { decisionPages: read.decisionPages };
    } else {
      result = parseDetermination(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8"));
    }
  } catch (error) {
    return unreadable(task, error instanceof Error ? error.message : String(error));
  }
  const upheld = result.decisions.filter((d) => d.outcome === "upheld").length;
  return {
    index: task.index,
    source: task.source,
    output: formatResult(settings.format, task.source, result, settings.single, settings.table, extra),
    decisions: result.decisions.length,
    upheld,
    overturned: result.decisions.length - upheld,
    hasErrors: result.diagnostics.some((d) => d.severity === "error"),
  };
}
