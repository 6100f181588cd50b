import { OffsetMap } from "./offset-map.js";
import type { TextRange } from "./pages.js";

/** A removed running page header, in offsets of the string the pass read. */
export interface RemovedPageHeader {
  start: number;
  end: number;
}

export interface LinePass {
  text: string;
  map: OffsetMap;
  pageHeaders: RemovedPageHeader[];
  /** How wide a full line of this letter's prose is, in characters (the 90th percentile of line lengths). */
  lineWidth: number;
  /** Where another letter's page begins (a page header naming another case), in the offsets read; the pass stops there. */
  otherLetterAt: number | null;
  /** Output offsets of the line breaks that stand where a page ended: the line before is as long as the page let it be. */
  pageBreaks: number[];
  /** Lines left out because they repeat the line right before them, in the offsets read. */
  repeatedLines: { start: number; end: number }[];
}

/** What the line pass is told about the letter's pages. */
export interface PageFacts {
  /** The case number the letter calls its own: a page header naming another case is another letter's. */
  caseNumber: string | null;
  /** Ranges to leave out: pages that repeat an earlier page. */
  skip: readonly TextRange[];
}

// The running header every page after the first carries. Extractors splice it into
// the text wherever the page broke, even mid-sentence, sometimes without the number.
const PAGE_HEADER = ["Final", "Determination", "Letter", "for", "IMR", "Case", "Number"];
const PAGE_HEADER_TEXT = "Final Determination Letter";
const CASE_NUMBER_WORD = /^\[?([A-Z]{2}\d{2}-\d{4,8})\]?$/;

// A page's number on a line of its own ("Page 2 of 4", "2 of 4", "- 2 -"), which a PDF
// printed from another program puts at each page's foot or head: page furniture, not text.
// A bare number may be text ("7" / "/10"), so it is kept.
const PAGE_NUMBER = /^(?:page \d{1,4}(?: of \d{1,4})?|\d{1,4} of \d{1,4}|- ?\d{1,4} ?-)$/i;
const MAX_PAGE_NUMBER = 20;
/** A histogram of line widths (0 … 256 and more) with no line counted yet. */
const NO_WIDTHS: readonly number[] = new Array<number>(257).fill(0);
/** Whether a line could be a page number: it is short and starts as one does ("P", "p", a digit or "-"). */
const mayBePageNumber = (c: number, length: number) => length <= MAX_PAGE_NUMBER && ((c | 0x20) === 112 || (c >= 48 && c <= 57) || c === 45);

// A line this long (characters) that repeats the line before it word for word is text
// drawn or extracted twice; shorter ones ("X-ray, 2 views") may repeat in earnest, and so may
// lines of text that repeats itself (three or more alike in a row).
const MIN_REPEATED_LINE = 20;
// A gap this wide inside a line separates the columns of a `pdftotext -layout` table.
const COLUMN_GAP = 3;
// Cells of a continuation row sit under the cells they continue, give or take.
const COLUMN_SLACK = 2;


interface Cell {
  column: number;
  words: number[]; // pairs of [start, end) in the source
}

interface Row {
  cells: Cell[];
  /** Whether the row came from a line with column gaps: a table row. */
  table: boolean;
  mayHoldHeader: boolean;
}

/**
 * The line pass: trims every line, folds runs of spaces, drops blank lines (the seeds'
 * blank line after every line, layout's blank lines between paragraphs), removes
 * running page headers of this letter and page numbers on lines of their own (joining a
 * sentence they split), leaves out
 * repeated pages and a line that repeats the line before it, stops where another letter's
 * page begins, and folds a layout table's
 * continuation rows into the cells above them (`Application` over `Received:`).
 * Expects the character pass's output: `\n` and the form feed (a page break) break lines,
 * and only ` ` is a space.
 */
