/**
 * Lines of text from a PDF page's positioned text runs, in reading order: runs on one
 * baseline make a line, lines go top to bottom, runs left to right. Wide gaps become
 * runs of spaces at the run's column, as `pdftotext -layout` writes them, so the
 * normalizer folds the case header's table the same way for both.
 */

/**
 * A run of text as pdf.js reports it: its string, baseline origin and width, in points.
 *
 * @example
 * ```ts
 * const run: TextRun = { str: "Case Number:", x: 72, y: 688.7, width: 74.7 };
 * ```
 */
export interface TextRun {
  /** The text. */
  str: string;
  /** Left edge of the run, in points from the page's left. */
  x: number;
  /** Baseline, in points from the page's bottom. */
  y: number;
  /** Width of the run, in points. */
  width: number;
}

// Runs whose baselines differ by less than this share one line (pdf.js reports the
// label and the value of one header row a tenth of a point apart).
const SAME_LINE = 2.5;
// Points per column when a wide gap is written as spaces; about one character of the
// letters' 11-12 pt fonts.
const POINTS_PER_COLUMN = 5;
// A gap wider than this (points) separates table cells rather than words.
const CELL_GAP = 12;

/**
 * A page's text from its runs: lines top to bottom, runs left to right, wide gaps kept
 * as columns. For text extracted with another PDF library.
 *
 * @example
 * ```ts
 * import { pageText } from "imr-determination/pdf";
 * pageText([{ str: "Upheld", x: 300, y: 700, width: 35 }, { str: "MRI of the knee:", x: 72, y: 700, width: 80 }]);
 * ```
 */
export function pageText(runs: readonly TextRun[]): string {
  // Runs of spaces only mark gaps, which the positions of the runs around them show.
  const visible = runs.filter((r) => r.str.trim().length > 0);
  if (visible.length === 0) return "";
  const left = Math.min(...visible.map((r) => r.x));
  // Top to bottom (PDF y grows upwards), then left to right.
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - run.y) < SAME_LINE) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => lineText(line.sort((a, b) => a.x - b.x), left)).join("\n");
}

function lineText(runs: readonly TextRun[], left: number): string {
  let text = "";
  let end = -Infinity; // x where the previous run ended
  for (const run of runs) {
    const gap = run.x - end;
    if (text.length > 0 && gap > CELL_GAP) {
      const column = Math.round((run.x - left) / POINTS_PER_COLUMN);
      text = text.trimEnd();
      text += " ".repeat(Math.max(3, column - text.length));
    } else if (text.length > 0 && gap > 0.8 && !text.endsWith(" ") && !run.str.startsWith(" ")) {
      text += " ";
    } else if (text.length === 0 && run.x - left > CELL_GAP) {
      // An indented line (a table's continuation row, a centred heading) keeps its column.
      text = " ".repeat(Math.round((run.x - left) / POINTS_PER_COLUMN));
    }
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  return text.trimEnd();
}
