/**
 * Problems are data: every diagnostic has a code from this one closed list, a severity
 * fixed by its code, a message, and where in the caller's string it points. The list
 * is documented, with what to do about each, in `docs/diagnostics.md`.
 *
 * The rule the severities keep: a value the result gives is either what the letter says,
 * or an `error` diagnostic covers it. A `warning` is something repaired, left out or
 * looked past with every value still right; `info` a note (a value left at its
 * documented fallback, such as a word not in a vocabulary).
 */
import type { Span } from "../span.js";
import type { Severity } from "../vocabulary.js";
import type { Diagnostic } from "./types.js";

export type { Severity };

/**
 * What a diagnostic is about, one fixed code per kind of problem.
 *
 * @example
 * ```ts
 * import { DIAGNOSTIC_CODES } from "imr-determination";
 * DIAGNOSTIC_CODES.includes("unplaced-text"); // true
 * ```
 */
export const DIAGNOSTIC_CODES = [
  "empty-input",
  "not-a-determination-letter",
  "another-letter",
  "missing-case-header",
  "missing-header-value",
  "invalid-header-value",
  "inconsistent-header-dates",
  "missing-section",
  "duplicate-section",
  "conflicting-section",
  "duplicate-page",
  "duplicate-line",
  "empty-page",
  "unrecognized-reviewer-credential",
  "unclear-patient",
  "no-decisions",
  "malformed-decision-heading",
  "incomplete-decision",
  "duplicate-decision",
  "conflicting-decision",
  "decision-outside-section",
  "possibly-truncated",
  "unplaced-decision-text",
  "unplaced-text",
  "unreadable-citation",
  "unknown-mtus-guideline",
  "unknown-service",
  "unknown-drug",
  "mojibake-dropped",
  "control-characters",
  "invalid-characters",
  "internal-error",
] as const;

/**
 * One of {@link DIAGNOSTIC_CODES}.
 *
 * @example
 * ```ts
 * const fatal: DiagnosticCode[] = ["not-a-determination-letter", "no-decisions"];
 * ```
 */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/**
 * The severity that goes with each code.
 *
 * @example
 * ```ts
 * import { SEVERITY } from "imr-determination";
 * SEVERITY["no-decisions"]; // "error"
 * ```
 */
export const SEVERITY: Readonly<Record<DiagnosticCode, Severity>> = {
  "empty-input": "error",
  "not-a-determination-letter": "error",
  "another-letter": "error",
  "missing-case-header": "warning",
  "missing-header-value": "error",
  "invalid-header-value": "error",
  "inconsistent-header-dates": "error",
  "missing-section": "error",
  "duplicate-section": "warning",
  "conflicting-section": "error",
  "duplicate-page": "warning",
  "duplicate-line": "warning",
  "empty-page": "error",
  "unrecognized-reviewer-credential": "error",
  "unclear-patient": "warning",
  "no-decisions": "error",
  "malformed-decision-heading": "error",
  "incomplete-decision": "error",
  "duplicate-decision": "error",
  "conflicting-decision": "error",
  "decision-outside-section": "warning",
  "possibly-truncated": "error",
  "unplaced-decision-text": "error",
  "unplaced-text": "warning",
  "unreadable-citation": "error",
  "unknown-mtus-guideline": "warning",
  "unknown-service": "info",
  "unknown-drug": "info",
  "mojibake-dropped": "warning",
  "control-characters": "warning",
  "invalid-characters": "warning",
  "internal-error": "error",
};

// Past this many diagnostics of one code (a 10 MB file of noise), the rest are counted in one more.
const MAX_PER_CODE = 50;

/** The diagnostics of one letter, collected as the readers find them and given out in the letter's order. */
export class Diagnostics {
  private readonly list: Diagnostic[] = [];
  private readonly counts = new Map<DiagnosticCode, number>();
  private readonly overflow = new Map<DiagnosticCode, { count: number; span: Span }>();

  add(code: DiagnosticCode, message: string, span: Span): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count <= MAX_PER_CODE) {
      this.list.push({ severity: SEVERITY[code], code, message, line: span.line, column: span.column, span });
      return;
    }
    const o = this.overflow.get(code);
    if (o) {
      o.count++;
      o.span = { ...o.span, end: Math.max(o.span.end, span.end) };
    } else this.overflow.set(code, { count: 1, span });
  }

  /** Whether any diagnostic of `code` was added. */
  has(code: DiagnosticCode): boolean {
    return this.counts.has(code);
  }

  /** Every diagnostic, in the order of the text (and, at one place, in the order found). */
  sorted(): Diagnostic[] {
    const all = [...this.list];
    for (const [code, { count, span }] of this.overflow) {
      all.push({
        severity: SEVERITY[code],
        code,
        message: `${count} more ${code} diagnostics like the ones before, up to here`,
        line: span.line,
        column: span.column,
        span,
      });
    }
    // Array.prototype.sort is stable: diagnostics at one offset keep the order they were found in.
    return all.sort((a, b) => a.span.start - b.span.start);
  }
}