export function foldLines(input: string, pages: PageFacts = { caseNumber: null, skip: [] }): LinePass {
  const map = new OffsetMap();
  const parts: string[] = [];
  const pageHeaders: RemovedPageHeader[] = [];
  // A plain array (a typed one is allocated outside the heap, which costs more), copied
  // from a zeroed one (copying is faster than filling).
  const widths = NO_WIDTHS.slice();
  let outLength = 0;
  let lastEnd = 0; // source offset after the last character written
  let runStart = -1; // clean lines in a row are copied as one slice: where it began
  let pending: Row | null = null;
  // Where the next double space and the next page header are, found once and advanced,
  // so that clean lines are copied whole without looking at their characters.
  let nextDoubleSpace = doubleSpaceFrom(input, 0);
  let nextHeader = input.indexOf(PAGE_HEADER_TEXT);
  let nextFormFeed = input.indexOf("\f");
  // The next line break too: pages ended by form feeds alone (no line break in them) must
  // not each search the rest of the text for one.
  let nextNewline = input.indexOf("\n");
  let skipIndex = 0;
  let otherLetterAt: number | null = null;
  const pageBreaks: number[] = [];
  const repeatedLines: { start: number; end: number }[] = [];
  // The last line written, when it was a clean line (copied whole): what a repeat would equal;
  // and how many lines in a row have repeated it.
  let lastLineStart = 0;
  let lastLineEnd = 0;
  let repeatRun = 0;
  // Asked only when a blank line follows a table row, so counted at most once, and rarely.
  let blankAfterEveryLine: boolean | null = null;
  // Whether a page ended since the last line written: the next line break stands for it.
  let pageEnded = false;

  const flushRun = () => {
    if (runStart >= 0) parts.push(input.slice(runStart, lastEnd));
    runStart = -1;
  };

  /** Writes the break between two lines: it stands for everything that separated them. */
  const lineBreak = (next: number, join: boolean) => {
    const gapStart = Math.min(lastEnd, next);
    if (pageEnded && !join) pageBreaks.push(outLength);
    pageEnded = false;
    parts.push(join ? " " : "\n");
    // A lone line break is kept as it is, so clean text stays one copied run in the map.
    if (!join && next === gapStart + 1 && input.charCodeAt(gapStart) === 10) map.copy(gapStart, 1);
    else map.replace(gapStart, next, 1);
    outLength += 1;
  };

  const emitClean = (start: number, end: number) => {
    if (runStart >= 0 && start === lastEnd + 1 && input.charCodeAt(lastEnd) === 10) {
      // Straight after the run: the line break and the line are copied as they are.
      map.copy(lastEnd, end - lastEnd);
      outLength += end - lastEnd;
    } else {
      flushRun();
      if (outLength > 0) lineBreak(start, false);
      map.copy(start, end - start);
      outLength += end - start;
      runStart = start;
    }
    lastEnd = end;
    lastLineStart = start;
    lastLineEnd = end;
    widths[Math.min(256, end - start)]!++;
  };

  const emitRow = (row: Row) => {
    flushRun();
    lastLineEnd = lastLineStart;
    repeatRun = 0;
    const words = row.cells.length === 1 ? row.cells[0]!.words : row.cells.flatMap((c) => c.words);
    let from = 0;
    const header = row.mayHoldHeader ? findPageHeader(input, words) : -1;
    if (header >= 0) {
      let stop = header + PAGE_HEADER.length * 2;
      const number = stop < words.length ? CASE_NUMBER_WORD.exec(input.slice(words[stop]!, words[stop + 1]!))?.[1] : undefined;
      if (number !== undefined && number !== pages.caseNumber) {
        // Another case's header: at a line's start, when the letter's own number is known, it
        // opens another letter's page; otherwise it is text (a quotation), read as it stands.
        if (header === 0 && pages.caseNumber !== null) {
          otherLetterAt = words[0]!;
          return;
        }
      } else {
        if (number !== undefined) stop += 2;
        pageHeaders.push({ start: words[header]!, end: words[stop - 1]! });
        if (header === 0) {
          // A page ended here: the text after the header goes on from the line before it
          // (the line-break pass knows such a break is no paragraph's end).
          from = stop;
          pageEnded = true;
        } else {
          words.splice(header, stop - header);
        }
      }
    }
    if (from >= words.length) return;
    if (outLength > 0) lineBreak(words[from]!, false);
    const lineStart = outLength;
    for (let w = from; w < words.length; w += 2) {
      const s = words[w]!;
      const e = words[w + 1]!;
      if (w > from) {
        const prevEnd = words[w - 1]!;
        parts.push(" ");
        map.replace(prevEnd, Math.max(prevEnd, s), 1);
        outLength += 1;
      }
      parts.push(input.slice(s, e));
      map.copy(s, e - s);
      outLength += e - s;
      lastEnd = e;
    }
    widths[Math.min(256, outLength - lineStart)]!++;
  };

  let lineStart = 0;
  const n = input.length;
  while (lineStart <= n && otherLetterAt === null) {
    // A repeated page is left out whole.
    while (skipIndex < pages.skip.length && pages.skip[skipIndex]!.end <= lineStart) skipIndex++;
    const skip = pages.skip[skipIndex];
    if (skip && skip.start <= lineStart) {
      lineStart = skip.end + 1;
      pageEnded = true;
      continue;
    }
    if (lineStart > 0 && input.charCodeAt(lineStart - 1) === 12) pageEnded = true;
    while (nextNewline >= 0 && nextNewline < lineStart) nextNewline = input.indexOf("\n", lineStart);
    let lineEnd = nextNewline < 0 ? n : nextNewline;
    // A form feed ends a page, and a line with it.
    while (nextFormFeed >= 0 && nextFormFeed < lineStart) nextFormFeed = input.indexOf("\f", lineStart);
    if (nextFormFeed >= 0 && nextFormFeed < lineEnd) lineEnd = nextFormFeed;
    while (nextDoubleSpace >= 0 && nextDoubleSpace < lineStart) nextDoubleSpace = doubleSpaceFrom(input, lineStart);
    while (nextHeader >= 0 && nextHeader < lineStart) nextHeader = input.indexOf(PAGE_HEADER_TEXT, lineStart);
    const mayHoldHeader = nextHeader >= 0 && nextHeader < lineEnd;
    // The line without its leading and trailing spaces.
    let start = lineStart;
    let end = lineEnd;
    while (start < end && input.charCodeAt(start) === 0x20) start++;
    while (end > start && input.charCodeAt(end - 1) === 0x20) end--;
    while (nextDoubleSpace >= 0 && nextDoubleSpace < start) nextDoubleSpace = doubleSpaceFrom(input, start);
    const clean = end > start && !mayHoldHeader && (nextDoubleSpace < 0 || nextDoubleSpace + 1 >= end);
    // An indented line right under a table row may continue it: that needs its cells.
    const mayContinueTable = pending !== null && pending.table && start - lineStart >= COLUMN_GAP;
    if (clean && !mayContinueTable) {
      // A clean line: copied whole.
      if (pending) emitRow(pending);
      pending = null;
      if (otherLetterAt !== null) break;
      const length = end - start;
      if (mayBePageNumber(input.charCodeAt(start), length) && PAGE_NUMBER.test(input.slice(start, end))) {
        // Left out like a running page header: the text after it goes on from the line before.
        pageHeaders.push({ start, end });
        pageEnded = true;
        lineStart = lineEnd + 1;
        continue;
      }
      // Lengths first: lines of one length are rare, so the words are seldom compared.
      const repeats = length >= MIN_REPEATED_LINE && length === lastLineEnd - lastLineStart && input.startsWith(input.slice(lastLineStart, lastLineEnd), start);
      repeatRun = repeats ? repeatRun + 1 : 0;
      if (repeatRun === 1 && !nextLineRepeats(input, lineEnd, start, end)) repeatedLines.push({ start, end });
      else emitClean(start, end);
    } else {
      const row = readRow(input, lineStart, lineEnd, mayHoldHeader);
      if (row === null) {
        // A blank line ends any table, the next indented line being no continuation; but
        // where every line is followed by a blank one (older extractions), it means nothing.
        if (pending && !(blankAfterEveryLine ??= blankLinesFollowEveryLine(input))) {
          if (pending) emitRow(pending);
          pending = null;
        }
      } else if (pending && pending.table && continues(pending, row)) {
        // A loop, not push(...words): a spread passes every word as an argument, and a row of
        // a few hundred thousand words overflows the stack.
        for (const cell of row.cells) {
          const above = nearestCell(pending, cell.column).words;
          for (const w of cell.words) above.push(w);
        }
      } else {
        if (pending) emitRow(pending);
        pending = row;
      }
    }
    lineStart = lineEnd + 1;
  }
  if (pending && otherLetterAt === null) emitRow(pending);
  flushRun();
  return { text: parts.length === 1 ? parts[0]! : parts.join(""), map, pageHeaders, lineWidth: percentile(widths, 0.9), otherLetterAt, pageBreaks, repeatedLines };
}

