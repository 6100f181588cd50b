/**
 * Problems are data: every diagnostic has a code from this one closed list, a severity
 * fixed by its code, a message, and where in the caller's string it points. The list
 * is documented, with what to do about each, in `docs/diagnostics.md`.
 */

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
  "missing-case-header",
  "missing-section",
  "duplicate-section",
  "no-decisions",
  "incomplete-decision",
  "decision-outside-section",
  "possibly-truncated",
  "unplaced-text",
  "invalid-header-value",
  "unknown-mtus-guideline",
  "unknown-service",
  "unknown-drug",
  "mojibake-dropped",
  "control-characters",
  "invalid-characters",
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
 * How bad a diagnostic is: an `error` means a field the letter should have is missing
 * or unreadable; a `warning` that something was repaired, left out or guessed at; an
 * `info` that a value was left at its documented fallback (a word not in a vocabulary).
 *
 * @example
 * ```ts
 * const worst = (ds: Diagnostic[]): Severity | null => ds.find((d) => d.severity === "error") ? "error" : ds.length ? "warning" : null;
 * ```
 */
export type Severity = "error" | "warning" | "info";

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
  "missing-case-header": "warning",
  "missing-section": "warning",
  "duplicate-section": "warning",
  "no-decisions": "error",
  "incomplete-decision": "error",
  "decision-outside-section": "warning",
  "possibly-truncated": "warning",
  "unplaced-text": "warning",
  "invalid-header-value": "warning",
  "unknown-mtus-guideline": "warning",
  "unknown-service": "info",
  "unknown-drug": "info",
  "mojibake-dropped": "warning",
  "control-characters": "warning",
  "invalid-characters": "warning",
};
