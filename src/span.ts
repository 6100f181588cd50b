/**
 * Spans: where something came from in the caller's string. Every stage after the
 * normalizer makes them the same way, from ranges of the normalized text, so the maker
 * lives here, apart from the stages (the AST and the model both use it).
 */
import * as z from "zod/mini";
import type { NormalizedText } from "./normalize/index.js";

const count = z.int().check(z.nonnegative());
const ordinal = z.int().check(z.positive());

/**
 * Where something came from: UTF-16 offsets into the exact string passed to
 * `parseDetermination` (before any normalization), and the 1-based line and column of
 * its start. `input.slice(span.start, span.end)` is the source of the value.
 *
 * @example
 * ```ts
 * import type { Span } from "imr-determination";
 * const quote = (text: string, s: Span) => `${s.line}:${s.column} ${text.slice(s.start, s.end)}`;
 * ```
 */
export interface Span {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** 1-based line of `start` (lines end at `\n`, `\r\n` or `\r`). */
  line: number;
  /** 1-based column of `start`, in UTF-16 code units. */
  column: number;
}

/**
 * The zod schema of a {@link Span}: UTF-16 offsets into the caller's string, with the
 * line and column of the start.
 *
 * @example
 * ```ts
 * import { SpanSchema } from "imr-determination";
 * SpanSchema.parse({ start: 0, end: 12, line: 1, column: 1 });
 * ```
 */
export const SpanSchema = z.object({ start: count, end: count, line: ordinal, column: ordinal });

/** Turns ranges of the normalized text (or of the input) into spans of the caller's string. */
export class SpanMaker {
  constructor(readonly normalized: NormalizedText) {}

  /** The span of the input that normalized range [start, end) came from (zero-width where the range is empty). */
  fromNormalized(start: number, end: number): Span {
    return this.fromInput(this.normalized.toInput(start, end));
  }

  /** A span for a range of the input. */
  fromInput(range: { start: number; end: number }): Span {
    const { line, column } = this.normalized.position(range.start);
    return { start: range.start, end: range.end, line, column };
  }

  /** A zero-width span at an input offset: a place something is missing from. */
  at(inputOffset: number): Span {
    return this.fromInput({ start: inputOffset, end: inputOffset });
  }
}