const DOUBLE_SPACE = / {2}/g;

/**
 * Where the next two spaces in a row start, at or after `from`, or -1. A regular
 * expression, not `indexOf("  ")`: that one stops at every space (a sixth of the text)
 * to look at the next character; the expression steps two characters at a time.
 */
function doubleSpaceFrom(input: string, from: number): number {
  DOUBLE_SPACE.lastIndex = from;
  const found = DOUBLE_SPACE.test(input) ? DOUBLE_SPACE.lastIndex - 2 : -1;
  DOUBLE_SPACE.lastIndex = 0;
  return found;
}

/** Whether the next line with text after `from` is `input[start, end)` again (spaces aside). */
function nextLineRepeats(input: string, from: number, start: number, end: number): boolean {
  let at = from;
  for (let c = input.charCodeAt(at); c === 32 || c === 10 || c === 12; c = input.charCodeAt(++at));
  if (!input.startsWith(input.slice(start, end), at)) return false;
  at += end - start;
  while (input.charCodeAt(at) === 32) at++;
  return at >= input.length || input.charCodeAt(at) === 10 || input.charCodeAt(at) === 12;
}

/** Whether (nearly) every line is followed by a blank line: the style of some older extractions. */
function blankLinesFollowEveryLine(input: string): boolean {
  let lines = 0;
  for (let i = input.indexOf("\n"); i >= 0; i = input.indexOf("\n", i + 1)) lines++;
  let blank = 0;
  const BLANK = /\n *(?=\n)/g;
  while (BLANK.test(input)) blank++;
  return lines > 0 && blank >= lines * 0.4;
}

