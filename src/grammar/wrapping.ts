/**
 * When a line break inside a paragraph is only a wrap. A PDF's text wraps at the page
 * width, so a line that is full and does not end a sentence runs on into the next one;
 * a short line, or one ending in a full stop, ends its paragraph (or a heading).
 */

import { endsSentence } from "../normalize/sentences.js";

/** A line shorter than this share of the letter's full width is a paragraph's last line. */
const FULL_LINE_SHARE = 0.6;

/** Whether the line `[start, end)` is full, for a letter whose full lines hold `lineWidth` characters. */
export function isFullLine(start: number, end: number, lineWidth: number): boolean {
  return end - start >= lineWidth * FULL_LINE_SHARE;
}

/** Whether the line `text[start, end)` runs on into the next line: it is full and does not end a sentence. */
export function runsOn(text: string, start: number, end: number, lineWidth: number): boolean {
  return isFullLine(start, end, lineWidth) && !endsSentence(text.slice(Math.max(start, end - 2), end));
}
