/**
 * Text runs from single characters, grouped as pdf.js groups the glyphs of a page into
 * its text items, so that {@link pageText} writes the same text from PDFium's characters
 * as from pdf.js's items (byte for byte on every PDF of the shared corpus; a test checks).
 *
 * pdf.js measures the gap between a glyph and the end of the one before, relative to
 * the font size: up to 10.2 % of it is tracking (no space, unless the text had a space
 * there, which then starts a new item), up to 60 % is a space within the item, more
 * starts a new item; moving back more than 20 %, to another line, or to another font or
 * font size starts a new item too. The thresholds are pdf.js's own.
 */
import type { TextRun } from "./text.js";

const TRACKING = 0.102;
const NOT_A_SPACE = 0.03;
const SPACE_IN_FLOW = 0.6;
const MOVED_BACK = -0.2;
const SHIFTED = 0.25;

/** Latin ligatures (ff, fi, fl, ffi, ffl, st), which pdf.js writes as their letters. */
const isLigature = (code: number) => code >= 0xfb00 && code <= 0xfb06 && code !== 0xfb05;

interface Run extends TextRun {
  /** The font size the run's glyphs were set in (the `Tf` operand). */
  setSize: number;
  font: number;
}

export class RunBuilder {
  private runs: Run[] = [];
  private run: Run | null = null;
  private x = Number.NaN; // where the last glyph started,
  private y = Number.NaN; // its baseline,
  private end = 0; // and where it ended
  private afterSpace = false;

  /** A space character of the text (not one the PDF engine made up). */
  space(): void {
    this.afterSpace = true;
  }

  /**
   * A visible glyph: its text, origin, right edge, font (any number that differs between
   * fonts), font size as set and as drawn (scaled by the text and page matrices).
   */
  glyph(text: string, x: number, y: number, end: number, font: number, setSize: number, size: number): void {
    if (isLigature(text.charCodeAt(0))) text = text.normalize("NFKC");
    const run = this.run;
    if (run !== null && x === this.x && y === this.y) {
      // More characters of the same glyph (one glyph mapped to several letters).
      run.str += text;
    } else if (run === null || font !== run.font || setSize !== run.setSize || this.startsRun(x, y, size)) {
      this.run = { str: text, x, y, width: end - x, setSize, font };
      this.runs.push(this.run);
    } else {
      if (x - this.end > TRACKING * size) run.str += " ";
      run.str += text;
    }
    this.run!.width = Math.max(this.run!.width, end - this.run!.x);
    this.x = x;
    this.y = y;
    this.end = end;
    this.afterSpace = false;
  }

  private startsRun(x: number, y: number, size: number): boolean {
    const gap = x - this.end;
    const rise = Math.abs(y - this.y);
    if (gap < MOVED_BACK * size || rise > size) return true;
    if (rise > SHIFTED * size) return true;
    if (gap <= TRACKING * size) return this.afterSpace && gap > NOT_A_SPACE * size;
    return gap > SPACE_IN_FLOW * size;
  }

  /** The runs of the page, and a fresh start for the next. */
  take(): TextRun[] {
    const runs = this.runs;
    this.runs = [];
    this.run = null;
    this.afterSpace = false;
    return runs;
  }
}