/** The words of a line grouped into cells, or null for a blank line. */
function readRow(input: string, start: number, end: number, mayHoldHeader: boolean): Row | null {
  const cells: Cell[] = [];
  let table = false;
  let i = start;
  let cell: Cell | null = null;
  let prevEnd = -1;
  while (i < end) {
    while (i < end && input.charCodeAt(i) === 0x20) i++;
    if (i >= end) break;
    let j = i;
    while (j < end && input.charCodeAt(j) !== 0x20) j++;
    const gap = prevEnd < 0 ? Infinity : i - prevEnd;
    if (gap >= COLUMN_GAP && prevEnd >= 0) table = true;
    if (cell === null || gap >= 2) {
      cell = { column: i - start, words: [] };
      cells.push(cell);
    }
    cell.words.push(i, j);
    prevEnd = j;
    i = j;
  }
  if (cells.length === 0) return null;
  return { cells, table, mayHoldHeader };
}

/** Whether an indented row continues the table row above it, cell under cell. */
function continues(above: Row, row: Row): boolean {
  if (row.cells[0]!.column < COLUMN_GAP) return false;
  return row.cells.every((cell) => Math.abs(nearestCell(above, cell.column).column - cell.column) <= COLUMN_SLACK);
}

/** The cell of `row` whose column is nearest `column` (cells stand left to right: a binary search). */
function nearestCell(row: Row, column: number): Cell {
  const cells = row.cells;
  let lo = 0;
  let hi = cells.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[mid]!.column < column) lo = mid + 1;
    else hi = mid;
  }
  // `lo` is the first cell at or right of `column`; the one before it may be nearer.
  const right = cells[lo]!;
  const left = cells[lo - 1];
  return left !== undefined && Math.abs(left.column - column) <= Math.abs(right.column - column) ? left : right;
}

/** Index (into the flat word pairs) where the running page header starts, or -1. */
function findPageHeader(input: string, words: number[]): number {
  const count = words.length / 2;
  outer: for (let w = 0; w + PAGE_HEADER.length <= count; w++) {
    for (let k = 0; k < PAGE_HEADER.length; k++) {
      const s = words[(w + k) * 2]!;
      const e = words[(w + k) * 2 + 1]!;
      const word = PAGE_HEADER[k]!;
      if (e - s !== word.length || !input.startsWith(word, s)) continue outer;
    }
    return w * 2;
  }
  return -1;
}

function percentile(histogram: readonly number[], q: number): number {
  let total = 0;
  for (let w = 0; w < histogram.length; w++) total += histogram[w]!;
  if (total === 0) return 0;
  let seen = 0;
  for (let w = 0; w < histogram.length; w++) {
    seen += histogram[w]!;
    if (seen >= total * q) return w;
  }
  return histogram.length - 1;
}
