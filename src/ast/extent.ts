/**
 * Where a CST element lies in the text it was parsed from. The parsers track node
 * locations (`nodeLocationTracking: "onlyOffset"`); tokens get their end offsets from
 * `withEndOffsets` (grammar/lexer.ts) right after lexing.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";

/** A half-open range [start, end) of offsets; empty when `end <= start`. */
export interface Range {
  start: number;
  end: number;
}

export const EMPTY: Range = { start: 0, end: 0 };

const isToken = (e: CstElement): e is IToken => (e as IToken).image !== undefined;

/** The range a token or node covers. */
export function extentOf(e: CstElement): Range {
  if (isToken(e)) return { start: e.startOffset, end: e.endOffset! + 1 };
  const { startOffset, endOffset } = (e as CstNode).location!;
  return Number.isNaN(startOffset) ? EMPTY : { start: startOffset, end: endOffset! + 1 };
}

/** The range a run of same-named children covers (they are in the text's order). */
export function extentOfAll(elements: readonly CstElement[] | undefined): Range {
  if (!elements || elements.length === 0) return EMPTY;
  const first = extentOf(elements[0]!);
  if (elements.length === 1) return first;
  return { start: first.start, end: extentOf(elements[elements.length - 1]!).end };
}

/** The range of several runs of children, whichever come first and last. */
export function extentOfRuns(...runs: (readonly CstElement[] | undefined)[]): Range {
  let start = Infinity;
  let end = -Infinity;
  for (const run of runs) {
    const r = extentOfAll(run);
    if (r.end <= r.start) continue;
    start = Math.min(start, r.start);
    end = Math.max(end, r.end);
  }
  return end > start ? { start, end } : EMPTY;
}
