import type { NormalizedText } from "../normalize/index.js";
import type { Span } from "../model/schema.js";

/** Turns ranges of the normalized text into spans of the caller's string. */
export class SpanMaker {
  constructor(readonly normalized: NormalizedText) {}

  /** The span of the input that normalized range [start, end) came from. */
  fromNormalized(start: number, end: number): Span {
    return this.fromInput(this.normalized.toInput(start, end));
  }

  /** A span for a range of the input. */
  fromInput(range: { start: number; end: number }): Span {
    const { line, column } = this.normalized.position(range.start);
    return { start: range.start, end: range.end, line, column };
  }
}
