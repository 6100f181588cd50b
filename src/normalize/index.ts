import { repairCharacters, type CharacterRepair } from "./characters.js";
import { LineCounter } from "./line-counter.js";
import { foldLines } from "./lines.js";
import type { OffsetMap } from "./offset-map.js";
import { emptyPages, ownCaseNumber, repeatedPages } from "./pages.js";

export { OffsetMap } from "./offset-map.js";

/**
 * A change the normalizer made that the result reports, in input offsets.
 *
 * @example
 * ```ts
 * normalize("necessary. â¿¿").repairs; // [{ kind: "mojibake-dropped", start: 11, end: 14, text: "â¿¿" }]
 * ```
 */
export interface NormalizerRepair {
  kind: CharacterRepair["kind"];
  /** Range of the caller's string the repair covers. */
  start: number;
  end: number;
  /** The characters that were removed or replaced. */
  text: string;
}

/**
 * A letter's text made clean for the grammar, with a way back to the caller's string.
 *
 * @example
 * ```ts
 * import { normalize } from "imr-determination";
 * const clean = normalize("Flexeril\u00c2\u00ae 10mg:  Upheld \r\n");
 * clean.text; // "Flexeril® 10mg: Upheld"
 * clean.toInput(8, 9); // { start: 8, end: 10 }: the two characters "Â®"
 * ```
 */
export interface NormalizedText {
  /** The caller's string, unchanged. */
  readonly input: string;
  /**
   * The clean text: lines joined by `\n`, no blank lines, no leading, trailing or
   * repeated spaces, mojibake repaired, page headers removed, layout tables folded.
   */
  readonly text: string;
  /** How many characters a full line of prose holds in this letter. */
  readonly lineWidth: number;
  /** Offsets (in `text`) of the line breaks that stand where a page ended: no evidence of a paragraph's end. */
  readonly pageBreaks: readonly number[];
  /** Repairs the result should report (dropped mojibake, control characters). */
  readonly repairs: readonly NormalizerRepair[];
  /** Input ranges of the running page headers that were removed. */
  readonly pageHeaders: readonly { start: number; end: number }[];
  /** Input ranges of pages left out because they repeat an earlier page word for word. */
  readonly repeatedPages: readonly { start: number; end: number }[];
  /** Input ranges of lines left out because they repeat the line right before them word for word. */
  readonly repeatedLines: readonly { start: number; end: number }[];
  /** Where a page with no text stands between pages with text (the input range of its page break). */
  readonly emptyPages: readonly { start: number; end: number }[];
  /** The input range of another letter's pages (from a page header naming another case), left out; or null. */
  readonly otherLetter: { start: number; end: number } | null;
  /** Maps a range of `text` back to the range of `input` it came from. */
  toInput(start: number, end: number): { start: number; end: number };
  /** 1-based line and column of an offset of `input`. */
  position(inputOffset: number): { line: number; column: number };
}

// Text encoded twice (a seed's `Â®` put through another Windows-1252 reading) needs a
// second pass; more than three is not text any more.
const MAX_DECODING_PASSES = 3;

/**
 * Cleans the text of a letter for the grammar, in linear time, keeping a map from
 * every character of the clean text back to the caller's string.
 *
 * What it does, in order: repairs mojibake (UTF-8 read as Windows-1252 or Latin-1,
 * including the variant where lost bytes became `¿`), turns CRLF, CR, form feeds and
 * Unicode separators into `\n` and every kind of space into ` `, drops control
 * characters, reads Cyrillic and Greek look-alikes inside Latin words ("Uph\u0435ld") as
 * the Latin letters, then trims and folds every line, drops blank lines, removes the letter's
 * running page headers, leaves out pages that repeat an earlier page and another
 * letter's pages (both reported), and folds the continuation rows of a `pdftotext
 * -layout` table into the cells above them.
 *
 * @example
 * ```ts
 * import { normalize } from "imr-determination";
 * normalize("  Priority:   Standard  \n\n\nHOW THE IMR").text; // "Priority: Standard\nHOW THE IMR"
 * ```
 */
export function normalize(input: string): NormalizedText {
  const maps: OffsetMap[] = [];
  const repairs: NormalizerRepair[] = [];
  let text = input;
  for (let pass = 0; pass < MAX_DECODING_PASSES; pass++) {
    const result = repairCharacters(text);
    const toInput = (start: number, end: number) => throughMaps(maps, start, end);
    for (const r of result.repairs) {
      const at = toInput(r.start, r.end);
      repairs.push({ kind: r.kind, start: at.start, end: at.end, text: input.slice(at.start, at.end) });
    }
    maps.unshift(result.map);
    text = result.text;
    if (!result.decoded) break;
  }
  const skip = repeatedPages(text);
  const lines = foldLines(text, { caseNumber: ownCaseNumber(text), skip });
  const pageHeaders = lines.pageHeaders.map((h) => throughMaps(maps, h.start, h.end));
  const repeated = skip.map((p) => throughMaps(maps, p.start, p.end));
  const repeatedLines = lines.repeatedLines.map((l) => throughMaps(maps, l.start, l.end));
  const empty = emptyPages(text).map((p) => throughMaps(maps, p.start, p.end));
  const otherLetter = lines.otherLetterAt === null ? null : { start: throughMaps(maps, lines.otherLetterAt, lines.otherLetterAt + 1).start, end: input.length };
  maps.unshift(lines.map);
  const length = lines.text.length;
  const lineCounter = new LineCounter(input);
  return {
    input,
    text: lines.text,
    lineWidth: lines.lineWidth,
    pageBreaks: lines.pageBreaks,
    repairs,
    pageHeaders,
    repeatedPages: repeated,
    repeatedLines,
    emptyPages: empty,
    otherLetter,
    toInput(start: number, end: number) {
      if (end <= start) {
        const at = start >= length ? input.length : throughMaps(maps, start, start + 1).start;
        return { start: at, end: at };
      }
      return throughMaps(maps, start, end);
    },
    position: (inputOffset: number) => lineCounter.position(inputOffset),
  };
}

/** Maps a non-empty range back through a chain of maps (newest first). */
function throughMaps(maps: readonly OffsetMap[], start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  for (const map of maps) {
    if (e <= s) {
      s = map.startOf(s);
      e = s;
      continue;
    }
    const ns = map.startOf(s);
    const ne = map.endOf(e - 1);
    s = ns;
    e = Math.max(ns, ne);
  }
  return { start: s, end: e };
}
